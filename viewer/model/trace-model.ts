/**
 * The viewer's in-memory trace: struct-of-arrays typed columns, names interned to ids, no object per
 * event (notes/viewer-design.md §0, §5). Built in the worker from JSON, or decoded from the binary
 * that `vizviewer` and the report writer convert in Node (viewer/format/), and transferred as is.
 */

/** What a track shows. */
export type TrackKind =
  | 'thread' // X / B-E slices and instants of one (pid, tid)
  | 'async' // b/e async spans of one (pid, cat, id)
  | 'counter'; // the C events of one counter name in one process: a graph, one series per arg key

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
  /** Counter tracks: indexes into `TraceModel.counters`, one per arg key; [] otherwise. */
  series: number[];
  /** This track's instants are `instants[instantBase .. instantBase + instantCount)`, sorted by ts. */
  instantBase: number;
  instantCount: number;
}

/** One series of a counter track (one arg key of its C events), drawn as a step chart. */
export interface CounterSeries {
  /** The arg key, e.g. "heapUsed". */
  name: string;
  track: number;
  ts: Float64Array;
  value: Float64Array;
  min: number;
  max: number;
}

/** The `args` objects of slices, instants and object snapshots: raw JSON bytes, decoded on demand. */
export interface ArgsTable {
  /** UTF-8 JSON of every entry, back to back. */
  bytes: Uint8Array;
  /** Entry k is `bytes[offsets[k] .. offsets[k + 1])`. */
  offsets: Uint32Array;
}

/** Instant events (`i`/`I`/`R`/`n`), ordered by track then time. */
export interface Instants {
  ts: Float64Array;
  name: Int32Array;
  track: Uint16Array;
  /** Char code of the scope: 't' thread, 'p' process, 'g' global. */
  scope: Uint8Array;
  /** Index into `args`, -1 without args. */
  argsRef: Int32Array;
}

/** Flow arrows (`s` → `t`/`f`), each bound to the slices it leaves and enters. */
export interface Flows {
  name: Int32Array;
  fromTs: Float64Array;
  fromTrack: Uint16Array;
  /** The deepest slice enclosing the start, or -1. */
  fromSlice: Int32Array;
  toTs: Float64Array;
  toTrack: Uint16Array;
  /** The deepest slice enclosing the end (else, unless `bp:"e"`, the next slice to start), or -1. */
  toSlice: Int32Array;
}

/** One object event (N created, O snapshot, D destroyed). Rare, so plain objects. */
export interface ObjectEvent {
  name: string;
  ph: 'N' | 'O' | 'D';
  /** µs relative to the trace origin. */
  ts: number;
  id: string;
  /** The process's display name. */
  process: string;
  /** Index into `args` (an O event's `args.snapshot`), -1 without args. */
  argsRef: number;
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

/** Call tree aggregated by stack (call-trees.ts); node 0 is the root. Children sorted by total, descending. */
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
  /** Slices in level order: by track, then depth, then start. Times in µs relative to `origin`. (Self time: self-time.ts.) */
  start: Float64Array;
  dur: Float64Array;
  end: Float64Array;
  name: Int32Array;
  depth: Uint16Array;
  track: Uint16Array;
  /** Index into `args`, -1 without args. Slices' entries come first, in level order. */
  argsRef: Int32Array;
  args: ArgsTable;
  /** Slices of level L are [levelOffsets[L], levelOffsets[L + 1]). */
  levelOffsets: Int32Array;
  instants: Instants;
  flows: Flows;
  counters: CounterSeries[];
  objects: ObjectEvent[];
  stats: FunctionStats;
  /** Absolute µs of relative time 0 (the earliest event). */
  origin: number;
  /** Relative µs of the last event's end. */
  span: number;
  warnings: string[];
  /** `file_info` (sources and function locations), when the trace has it. */
  fileInfo: { files: Record<string, [string, number]>; functions: Record<string, [string, number]> } | null;
  /** `viztracer_metadata` or other top-level metadata, as parsed. */
  metadata: Record<string, unknown> | null;
}
