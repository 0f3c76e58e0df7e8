/** "type" of the nearest package.json, as Node decides whether a .js/.ts file is an ES module. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const cache = new Map<string, 'module' | 'commonjs'>();

export function packageType(dir: string): 'module' | 'commonjs' {
  const cached = cache.get(dir);
  if (cached) return cached;
  let type: 'module' | 'commonjs';
  let text: string | null = null;
  try {
    text = readFileSync(join(dir, 'package.json'), 'utf8');
  } catch {
    // no package.json here: the parent decides
  }
  if (text !== null) {
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      // a broken package.json is the bundler's to report
    }
    type = (parsed as { type?: unknown } | null)?.type === 'module' ? 'module' : 'commonjs';
  } else {
    type = dirname(dir) === dir ? 'commonjs' : packageType(dirname(dir));
  }
  cache.set(dir, type);
  return type;
}
