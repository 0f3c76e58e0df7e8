/**
 * A worker's recording as a structured-clone message: its snapshot copied out of the live ring
 * (so the worker may go on recording) with its function table and time origin. The page turns it
 * back into a RecorderSnapshot on its own clock and writes it as one more thread of its trace.
 */
import { originShiftNs } from './browser-clock.js';
import { argsBack, argsOut, logsBack, logsOut, type ThreadLogs } from './browser-thread-logs.js';
import type { CallArgs } from './recorder-call-args.js';
import type { FunctionInfo } from './function-registry.js';
import type { EventSegment, RecorderSnapshot } from './recorder-snapshot.js';

export interface ThreadData {
  /** The worker's `name` option, if it had one. */
  name: string | undefined;
  /** `performance.timeOrigin` of the worker: its clock's zero. */
  timeOrigin: number;
  ids: Int32Array;
  starts: BigInt64Array;
  ends: BigInt64Array;
  /** Events [0, finished) completed; [finished, length) were open at save time. */
  finished: number;
  functions: { names: string[]; files: string[]; lines: number[]; columns: number[] };
  total: number;
  dropped: number;
  baseTimeNanoseconds: bigint;
  savedAt: bigint;
  /** Logged call args by event index. */
  args: [number, CallArgs][];
  /** Log events, when the worker logged any. */
  logs: ThreadLogs | undefined;
  /** Set through the API (tracer.setThreadName). */
  threadName: string | undefined;
}

export function toThreadData(snapshot: RecorderSnapshot, name: string | undefined, timeOrigin: number): ThreadData {
  const n = snapshot.count;
  const ids = new Int32Array(n);
  const starts = new BigInt64Array(n);
  const ends = new BigInt64Array(n);
  let at = 0;
  let finished = 0;
  const args: [number, CallArgs][] = [];
  for (const seg of snapshot.segments) {
    for (const [slot, a] of seg.args ?? []) if (slot >= seg.from && slot < seg.to) args.push([at + slot - seg.from, argsOut(a)]);
    ids.set(seg.ids.subarray(seg.from, seg.to), at);
    starts.set(seg.starts.subarray(seg.from, seg.to), at);
    ends.set(seg.ends.subarray(seg.from, seg.to), at);
    at += seg.to - seg.from;
    if (!seg.unfinished) finished = at;
  }
  const f = snapshot.functions;
  return {
    name,
    timeOrigin,
    ids,
    starts,
    ends,
    finished,
    functions: { names: [...f.names], files: [...f.files], lines: [...f.lines], columns: [...f.columns] },
    total: snapshot.total,
    dropped: snapshot.dropped,
    baseTimeNanoseconds: snapshot.baseTimeNanoseconds,
    savedAt: snapshot.savedAt,
    args,
    logs: snapshot.logs ? logsOut(snapshot.logs, snapshot.logSites) : undefined,
    threadName: snapshot.threadName,
  };
}

/** Buffers to transfer with a ThreadData message (no copy on the way). */
export const transferList = (d: ThreadData): ArrayBuffer[] => [
  d.ids.buffer, d.starts.buffer, d.ends.buffer,
  ...(d.logs ? [d.logs.kinds.buffer, d.logs.sites.buffer, d.logs.times.buffer, d.logs.ends.buffer] : []),
] as ArrayBuffer[];

/** The thread as a snapshot on the clock whose time origin is `timeOrigin` (shifted in place). */
export function fromThreadData(d: ThreadData, timeOrigin: number): RecorderSnapshot {
  const shift = originShiftNs(d.timeOrigin, timeOrigin);
  if (shift !== 0n) {
    for (let i = 0; i < d.starts.length; i++) {
      d.starts[i] = d.starts[i]! + shift;
      d.ends[i] = d.ends[i]! + shift;
    }
  }
  const n = d.ids.length;
  // Older pages' workers (or a worker without logs) send no args / logs.
  const args = new Map((d.args ?? []).map(([i, a]) => [i, argsBack(a)] as const));
  const segment = (from: number, to: number, unfinished: boolean): EventSegment =>
    ({ ids: d.ids, starts: d.starts, ends: d.ends, from, to, unfinished, args: args.size > 0 ? args : undefined });
  const logs = d.logs ? logsBack(d.logs, shift) : undefined;
  const segments = [segment(0, d.finished, false), segment(d.finished, n, true)].filter((s) => s.to > s.from);
  const functions: FunctionInfo = d.functions;
  return {
    segments,
    count: n,
    total: d.total,
    dropped: d.dropped,
    unfinished: n - d.finished,
    functions,
    baseTimeNanoseconds: d.baseTimeNanoseconds - shift,
    savedAt: d.savedAt + shift,
    logs: logs?.logs,
    logSites: logs?.sites,
    threadName: d.threadName,
  };
}
