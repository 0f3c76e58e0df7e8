/**
 * What a recorder hands to a writer at save time. Segments are views into the live buffers (no
 * copy of a 10^7-slot ring): consume a snapshot before the recorder runs again.
 */
import type { FunctionInfo } from './function-registry.js';
import type { CallArgs } from './recorder-call-args.js';
import type { LogRingSnapshot } from './recorder-log-ring.js';
import type { LogSiteInfo } from './recorder-log-sites.js';
import type { SafeRepr } from './safe-repr.js';

/** Slots [from, to) of three parallel arrays, one event per slot. */
export interface EventSegment {
  /** Global function id per slot. */
  readonly ids: Int32Array;
  /** Start, monotonic ns. */
  readonly starts: BigInt64Array;
  /** End, monotonic ns. */
  readonly ends: BigInt64Array;
  readonly from: number;
  readonly to: number;
  /** True for calls still open at save time (closed at the save time). */
  readonly unfinished: boolean;
  /** Logged args (func_args, return_value, exec_steps) by slot, when any call has them. */
  readonly args?: ReadonlyMap<number, CallArgs> | undefined;
}

export interface RecorderSnapshot {
  /** Completed calls oldest first (at most two segments: the ring wraps), then open frames. */
  readonly segments: readonly EventSegment[];
  /** Number of events over all segments. */
  readonly count: number;
  /** Completed calls recorded since the recorder was created, including dropped ones. */
  readonly total: number;
  /** Completed calls lost because the ring wrapped (the oldest). */
  readonly dropped: number;
  /** Number of open frames in the snapshot (outermost first, after the completed calls). */
  readonly unfinished: number;
  /** The registered functions, indexed by id. */
  readonly functions: FunctionInfo;
  /** Wall-clock ns minus monotonic ns, sampled once at the first start. */
  readonly baseTimeNanoseconds: bigint;
  /** Monotonic ns at which the snapshot was taken (the end of open frames). */
  readonly savedAt: bigint;
  /** Log events (instants, counters, objects, custom durations), when any were recorded. */
  readonly logs?: LogRingSnapshot | undefined;
  /** The log-site table the log events and call args refer to. */
  readonly logSites?: LogSiteInfo | undefined;
  /** Builds the text of logged primitives at save time. */
  readonly repr?: SafeRepr | undefined;
  /** The thread's name set through the API (tracer.setThreadName). */
  readonly threadName?: string | undefined;
  /** tracer.setSyncMarker(), monotonic ns. */
  readonly syncMarker?: bigint | undefined;
}

/** One event as a plain object: for tests and small tools, never for big traces. */
export interface SnapshotEvent {
  id: number;
  start: bigint;
  end: bigint;
  unfinished: boolean;
}

export function snapshotEvents(snapshot: RecorderSnapshot): SnapshotEvent[] {
  const out: SnapshotEvent[] = [];
  for (const s of snapshot.segments) {
    for (let i = s.from; i < s.to; i++) {
      out.push({ id: s.ids[i]!, start: s.starts[i]!, end: s.ends[i]!, unfinished: s.unfinished });
    }
  }
  return out;
}
