/**
 * Per-directory lookups the loader needs for TypeScript: the nearest package.json "type" and
 * the nearest tsconfig.json text. Cached per directory: a loader sees the same dirs again and again.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const typeCache = new Map<string, 'module' | 'commonjs'>();
const tsconfigCache = new Map<string, string | null>();

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** "type" of the nearest package.json (Node's rule: the first one found decides). */
export function packageType(dir: string): 'module' | 'commonjs' {
  const cached = typeCache.get(dir);
  if (cached) return cached;
  const text = readText(join(dir, 'package.json'));
  let type: 'module' | 'commonjs';
  if (text !== null) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
    type = (parsed as { type?: unknown } | null)?.type === 'module' ? 'module' : 'commonjs';
  } else {
    type = dirname(dir) === dir ? 'commonjs' : packageType(dirname(dir));
  }
  typeCache.set(dir, type);
  return type;
}

/** Raw text of the nearest tsconfig.json (esbuild reads it as tsconfigRaw), or null. */
export function nearestTsconfig(dir: string): string | null {
  const cached = tsconfigCache.get(dir);
  if (cached !== undefined) return cached;
  const text = readText(join(dir, 'tsconfig.json'));
  const found = text ?? (dirname(dir) === dir ? null : nearestTsconfig(dirname(dir)));
  tsconfigCache.set(dir, found);
  return found;
}
