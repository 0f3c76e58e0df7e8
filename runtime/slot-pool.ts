/**
 * A ring of reusable slots for values kept from log time to save time: the log ring's object
 * snapshots (value-snapshot.ts) and the completed calls' argument values (recorder-call-args.ts).
 * One array reused in ring order, so logging allocates nothing that survives (retaining a small
 * array per logged value cost about 1 µs a value in old-space collections). Positions are absolute
 * (slots ever reserved); a value reads back as long as the slots after it have not wrapped over
 * it. The array starts small and doubles up to `maxSlots`, then wraps.
 */
import { ownedArray } from './safe-builtins.js';

const FIRST_SLOTS = 1 << 14;

export interface SlotPool {
  /** `n` contiguous slots: their absolute position (index it with `index`). */
  reserve(n: number): number;
  /** Of the slots just reserved at `pos`, only the first `used` were written: give the rest back. */
  commit(pos: number, used: number): void;
  /** The slots array (replaced when it grows: read it after `reserve`). */
  readonly slots: unknown[];
  index(pos: number): number;
  /** Are the slots written at `pos` still there? */
  intact(pos: number): boolean;
  clear(): void;
}

export function createSlotPool(maxSlots: number): SlotPool {
  let slots: unknown[] = [];
  let cap = 0;
  let written = 0;

  function grow(need: number): void {
    let next = cap === 0 ? FIRST_SLOTS : cap * 2;
    while (next < need) next *= 2;
    if (next > maxSlots) next = maxSlots > need ? maxSlots : need;
    // ownedArray: every later store lands on an own slot (no setter on a prototype can run).
    const bigger = ownedArray<unknown>(next);
    for (let p = written - cap < 0 ? 0 : written - cap; p < written; p++) bigger[p % next] = slots[p % cap];
    slots = bigger;
    cap = next;
  }

  return {
    reserve(n) {
      if (written + n > cap && cap < maxSlots) grow(written + n);
      // Full size: wrap. A snapshot never straddles the end, so pad to the next lap when it would.
      const at = written % cap;
      if (at + n > cap) written += cap - at;
      const pos = written;
      written += n;
      return pos;
    },
    commit(pos, used) {
      written = pos + used;
    },
    get slots() {
      return slots;
    },
    index(pos) {
      return pos % cap;
    },
    intact(pos) {
      return cap > 0 && pos >= written - cap;
    },
    clear() {
      for (let i = 0; i < cap; i++) slots[i] = undefined;
      written = 0;
    },
  };
}
