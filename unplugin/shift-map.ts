/**
 * Keeps a source map right after text is inserted into its generated code on one line: every
 * mapping at or after the insertion moves right by the inserted length. Only that line's
 * segments are read, so this is cheap where composing with a second map (what inject-runtime did
 * before) decoded and re-encoded the whole map: a third of the plugin's map cost on large files.
 */
import type { RawSourceMap } from '../instrument/index.js';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((c, i) => [c, i]));

/** Inserting `length` UTF-16 units at `offset` of `code` (the map's generated code). */
export function shiftMap(map: RawSourceMap, code: string, offset: number, length: number): RawSourceMap {
  // Source map lines are split at \n only (magic-string, trace-mapping): count them the same way.
  let line = 0;
  let lineStart = 0;
  for (let i = code.indexOf('\n'); i !== -1 && i < offset; i = code.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { ...map, mappings: shiftLine(map.mappings, line, offset - lineStart, length) };
}

/** `mappings` with the segments of generated `line` at `column` or later moved by `by`. */
export function shiftLine(mappings: string, line: number, column: number, by: number): string {
  let start = 0;
  for (let l = 0; l < line; l++) {
    start = mappings.indexOf(';', start) + 1;
    if (start === 0) return mappings; // the line has no segments
  }
  let end = mappings.indexOf(';', start);
  if (end === -1) end = mappings.length;
  // Within a line each segment's generated column is relative to the previous segment's, so only
  // the first segment at or after the insertion changes.
  let col = 0;
  for (let seg = start; seg < end; ) {
    const { value, next } = readVlq(mappings, seg);
    col += value;
    if (col >= column) return mappings.slice(0, seg) + writeVlq(value + by) + mappings.slice(next);
    const comma = mappings.indexOf(',', next);
    if (comma === -1 || comma > end) break;
    seg = comma + 1;
  }
  return mappings;
}

function readVlq(text: string, at: number): { value: number; next: number } {
  let result = 0;
  let shift = 0;
  let i = at;
  for (;;) {
    const digit = DIGIT.get(text[i++]!) ?? 0;
    result += (digit & 31) * 2 ** shift;
    shift += 5;
    if ((digit & 32) === 0) break;
  }
  return { value: result % 2 === 1 ? -(result - 1) / 2 : result / 2, next: i };
}

function writeVlq(value: number): string {
  let rest = value < 0 ? -value * 2 + 1 : value * 2;
  let out = '';
  do {
    let digit = rest & 31;
    rest = Math.floor(rest / 32);
    if (rest > 0) digit |= 32;
    out += BASE64[digit];
  } while (rest > 0);
  return out;
}
