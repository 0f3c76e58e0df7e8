/**
 * Per-call args (--log-func-args, --log-func-retval, --log-func-exec): kept per open frame in a
 * reused object per depth, and copied into flat ring-parallel arrays when the call completes (the
 * argument values into a slot pool), so they appear as `args` of that call's X event. Nothing
 * allocated per call survives it: retaining an object per call made the garbage collector most of
 * the cost once a million calls were kept. Everything is allocated at the first use; a call
 * without args costs `x` one comparison (`top[0] > d`, false while no open frame has args).
 *
 * Frames are told apart by their start time (its low 30 bits of ns, a small integer: no BigInt is
 * made per call; two frames at one depth whose starts differ by an exact multiple of 2^30 ns would
 * be confused, which a clock read per frame makes vanishingly rare): a frame abandoned without an exit (stack overflow
 * inside `finally`) leaves stale args at its depth, which the next frame at that depth ignores.
 * Ring slots are told apart by the call's serial (the recorder's `total` when it was written), so
 * a slot reused after the ring wrapped never shows the previous lap's args.
 */
import { ReprText } from './log-value.js';
import { ownedArray } from './safe-builtins.js';
import { createSlotPool, type SlotPool } from './slot-pool.js';

export interface CallArgs {
  /** Start of the frame these belong to: low 30 bits of its ns (startKey). */
  start: number;
  /** Serial of the completed call, set when it is moved into the ring. */
  serial: number;
  /** Log site (kind 'args') naming the parameters, or -1. */
  argsSite: number;
  /** Stored argument values (log-value.ts), in parameter order. */
  argValues: unknown[] | undefined;
  hasReturn: boolean;
  /** Stored return value. */
  returnValue: unknown;
  /** --log-exception: an exception propagated out of this call (stored value), when hasException. */
  hasException: boolean;
  exception: unknown;
  /** --log-func-exec steps, first and last (a linked list: object literals never reach a prototype setter). */
  exec: ExecStep | undefined;
  lastExec: ExecStep | undefined;
}

export interface ExecStep {
  site: number;
  /** Stored value (log-value.ts). */
  value: unknown;
  next: ExecStep | undefined;
}

export interface CallArgsStore {
  /**
   * [0] = highest depth with args + 1 (0: none): `x` checks `top[0] > d` before calling `take`.
   * A typed array, not a field: `x` reads it on every call and this load is the cheapest (bench).
   */
  readonly top: Int32Array;
  /** The args of the open frame at depth `d` that started at `start`, created if needed. */
  frame(d: number, start: number): CallArgs;
  /** Frame `d` completed into ring slot `slot` with serial `serial` (`start` is its start). */
  take(d: number, start: number, slot: number, serial: number): void;
  /** Frame `d` ended unrecorded: forget its args and deeper ones. */
  drop(d: number): void;
  /** The open frame's args, if any (for a snapshot of open frames). */
  open(d: number, start: number): CallArgs | undefined;
  /** Args of the ring's slots whose serial matches the call written there (ring state: next, total, capacity). */
  valid(next: number, total: number, capacity: number): Map<number, CallArgs> | undefined;
  /** The ring was cleared: serials restart, so every slot's args go. */
  clear(): void;
}

/** A frame's start key: the low 30 bits of its start ns, given the low int32 half (always a small integer). */
export const startKey = (low32: number): number => low32 & 0x3fffffff;

/** A start key no frame has (startKey is never negative): the frame object is free. */
const FREE = -1;
const HAS_RETURN = 1;
const HAS_EXCEPTION = 2;
/** Pool slots per ring slot for argument values (calls with more, on average, lose the oldest). */
const ARG_SLOTS_PER_CALL = 8;
const OVERWRITTEN = new ReprText('[overwritten]');

/** The completed calls' args, one entry per ring slot (allocated at the first completed call with args). */
interface RingArgs {
  serials: Float64Array;
  sites: Int32Array;
  flags: Uint8Array;
  /** Pool position of the argument values, and how many (-1: no argument values). */
  at: Float64Array;
  counts: Int32Array;
  /** Allocated at the first call that has one (a run logging only arguments never makes them). */
  returns: unknown[] | undefined;
  exceptions: unknown[] | undefined;
  execs: (ExecStep | undefined)[] | undefined;
}

export function createCallArgsStore(stackCapacity: number, ringCapacity: number): CallArgsStore {
  let frames: (CallArgs | undefined)[] | undefined;
  let ring: RingArgs | undefined;
  let pool: SlotPool | undefined;

  const top = new Int32Array(1);
  const store: CallArgsStore = {
    top,
    frame(d, start) {
      frames ??= ownedArray<CallArgs>(stackCapacity);
      let a = frames[d];
      if (a === undefined) {
        a = { start, serial: -1, argsSite: -1, argValues: undefined, hasReturn: false, returnValue: undefined, hasException: false, exception: undefined, exec: undefined, lastExec: undefined };
        frames[d] = a;
      } else if (a.start !== start) {
        reset(a, start);
      }
      if (top[0]! <= d) top[0] = d + 1;
      return a;
    },
    take(d, start, slot, serial) {
      const a = forget(d);
      if (a === undefined) return;
      if (a.start !== start) {
        reset(a, FREE); // an abandoned frame's (no exit ran for it)
        return;
      }
      const r = (ring ??= allocateRing(ringCapacity));
      r.serials[slot] = serial;
      r.sites[slot] = a.argsSite;
      r.flags[slot] = (a.hasReturn ? HAS_RETURN : 0) | (a.hasException ? HAS_EXCEPTION : 0);
      const values = a.argValues;
      if (values === undefined) {
        r.counts[slot] = -1;
      } else {
        const p = (pool ??= createSlotPool(ARG_SLOTS_PER_CALL * ringCapacity));
        const n = values.length;
        const pos = p.reserve(n);
        const slots = p.slots;
        const i0 = p.index(pos);
        for (let i = 0; i < n; i++) slots[i0 + i] = values[i];
        r.at[slot] = pos;
        r.counts[slot] = n;
      }
      r.returns = put(r.returns, slot, a.returnValue, ringCapacity);
      r.exceptions = put(r.exceptions, slot, a.exception, ringCapacity);
      r.execs = put(r.execs, slot, a.exec, ringCapacity);
      reset(a, FREE);
    },
    drop(d) {
      const a = forget(d);
      if (a !== undefined) reset(a, FREE);
    },
    clear() {
      ring = undefined;
      pool = undefined;
    },
    valid(next, total, capacity) {
      if (ring === undefined) return undefined;
      const r = ring;
      const out = new Map<number, CallArgs>();
      for (let i = 0; i < capacity; i++) {
        // Slot i holds serial total - next + i (this lap) or total - next - capacity + i (previous lap).
        const serial = i < next ? total - next + i : total - next - capacity + i;
        if (serial < 0 || r.serials[i] !== serial) continue;
        out.set(i, {
          start: FREE, serial, argsSite: r.sites[i]!, argValues: argValuesOf(r, i),
          hasReturn: (r.flags[i]! & HAS_RETURN) !== 0, returnValue: r.returns?.[i],
          hasException: (r.flags[i]! & HAS_EXCEPTION) !== 0, exception: r.exceptions?.[i],
          exec: r.execs?.[i], lastExec: undefined,
        });
      }
      return out.size > 0 ? out : undefined;
    },
    open(d, start) {
      const a = frames?.[d];
      return a !== undefined && a.start === start ? a : undefined;
    },
  };

  /** A slot's argument values read back (save time): undefined when it had none, OVERWRITTEN each when later ones took their slots. */
  function argValuesOf(r: RingArgs, i: number): unknown[] | undefined {
    const n = r.counts[i]!;
    if (n < 0 || pool === undefined) return undefined;
    const out = ownedArray<unknown>(n) as unknown[];
    const intact = pool.intact(r.at[i]!);
    const i0 = pool.index(r.at[i]!);
    for (let k = 0; k < n; k++) out[k] = intact ? pool.slots[i0 + k] : OVERWRITTEN;
    return out;
  }

  /** Frees depths > d (those frames are gone); returns the frame object at d, still holding its args. */
  function forget(d: number): CallArgs | undefined {
    if (frames === undefined) return undefined;
    for (let k = top[0]! - 1; k > d; k--) {
      const stale = frames[k];
      if (stale !== undefined) reset(stale, FREE);
    }
    top[0] = d;
    return frames[d];
  }

  return store;
}

/** Empties a frame object for the frame that starts at `start` (FREE: none), dropping what it held. */
function reset(a: CallArgs, start: number): void {
  a.start = start;
  a.serial = -1;
  a.argsSite = -1;
  a.argValues = undefined;
  a.hasReturn = false;
  a.returnValue = undefined;
  a.hasException = false;
  a.exception = undefined;
  a.exec = undefined;
  a.lastExec = undefined;
}

function allocateRing(n: number): RingArgs {
  return {
    serials: new Float64Array(n).fill(-1),
    sites: new Int32Array(n),
    flags: new Uint8Array(n),
    at: new Float64Array(n),
    counts: new Int32Array(n),
    returns: undefined,
    exceptions: undefined,
    execs: undefined,
  };
}

/** `list[slot] = v`, making the list (of `n` slots) only when a value is first stored in it. */
function put<T>(list: (T | undefined)[] | undefined, slot: number, v: T | undefined, n: number): (T | undefined)[] | undefined {
  if (list === undefined) {
    if (v === undefined) return undefined;
    list = ownedArray<T>(n);
  }
  list[slot] = v;
  return list;
}
