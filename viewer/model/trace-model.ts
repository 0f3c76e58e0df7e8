/**
 * The viewer's in-memory trace: struct-of-arrays typed columns, names interned to ids, no object per
 * event (notes/viewer-design.md §0, §5). Built in the worker and transferred to the page as is.
 */

/** What a track shows. */
export type TrackKind =
  | 'thread' // X / B-E slices of one (pid, tid)
  | 'async' // b/e async spans of one (pid, cat, id)
  | 'counter'; // one C series (pid, name, arg key)

export interface TrackInfo {
  /** Display name, from M process_name / thread_name when present. */
  name: string;
  /** Process name (M process_name) or "Process <pid>". */
  processName: string;
  pid: number | string;
  tid: number | string;
  kind: TrackKind;
  /** Slices on this track. */
  sliceCount: number;
  /** Number of nesting levels (0 for a track without slices). */
  levelCount: number;
  /** Index of this track's level 0 in `TraceModel.levelOffsets`. */
  levelBase: number;
  /** For counter tracks: index into `TraceModel.counters`; -1 otherwise. */
  counter: number;
}

/** One counter series (a C event's arg key), as a step chart. */
export interface CounterSeries {
  name: string;
  ts: Float64Array;
  value: Float64Array;
  min: number;
  max: number;
}

/** Per-function totals (one row per interned name that has slices). */
export interface FunctionStats {
  name: Int32Array;
  count: Float64Array;
  /** Inclusive time, recursion counted once. */
  total: Float64Array;
  self: Float64Array;
  max: Float64Array;
}

/** Call tree aggregated by stack; node 0 is the root. Children sorted by total, descending. */
export interface CallTree {
  /** Name id, or `names.length + track` for a per-thread root, or -1 for the root. */
  name: Int32Array;
  parent: Int32Array;
  total: Float64Array;
  self: Float64Array;
  count: Float64Array;
  firstChild: Int32Array;
  nextSibling: Int32Array;
}

export interface TraceModel {
  names: string[];
  tracks: TrackInfo[];
  /** Slices in level order: by track, then depth, then start. Times in µs relative to `origin`. */
  start: Float64Array;
  dur: Float64Array;
  end: Float64Array;
  self: Float64Array;
  name: Int32Array;
  depth: Uint16Array;
  track: Uint16Array;
  /** Index into `args`, -1 without args. */
  argsRef: Int32Array;
  /** Raw JSON text of each distinct event's args. */
  args: string[];
  /** Slices of level L are [levelOffsets[L], levelOffsets[L + 1]). */
  levelOffsets: Int32Array;
  instants: { ts: Float64Array; name: Int32Array; track: Uint16Array };
  flows: { fromTs: Float64Array; fromTrack: Uint16Array; toTs: Float64Array; toTrack: Uint16Array };
  counters: CounterSeries[];
  stats: FunctionStats;
  /** Root's children are one node per thread track. */
  treeByThread: CallTree;
  /** Root's children are the outermost functions of every thread, merged. */
  treeAll: CallTree;
  /** Absolute µs of relative time 0 (the earliest event). */
  origin: number;
  /** Relative µs of the last event's end. */
  span: number;
  warnings: string[];
  /** `file_info` (sources and function locations), when the trace has it. */
  fileInfo: { files: Record<string, [string, number]>; functions: Record<string, [string, number]> } | null;
  /** `viztracer_metadata` or other top-level metadata, as parsed. */
  metadata: Record<string, unknown> | null;
  /** Object snapshot events (N/O/D) seen, listed by name. */
  objects: { name: string; ph: string; ts: number; id: string }[];
}
