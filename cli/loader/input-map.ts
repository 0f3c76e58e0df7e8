/**
 * The source map a JS file already carries (tsc or bundler output: `//# sourceMappingURL=` to a
 * file or a data: URL), so traces and stack traces point at the original TS. Lenient: a missing
 * or broken map just means none. Sources become absolute file URLs, so composing with our map
 * cannot resolve them against the wrong directory.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { RawSourceMap } from '../../instrument/types.js';

const COMMENT = /\/\/[#@] sourceMappingURL=(\S+)\s*$/;

function mapText(url: string, file: string): { text: string; base: string } {
  if (url.startsWith('data:')) {
    const comma = url.indexOf(',');
    const payload = url.slice(comma + 1);
    const text = url.slice(0, comma).endsWith(';base64') ? Buffer.from(payload, 'base64').toString('utf8') : decodeURIComponent(payload);
    return { text, base: file };
  }
  const mapFile = url.startsWith('file:') ? fileURLToPath(url) : resolve(dirname(file), decodeURIComponent(url));
  return { text: readFileSync(mapFile, 'utf8'), base: mapFile };
}

export function readInputMap(file: string, source: string): RawSourceMap | null {
  const at = source.lastIndexOf('sourceMappingURL=');
  if (at < 0) return null;
  const m = COMMENT.exec(source.slice(source.lastIndexOf('\n', at) + 1));
  if (!m?.[1]) return null;
  try {
    const { text, base } = mapText(m[1], file);
    const map = JSON.parse(text) as Partial<RawSourceMap> | null;
    if (map?.version !== 3 || !Array.isArray(map.sources) || typeof map.mappings !== 'string') return null;
    const root = map.sourceRoot ?? '';
    const sources = map.sources.map((s) =>
      s === null || /^[a-z][a-z0-9+.-]*:/i.test(s) ? s : pathToFileURL(resolve(dirname(base), root, s)).href);
    const { sourceRoot: _ignored, ...rest } = map as RawSourceMap;
    return { ...rest, sources };
  } catch {
    return null;
  }
}
