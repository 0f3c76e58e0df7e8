import remapping from '@jridgewell/remapping';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import type MagicString from 'magic-string';
import { basename, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MapPosition } from './collect-probes.js';
import type { RawSourceMap } from './types.js';

/** Path of a file as the trace shows it: relative to the root, with forward slashes. */
export function toTracePath(root: string, file: string): string {
  const rel = relative(root, file).split('\\').join('/');
  return rel === '' ? file : rel;
}

function parseMap(map: RawSourceMap | string): RawSourceMap {
  return typeof map === 'string' ? (JSON.parse(map) as RawSourceMap) : map;
}

/**
 * Follows an input map (code compiled from TS, say) so a function is named by its original
 * file and line. Positions without a mapping keep the generated file.
 */
export function createPositionMapper(inputMap: RawSourceMap | string, filename: string, root: string): MapPosition {
  const trace = new TraceMap(parseMap(inputMap) as ConstructorParameters<typeof TraceMap>[0], filename);
  return (line, column) => {
    const p = originalPositionFor(trace, { line, column: column - 1 });
    if (p.source === null || p.line === null || p.column === null) return null;
    const source = p.source.startsWith('file:') ? fileURLToPath(p.source) : p.source;
    const abs = isAbsolute(source) ? source : resolve(filename, '..', source);
    return { name: '', file: toTracePath(root, abs), line: p.line, column: p.column + 1 };
  };
}

/**
 * The instrumented code's map back to `filename`. 'boundary' maps every word start: `hires:
 * false` (line starts only) loses the columns of stack traces once a bundler composes it with its
 * own map, and `true` (every character) made maps ~2.7 times larger for no column a stack trace
 * or debugger uses (notes/toolchain.md §4).
 */
export function generateMap(s: MagicString, filename: string): RawSourceMap {
  return plainMap(s.generateMap({ hires: 'boundary', source: filename, file: basename(filename), includeContent: true }));
}

/** Our map composed with the input map, so the result points at the original source. */
export function composeMaps(ours: RawSourceMap, inputMap: RawSourceMap | string | null | undefined): RawSourceMap {
  if (!inputMap) return ours;
  // Encoded mappings (a string): remapping's `decodedMappings` option is off.
  return plainMap(remapping([ours as never, parseMap(inputMap) as never], () => null) as MapFields);
}

interface MapFields {
  file?: string | null | undefined;
  sourceRoot?: string | undefined;
  sources: (string | null)[];
  sourcesContent?: (string | null)[] | undefined;
  names: string[];
  mappings: string;
}

/**
 * A map class instance (magic-string's, remapping's) as plain JSON fields, without the
 * `JSON.parse(map.toString())` round trip: on a large file that was a second copy of the whole
 * map, as a string and then as objects.
 */
function plainMap(map: MapFields): RawSourceMap {
  const raw: RawSourceMap = { version: 3, sources: map.sources, names: map.names, mappings: map.mappings };
  if (map.file != null) raw.file = map.file;
  if (map.sourceRoot != null) raw.sourceRoot = map.sourceRoot;
  if (map.sourcesContent != null) raw.sourcesContent = map.sourcesContent;
  return raw;
}
