/**
 * Per-call args (--log-func-args, --log-func-retval, --log-func-exec): kept per open frame in a
 * sparse array keyed by depth, moved into a ring-parallel slot array when the call completes, so
 * they appear as `args` of that call's X event. Both arrays are allocated at the first use; a call
 * without args costs `x` one comparison (`top[0] > d`, false while no open frame has args).
 *
 * Frames are told apart by their start time (its low 30 bits of ns, a small integer: no BigInt is
 * made per call; two frames at one depth whose starts differ by an exact multiple of 2^30 ns would
 * be confused, which a clock read per frame makes vanishingly rare): a frame abandoned without an exit (stack overflow
 * inside `finally`) leaves stale args at its depth, which the next frame at that depth ignores.
 * Ring slots are told apart by the call's serial (the recorder's `total` when it was written), so
 * a slot reused after the ring wrapped never shows the previous lap's args.
 */
import { ownedArray } from './safe-builtins.js';

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
  /** Ring slot args, when any call ever had args. */
  readonly ring: readonly (CallArgs | undefined)[] | undefined;
}

/** A frame's start key: the low 30 bits of its start ns, given the low int32 half (always a small integer). */
export const startKey = (low32: number): number => low32 & 0x3fffffff;

export function createCallArgsStore(stackCapacity: number, ringCapacity: number): CallArgsStore {
  let frames: (CallArgs | undefined)[] | undefined;
  let ring: (CallArgs | undefined)[] | undefined;

  const top = new Int32Array(1);
  const store: CallArgsStore = {
    top,
    get ring() {
      return ring;
    },
    frame(d, start) {
      frames ??= ownedArray<CallArgs>(stackCapacity);
      let a = frames[d];
      if (a === undefined || a.start !== start) {
        a = { start, serial: -1, argsSite: -1, argValues: undefined, hasReturn: false, returnValue: undefined, hasException: false, exception: undefined, exec: undefined, lastExec: undefined };
        frames[d] = a;
      }
      if (top[0]! <= d) top[0] = d + 1;
      return a;
    },
    take(d, start, slot, serial) {
      const a = forget(d);
      if (a === undefined || a.start !== start) return;
      a.serial = serial;
      ring ??= ownedArray<CallArgs>(ringCapacity);
      ring[slot] = a;
    },
    drop(d) {
      forget(d);
    },
    clear() {
      ring = undefined;
    },
    valid(next, total, capacity) {
      if (ring === undefined) return undefined;
      const out = new Map<number, CallArgs>();
      for (let i = 0; i < ring.length; i++) {
        const a = ring[i];
        if (a === undefined) continue;
        // Slot i holds serial total - next + i (this lap) or total - next - capacity + i (previous lap).
        const serial = i < next ? total - next + i : total - next - capacity + i;
        if (a.serial === serial && serial >= 0) out.set(i, a);
      }
      return out.size > 0 ? out : undefined;
    },
    open(d, start) {
      const a = frames?.[d];
      return a !== undefined && a.start === start ? a : undefined;
    },
  };

  /** Clears depths >= d (those frames are gone); returns what was at d. */
  function forget(d: number): CallArgs | undefined {
    if (frames === undefined) return undefined;
    for (let k = top[0]! - 1; k > d; k--) frames[k] = undefined;
    const a = frames[d];
    frames[d] = undefined;
    top[0] = d;
    return a;
  }

  return store;
}
