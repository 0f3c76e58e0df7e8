/**
 * The recording core: a shadow stack and a ring buffer of completed calls in preallocated typed
 * arrays. Implements the probe protocol (probe-protocol.ts). No imports beyond the protocol, the
 * options and the snapshot types: it runs in Node, browsers and workers alike.
 *
 * Hot-path rules (measured, notes/perf-limits.md): nothing allocates, nothing throws; timestamps go
 * from the clock straight into BigInt64Arrays (V8 never materialises the BigInt); the start is
 * copied shadow -> ring as two int32 halves for the same reason. A stopped recorder costs `e` one
 * flag check.
 */
import { createFunctionRegistry, type FunctionInfo } from './function-registry.js';
import { NOT_RECORDING, PROTOCOL_VERSION, type FunctionTable, type LogTable, type ProbeHandle } from './probe-protocol.js';
import { startKey, type CallArgs } from './recorder-call-args.js';
import type { ProbeWindow, Recorder } from './recorder-types.js';
import { addLogMethods } from './recorder-handle-logs.js';
import { createRecorderLogs, type RecorderLogs } from './recorder-logs.js';
import { resolveRecorderOptions, type RecorderOptions } from './recorder-options.js';
import type { EventSegment, RecorderSnapshot } from './recorder-snapshot.js';
import { createSafeRepr } from './safe-repr.js';
import { createValueCapture } from './value-snapshot.js';

export type { ProbeWindow, Recorder } from './recorder-types.js';


export function createRecorder(options: RecorderOptions): Recorder {
  const opts = resolveRecorderOptions(options);
  const { clock, tracerEntries: cap, stackCapacity: stackCap, minDuration } = opts;
  // Calls at depth d are recorded when (d - lo) >>> 0 < span: [0, maxStackDepth) normally, one
  // subtraction more than `d < max` in `x`; a logSparse call with a stack depth narrows it.
  let lo = 0;
  let span = opts.maxStackDepth;
  let window: ProbeWindow | undefined;
  const hasMin = minDuration > 0n;
  const registry = createFunctionRegistry();

  // Shadow stack: id and start of every open frame.
  const stackIds = new Int32Array(stackCap);
  const stackStarts = new BigInt64Array(stackCap);
  const stackStarts32 = new Int32Array(stackStarts.buffer);
  // Ring: one slot per completed call.
  const ringIds = new Int32Array(cap);
  const ringStarts = new BigInt64Array(cap);
  const ringStarts32 = new Int32Array(ringStarts.buffer);
  const ringEnds = new BigInt64Array(cap);

  let on = false; // probes record
  let recording = false; // started (custom events are kept)
  // Every handle given out, as a list linked through the handles themselves (no array: see
  // function-registry.ts on why the runtime never calls a builtin a program could have replaced).
  let handles: (ProbeHandle & { next: unknown }) | null = null;
  const setOn = (value: boolean): void => {
    on = value;
    for (let h = handles; h !== null; h = h.next as typeof h) h.on = value;
  };
  let depth = 0;
  let next = 0; // next ring slot
  let total = 0; // completed calls ever written (dropped = total - cap when positive)
  let baseTime: bigint | undefined;

  const repr = createSafeRepr({ limit: opts.reprLimit, isProxy: opts.isProxy });
  const capture = createValueCapture({ repr, limit: opts.reprLimit, isProxy: opts.isProxy });
  const logs = createRecorderLogs({
    clock, tracerEntries: cap, stackCapacity: stackCap, repr, capture, warn: opts.warn,
    depth: () => depth,
    frameStart: (d) => startKey(stackStarts32[2 * d]!),
    recordable: (d) => (d - lo) >>> 0 < span,
  });
  const callArgs = logs.args;
  const argTop = callArgs.top;

  function x(d: number): void {
    if (d < 0) return;
    depth = d; // self-healing: a skipped exit (stack overflow in `finally`) is repaired here
    if (!on || (d - lo) >>> 0 >= span) return;
    const i = next;
    if (hasMin) {
      const end = clock();
      if (end - stackStarts[d]! < minDuration) return;
      ringEnds[i] = end;
    } else {
      ringEnds[i] = clock();
    }
    ringIds[i] = stackIds[d]!;
    ringStarts32[2 * i] = stackStarts32[2 * d]!;
    ringStarts32[2 * i + 1] = stackStarts32[2 * d + 1]!;
    // Only a call with logged args (or below one) pays more than this comparison.
    if (argTop[0]! > d) callArgs.take(d, startKey(stackStarts32[2 * d]!), i, total);
    next = i + 1 === cap ? 0 : i + 1;
    total++;
  }

  function s<T>(v: T, d: number, _cleared: number): T {
    x(d);
    return v;
  }

  function a<T>(v: T, _reentered: number): T {
    return v;
  }

  /** `t` of the protocol: never throws into the program, which is rethrowing its own exception. */
  function threw(d: number, e: unknown): void {
    if (!on || d < 0) return;
    try {
      logs.threw(d, e);
    } catch {
      // never into user code
    }
  }

  function register(files: readonly string[], table: FunctionTable, logTable?: LogTable): ProbeHandle {
    let base = 0;
    let logBase = 0;
    try {
      base = registry.add(files, table);
      if (logTable !== undefined) logBase = logs.sites.add(files, logTable);
    } catch {
      // Never throw into user code; ids then point at whatever is registered (names resolve leniently).
    }
    const handle: ProbeHandle & { next: unknown } = {
      on,
      next: handles as unknown,
      e(k: number): number {
        if (!on) return NOT_RECORDING;
        const d = depth;
        if (d >= stackCap) return NOT_RECORDING;
        depth = d + 1;
        stackIds[d] = base + k;
        stackStarts[d] = clock();
        return d;
      },
      x,
      s,
      a,
      // On every handle: --log-exception's catch calls it guarded only by a live token.
      t: threw,
    };
    if (logTable !== undefined) addLogMethods(handle, logBase, logs, () => on);
    handles = handle;
    return handle;
  }

  const probesShouldRun = (): boolean => recording && (window !== undefined || !opts.logSparse);
  function applyWindow(): void {
    lo = window?.from ?? 0;
    span = window ? Math.max(0, window.to - window.from) : opts.maxStackDepth;
    const want = probesShouldRun();
    if (want !== on) setOn(want);
  }

  function sampleBase(): void {
    if (baseTime === undefined) baseTime = opts.wallClock() - clock();
  }

  function snapshot(): RecorderSnapshot {
    sampleBase();
    const savedAt = clock();
    const kept = Math.min(total, cap);
    const segments: EventSegment[] = [];
    const args = callArgs.valid(next, total, cap);
    const ring = (from: number, to: number): void => {
      if (to > from) segments.push({ ids: ringIds, starts: ringStarts, ends: ringEnds, from, to, unfinished: false, args });
    };
    if (total > cap) {
      ring(next, cap);
      ring(0, next);
    } else {
      ring(0, kept);
    }
    const open = openFrames(savedAt);
    if (open.to > 0) segments.push(open);
    return {
      segments,
      count: kept + open.to,
      total,
      dropped: Math.max(0, total - cap),
      unfinished: open.to,
      functions: registry,
      baseTimeNanoseconds: baseTime ?? 0n,
      savedAt,
      logs: logs.ring.snapshot(),
      logSites: logs.sites,
      repr,
      threadName: recorder.threadName,
      syncMarker: recorder.syncMarker,
    };
  }

  function openFrames(savedAt: bigint): EventSegment {
    const n = depth;
    const ids = new Int32Array(n);
    const starts = new BigInt64Array(n);
    const ends = new BigInt64Array(n).fill(savedAt);
    const args = new Map<number, CallArgs>();
    let to = 0;
    for (let d = 0; d < n; d++) {
      if ((d - lo) >>> 0 >= span) continue;
      if (hasMin && savedAt - stackStarts[d]! < minDuration) continue;
      ids[to] = stackIds[d]!;
      starts[to] = stackStarts[d]!;
      const a = callArgs.open(d, startKey(stackStarts32[2 * d]!));
      if (a !== undefined) args.set(to, a);
      to++;
    }
    return { ids, starts, ends, from: 0, to, unfinished: true, args: args.size > 0 ? args : undefined };
  }

  const recorder: Recorder = {
    protocol: PROTOCOL_VERSION,
    register,
    start(): void {
      sampleBase();
      recording = true;
      applyWindow();
    },
    stop(): void {
      recording = false;
      applyWindow();
    },
    get isRecording(): boolean {
      return recording;
    },
    get probesOn(): boolean {
      return on;
    },
    probeWindow(w) {
      const previous = window;
      window = w;
      applyWindow();
      return previous;
    },
    get depth(): number {
      return depth;
    },
    now: clock,
    logs,
    repr,
    threadName: undefined,
    syncMarker: undefined,
    clear(): void {
      next = 0;
      total = 0;
      logs.clear();
    },
    snapshot,
    functions: registry,
    options: opts,
  };
  return recorder;
}
