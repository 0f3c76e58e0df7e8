/**
 * The trace file format: Chrome Trace Event "JSON Object Format"
 * (https://docs.google.com/document/d/1CvAClvFfyA5R-PhYUmn5OOQtYMH4h6I0nSsKchNAySU), with
 * VizTracer's extra top-level keys so VizTracer's and our tools read each other's files.
 * This file is the spec: every field has a comment; bump FORMAT_VERSION on any change.
 * Types only (plus two constants), so the viewer may `import type` from here.
 */

/**
 * Version of the shapes below; written as `viztracer_metadata.format_version`.
 * v2: instant (I), counter (C) and object (N/O/D) events, call `args`, custom X events,
 * `sync_marker` and `log_dropped` metadata.
 */
export const FORMAT_VERSION = 2;

/** Written as `viztracer_metadata.producer`, so readers can tell our files from VizTracer's. */
export const PRODUCER = 'viztracer-js';

/** The whole file. */
export interface TraceFile {
  /** Metadata (`M`) events first, then per thread its complete (`X`) events in the order calls ended, then its log events. */
  traceEvents: TraceEvent[];
  viztracer_metadata: TraceMetadata;
  file_info: FileInfo;
}

export type TraceEvent = MetadataEvent | CompleteEvent | CustomCompleteEvent | InstantEvent | CounterEvent | ObjectEvent;

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
  /** Present on calls with logged args or still open at save time (closed at the save time). Added in v2: the log fields. */
  args?: CallArgsJson;
}

/** `args` of a call (VizTracer's keys). Added in v2. */
export interface CallArgsJson {
  /** --log-func-args: parameter name -> safe repr. */
  func_args?: Record<string, string>;
  /** --log-func-retval: safe repr of the returned value. */
  return_value?: string;
  /** --log-func-exec: "(<line>) <name> = <repr>" in order. */
  exec_steps?: string[];
  /** The call was still open at save time. */
  unfinished?: true;
}

/** A custom duration: tracer.logEvent(), logSparse calls, GC slices. Added in v2. */
export interface CustomCompleteEvent {
  ph: 'X';
  /** The name given (logEvent), the function's name (logSparse), "gc (<kind>)" (--log-gc). */
  name: string;
  /** "custom" for logEvent, "FEE" for logSparse calls, "gc" for GC slices. */
  cat: string;
  pid: number;
  /** The thread; GC slices go on a pseudo thread named "GC" (tid 0x7ffffffe). */
  tid: number;
  ts: number;
  dur: number;
  args?: Record<string, unknown>;
}

/** An instant (`I`: DevTools ignores lowercase `i`). Added in v2. */
export interface InstantEvent {
  ph: 'I';
  /** Always "INSTANT". */
  cat: 'INSTANT';
  /** "Variable Assign - x", "Attribute Assign - this.a", "Function Entry - f", "Exception - <repr>", "print - <text>", or the API's name. */
  name: string;
  /** Scope: g(lobal), p(rocess), t(hread). */
  s: 'g' | 'p' | 't';
  pid: number;
  tid: number;
  ts: number;
  /** {object: repr} for variable and attribute logs; the API's args. */
  args?: Record<string, unknown>;
}

/** A counter sample (`C`): one track per arg key in Perfetto. Added in v2. */
export interface CounterEvent {
  ph: 'C';
  /** "Variable Assign - x" (--log-number), "garbage collection" (--log-gc), or the API's name. */
  name: string;
  pid: number;
  tid: number;
  ts: number;
  /** Series name -> number. */
  args: Record<string, number>;
}

/** An object snapshot event (VizObject): N created, O snapshot, D destroyed. Added in v2. */
export interface ObjectEvent {
  ph: 'N' | 'O' | 'D';
  /** Always "OBJECT". */
  cat: 'OBJECT';
  /** The object's id, a hex string ("0x1"). */
  id: string;
  name: string;
  pid: number;
  tid: number;
  ts: number;
  /** O: {snapshot: {...}}. */
  args?: Record<string, unknown>;
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
  /** Log events lost because the log ring wrapped (absent when none). Added in v2. */
  log_dropped?: number;
  /**
   * tracer.setSyncMarker(): µs on the same time base as `ts` (what --align-combine aligns on).
   * Absent when no marker was set. Added in v2.
   */
  sync_marker?: number;
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
