/**
 * What a logged object keeps from log time to save time: its own enumerable data properties, and
 * those of the plain objects and arrays among them, one level further (object-snapshot.ts has the
 * layout). The text is built at save time (value-snapshot-text.ts), so logging an object builds
 * no string; other nested objects are kept by reference and shown by kind at save time (`[Node]`),
 * like Node's inspect at its depth limit. The log ring's snapshots are written into a SlotPool
 * (nothing allocated survives); call args get their own small array. Measured on acorn's AST nodes
 * (bench/log-bench.mjs): 0.4 µs a value, where a full repr at log time cost 6.8 µs.
 *
 * Safety is that of safe-repr.ts: no program code runs. A proxy is never read (isProxy); a key is
 * read only after `__lookupGetter__` (a builtin that walks descriptors, no allocation) found no
 * getter on it; every slot array is an array literal or an ownedArray, so every store lands on an
 * own slot and never reaches a setter on Array.prototype. Kinds with internal slots (Map, Date,
 * typed arrays, errors, ...) and functions take the full repr at log time (snapshot-kind.ts).
 */
import { ReprText } from './log-value.js';
import { HEAD, HOLE, NESTED, ObjectSnapshot, SETTER } from './object-snapshot.js';
import { GETTER, apply, hasOwn, keysOf, lookupGetter, lookupSetter, ownedArray } from './safe-builtins.js';
import type { SafeRepr } from './safe-repr.js';
import type { SlotPool } from './slot-pool.js';
import { ARRAY, createSnapshotKinds, type Kind } from './snapshot-kind.js';

export interface ValueCapture {
  /** What to keep of `v` in call args: a primitive as is, an ObjectSnapshot or a ReprText. */
  capture(value: unknown): unknown;
  /** `o`'s snapshot written into `pool`: its position, or -1 when `o` takes `capture` instead. */
  write(o: object, pool: SlotPool): number;
  /** The snapshot at `pos` in `pool`, copied out (save time), or undefined when overwritten. */
  read(pool: SlotPool, pos: number): ObjectSnapshot | undefined;
}

export interface ValueCaptureOptions {
  /** The repr of kinds not snapshotted (and its limit bounds how much is captured). */
  repr: SafeRepr;
  limit: number;
  isProxy?: (value: object) => boolean;
}

/** Nested plain objects and arrays opened per snapshot (deeper ones are shown by kind). */
const MAX_NESTED = 8;

export function createValueCapture(options: ValueCaptureOptions): ValueCapture {
  const { repr } = options;
  const isProxy = options.isProxy ?? (() => false);
  // Each item shows as at least "k: 1, " (or "1, "): past limit / 3 items the text is cut anyway.
  const maxItems = Math.max(4, Math.ceil(options.limit / 3));
  const maxSlots = HEAD * (1 + MAX_NESTED) + 2 * maxItems;
  const { kindOf, nestedKind } = createSnapshotKinds(isProxy);
  // What the snapshot being written may still take (no program code runs meanwhile: no reentry).
  let itemsLeft = 0;
  let nestedLeft = 0;
  let scratch: unknown[] | undefined;

  /** One item of `o`: an own data value, GETTER, SETTER, or HOLE for an array slot with no own element. */
  function item(o: object, key: string | number): unknown {
    // A hole's lookup reaches the prototypes, where a program may have put an index getter.
    if (apply(lookupGetter, o, [key]) !== undefined) return GETTER;
    if (typeof key === 'number' && !hasOwn(o, key)) return HOLE;
    const v = (o as Record<string | number, unknown>)[key];
    // Reading a setter-only accessor gives undefined (and runs nothing): say which it was.
    return v === undefined && apply(lookupSetter, o, [key]) !== undefined ? SETTER : v;
  }

  /**
   * Writes `o`'s snapshot at `slots[at]`: the head, the items, then the snapshots of the nested
   * plain objects and arrays among them (when `nest`), in item order. Returns where it ends.
   */
  function writeAt(o: object, kind: Kind, slots: unknown[], at: number, nest: boolean): number {
    // Own enumerable string keys (o is no proxy, so no trap runs); an array's own `length` is data.
    const keys = kind === ARRAY ? undefined : keysOf(o);
    const size = keys === undefined ? (o as unknown[]).length : keys.length;
    const count = size < itemsLeft ? size : itemsLeft;
    itemsLeft -= count;
    slots[at] = kind === ARRAY ? '' : kind;
    slots[at + 1] = count * 2 + (kind === ARRAY ? 1 : 0);
    slots[at + 2] = size;
    const items = at + HEAD;
    let end = items + (keys === undefined ? count : 2 * count);
    for (let i = 0; i < count; i++) {
      let slot = items + i;
      let v: unknown;
      if (keys === undefined) {
        v = item(o, i);
      } else {
        const key = keys[i]!;
        slot = items + 2 * i + 1;
        slots[slot - 1] = key;
        v = item(o, key);
      }
      if (nest && typeof v === 'object' && v !== null && nestedLeft > 0 && itemsLeft > 0) {
        const k = nestedKind(v);
        if (k !== false) {
          nestedLeft--;
          slots[slot] = NESTED;
          end = writeAt(v, k, slots, end, false);
          continue;
        }
      }
      slots[slot] = v;
    }
    slots[at + 3] = end - at;
    return end;
  }

  function begin(): void {
    itemsLeft = maxItems;
    nestedLeft = MAX_NESTED;
  }

  return {
    capture(v) {
      if (typeof v === 'function') return new ReprText(repr(v));
      if (typeof v !== 'object' || v === null) return v;
      try {
        const kind = kindOf(v);
        if (kind === false) return new ReprText(repr(v));
        const work = (scratch ??= ownedArray<unknown>(maxSlots));
        begin();
        const end = writeAt(v, kind, work, 0, true);
        const slots = slotsFor(end);
        for (let i = 0; i < end; i++) {
          slots[i] = work[i];
          work[i] = undefined; // the scratch keeps no program object alive
        }
        return new ObjectSnapshot(slots);
      } catch {
        // A module namespace read before its bindings are initialised throws; nothing else should.
        return new ReprText('[unreadable]');
      }
    },
    write(o, pool) {
      try {
        const kind = kindOf(o);
        if (kind === false) return -1;
        const pos = pool.reserve(maxSlots);
        begin();
        const at = pool.index(pos);
        pool.commit(pos, writeAt(o, kind, pool.slots, at, true) - at);
        return pos;
      } catch {
        return -1; // capture() then keeps its "[unreadable]"
      }
    },
    read(pool, pos) {
      if (!pool.intact(pos)) return undefined;
      const slots = pool.slots;
      const at = pool.index(pos);
      const n = slots[at + 3] as number;
      const copy = slotsFor(n);
      for (let i = 0; i < n; i++) copy[i] = slots[at + i];
      return new ObjectSnapshot(copy);
    },
  };
}

/** An array of `n` own slots: a literal for the usual sizes (allocation only, no check). */
function slotsFor(n: number): unknown[] {
  const u = undefined;
  if (n <= 4) return [u, u, u, u];
  if (n <= 8) return [u, u, u, u, u, u, u, u];
  if (n <= 16) return [u, u, u, u, u, u, u, u, u, u, u, u, u, u, u, u];
  return ownedArray<unknown>(n);
}
