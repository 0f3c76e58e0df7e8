/**
 * The trace file format: Chrome Trace Event "JSON Object Format"
 * (https://docs.google.com/document/d/1CvAClvFfyA5R-PhYUmn5OOQtYMH4h6I0nSsKchNAySU), with
 * VizTracer's extra top-level keys so VizTracer's and our tools read each other's files.
 * This file is the spec: every field has a comment; bump FORMAT_VERSION on any change.
 * Types only (plus two constants), so the viewer may `import type` from here.
 */

/** Version of the shapes below; written as `viztracer_metadata.format_version`. */
export const FORMAT_VERSION = 1;

/** Written as `viztracer_metadata.producer`, so readers can tell our files from VizTracer's. */
export const PRODUCER = 'viztracer-js';

/** The whole file. */
export interface TraceFile {
  /** Metadata (`M`) events first, then complete (`X`) events in the order calls ended. */
  traceEvents: TraceEvent[];
  viztracer_metadata: TraceMetadata;
  file_info: FileInfo;
}

export type TraceEvent = MetadataEvent | CompleteEvent;

/** Names a process or a thread. */
export interface MetadataEvent {
  ph: 'M';
  /** Which entity the event names. */
  name:
    | 'process_name' // names process `pid` (tid = pid)
    | 'thread_name'; // names thread `tid` of process `pid`
  /** Process id (the OS pid). */
  pid: number;
  /** Thread id; the main thread's tid equals the pid. */
  tid: number;
  /** The display name. */
  args: { name: string };
}

/** One function call (or one synchronous slice of a generator / async function). */
export interface CompleteEvent {
  ph: 'X';
  /** `"<qualified name> (<path relative to root>:<line>)"`, e.g. `"fib (src/a.ts:3)"`. */
  name: string;
  /** Always "FEE" (function entry/exit) for calls. */
  cat: 'FEE';
  /** Process id. */
  pid: number;
  /** Thread id; main thread = pid. */
  tid: number;
  /** Start: monotonic clock in µs, three decimals (ns precision). Not zero-based. */
  ts: number;
  /** Duration in µs, three decimals. */
  dur: number;
  /** Present only on calls still open at save time, closed at the save time. */
  args?: { unfinished: true };
}

export interface TraceMetadata {
  /** Version of the viztracer package that wrote the file. */
  version: string;
  /** FORMAT_VERSION of this file. Added in v1. */
  format_version: number;
  /** Always PRODUCER. */
  producer: typeof PRODUCER;
  /** True when the ring buffer wrapped: the oldest calls were dropped. */
  overflow: boolean;
  /** How many completed calls were dropped because the ring buffer wrapped. */
  dropped: number;
  /** How many events are calls still open at save time (marked `args.unfinished`). */
  unfinished: number;
  /**
   * Wall clock minus monotonic clock, in ns, sampled once when recording started:
   * wall time of an event (ns since the Unix epoch) = ts * 1000 + baseTimeNanoseconds.
   * Written as a JSON integer (it exceeds 2^53, as in VizTracer).
   */
  baseTimeNanoseconds: number;
  /** The monotonic clock `ts` comes from. */
  clock:
    | 'hrtime' // process.hrtime.bigint() (Node)
    | 'performance'; // performance.now() (browsers)
}

export interface FileInfo {
  /** Source text and line count of every file named by an event, keyed by relative path. */
  files: Record<string, [source: string, lineCount: number]>;
  /** Every event name whose source was readable: [relative path, 1-based line]. */
  functions: Record<string, [file: string, line: number]>;
}
