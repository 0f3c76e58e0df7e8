import remapping from '@jridgewell/remapping';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { isAbsolute, relative, resolve } from 'node:path';
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

/** Our map composed with the input map, so the result points at the original source. */
export function composeMaps(ours: RawSourceMap, inputMap: RawSourceMap | string | null | undefined): RawSourceMap {
  if (!inputMap) return ours;
  const composed = remapping([ours as never, parseMap(inputMap) as never], () => null);
  return JSON.parse(composed.toString()) as RawSourceMap;
}
