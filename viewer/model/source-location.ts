/**
 * Where a function lives: `file_info.functions[name]` first (VizTracer's map), else the
 * `"name (path:line)"` suffix our event names carry.
 */
import type { TraceModel } from './trace-model.js';

export interface SourceLocation {
  file: string;
  line: number;
}

const SUFFIX = /\(([^()]+):(\d+)\)\s*$/;

export function sourceLocation(m: TraceModel, name: string): SourceLocation | null {
  const fn = m.fileInfo?.functions[name];
  if (fn !== undefined && typeof fn[0] === 'string' && typeof fn[1] === 'number') return { file: fn[0], line: fn[1] };
  const match = SUFFIX.exec(name);
  if (match === null) return null;
  return { file: match[1]!, line: Number(match[2]) };
}

/** The file's source text, when the trace embeds it. */
export function sourceText(m: TraceModel, file: string): string | null {
  const entry = m.fileInfo?.files[file];
  return entry !== undefined && typeof entry[0] === 'string' ? entry[0] : null;
}
