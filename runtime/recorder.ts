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
import { NOT_RECORDING, PROTOCOL_VERSION, type FunctionTable, type ProbeHandle, type ProbeRuntime } from './probe-protocol.js';
import { resolveRecorderOptions, type RecorderOptions, type ResolvedRecorderOptions } from './recorder-options.js';
import type { EventSegment, RecorderSnapshot } from './recorder-snapshot.js';

export interface Recorder extends ProbeRuntime {
  /** Start (or resume) recording. The first start samples the wall-clock base. */
  start(): void;
  /** Stop recording; calls already open still unwind the shadow stack but are not recorded. */
  stop(): void;
  readonly isRecording: boolean;
  /** Drop every recorded call (the function table stays). */
  clear(): void;
  /** Completed calls + open frames closed now; views into live buffers, consume right away. */
  snapshot(): RecorderSnapshot;
  readonly functions: FunctionInfo;
  readonly options: ResolvedRecorderOptions;
}

export function createRecorder(options: RecorderOptions): Recorder {
  const opts = resolveRecorderOptions(options);
  const { clock, tracerEntries: cap, stackCapacity: stackCap, maxStackDepth: maxDepth, minDuration } = opts;
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

  let on = false;
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

  function x(d: number): void {
    if (d < 0) return;
    depth = d; // self-healing: a skipped exit (stack overflow in `finally`) is repaired here
    if (!on || d >= maxDepth) return;
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

  function register(files: readonly string[], table: FunctionTable): ProbeHandle {
    let base = 0;
    try {
      base = registry.add(files, table);
    } catch {
      // Never throw into user code; ids then point at whatever is registered (names resolve leniently).
    }
    const handle = {
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
    };
    handles = handle;
    return handle;
  }

  function sampleBase(): void {
    if (baseTime === undefined) baseTime = opts.wallClock() - clock();
  }

  function snapshot(): RecorderSnapshot {
    sampleBase();
    const savedAt = clock();
    const kept = Math.min(total, cap);
    const segments: EventSegment[] = [];
    const ring = (from: number, to: number): void => {
      if (to > from) segments.push({ ids: ringIds, starts: ringStarts, ends: ringEnds, from, to, unfinished: false });
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
    };
  }

  function openFrames(savedAt: bigint): EventSegment {
    const n = Math.min(depth, maxDepth);
    const ids = new Int32Array(n);
    const starts = new BigInt64Array(n);
    const ends = new BigInt64Array(n).fill(savedAt);
    let to = 0;
    for (let d = 0; d < n; d++) {
      if (hasMin && savedAt - stackStarts[d]! < minDuration) continue;
      ids[to] = stackIds[d]!;
      starts[to] = stackStarts[d]!;
      to++;
    }
    return { ids, starts, ends, from: 0, to, unfinished: true };
  }

  return {
    protocol: PROTOCOL_VERSION,
    register,
    start(): void {
      sampleBase();
      setOn(true);
    },
    stop(): void {
      setOn(false);
    },
    get isRecording(): boolean {
      return on;
    },
    clear(): void {
      next = 0;
      total = 0;
    },
    snapshot,
    functions: registry,
    options: opts,
  };
}
