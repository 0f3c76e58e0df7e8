/**
 * The ring of log events (instants, counters, object snapshots, custom duration events): parallel
 * preallocated arrays like the call ring, allocated at the first log (a program that logs nothing
 * pays nothing), with the newest `capacity` entries kept. A compile-time log site's entry holds the
 * raw value (a primitive: its text is built at save time), the position of an object's snapshot in
 * the slot pool (an object may change later: value-snapshot.ts), or a repr taken at log time; a
 * custom event's entry holds its finished description (log-entry.ts).
 */
import { ownedArray } from './safe-builtins.js';

/** What one entry is; the codes index `kinds`. */
export type LogEntryKind =
  | 0 // SITE: a compile-time log site fired (site id in `sites`, value in `values`)
  | 1 // CUSTOM: an API event (instant, counter, object, duration): `values` holds a CustomEvent
  | 2 // SNAPSHOT: a log site fired with an object, snapshotted at pool position `at` (a SITE in snapshots)
  ;
export const SITE: LogEntryKind = 0;
export const CUSTOM: LogEntryKind = 1;
const SNAPSHOT: LogEntryKind = 2;

/** Slots [from, to) of the log arrays, oldest first. */
export interface LogSegment {
  readonly from: number;
  readonly to: number;
}

export interface LogRingSnapshot {
  readonly kinds: Uint8Array;
  readonly sites: Int32Array;
  /** Event time (start of a duration event), monotonic ns. */
  readonly times: BigInt64Array;
  /** End of a duration event, monotonic ns (unset for the others). */
  readonly ends: BigInt64Array;
  readonly values: readonly unknown[];
  readonly segments: readonly LogSegment[];
  /** Entries ever written, and those lost because the ring wrapped. */
  readonly total: number;
  readonly dropped: number;
}

export interface LogRing {
  /** An event now: the clock goes straight into the typed array (no BigInt is materialised). */
  push(kind: LogEntryKind, site: number, value: unknown): void;
  /** A log site fired with an object whose snapshot is at pool position `pos`. */
  pushSnapshot(site: number, pos: number): void;
  /** A custom duration event (API path: allocation is fine there). */
  pushSpan(start: bigint, end: bigint, value: unknown): void;
  /** At save time: SNAPSHOT entries become SITE entries holding their snapshot, read out of the pool. */
  snapshot(): LogRingSnapshot | undefined;
  clear(): void;
}

/** Reads snapshot `pos` out of the pool (undefined once overwritten). */
export type ReadSnapshot = (pos: number) => unknown;

export function createLogRing(capacity: number, clock: () => bigint, readSnapshot: ReadSnapshot): LogRing {
  let kinds: Uint8Array | undefined;
  let at = new Float64Array(0);
  let sites = new Int32Array(0);
  let times = new BigInt64Array(0);
  let ends = new BigInt64Array(0);
  let values: unknown[] = [];
  let next = 0;
  let total = 0;

  function allocate(): Uint8Array {
    sites = new Int32Array(capacity);
    times = new BigInt64Array(capacity);
    ends = new BigInt64Array(capacity);
    values = ownedArray<unknown>(capacity);
    at = new Float64Array(capacity);
    return (kinds = new Uint8Array(capacity));
  }

  // push and pushSnapshot repeat their stores on purpose: `times[i] = clock()` in place is what
  // keeps V8 from materialising the BigInt (a helper taking the time as an argument would not).
  return {
    push(kind, site, value) {
      const k = kinds ?? allocate();
      const i = next;
      k[i] = kind;
      sites[i] = site;
      times[i] = clock();
      values[i] = value;
      next = i + 1 === capacity ? 0 : i + 1;
      total++;
    },
    pushSnapshot(site, pos) {
      const k = kinds ?? allocate();
      const i = next;
      k[i] = SNAPSHOT;
      sites[i] = site;
      times[i] = clock();
      values[i] = undefined;
      at[i] = pos;
      next = i + 1 === capacity ? 0 : i + 1;
      total++;
    },
    pushSpan(start, end, value) {
      const k = kinds ?? allocate();
      const i = next;
      k[i] = CUSTOM;
      sites[i] = -1;
      times[i] = start;
      ends[i] = end;
      values[i] = value;
      next = i + 1 === capacity ? 0 : i + 1;
      total++;
    },
    snapshot() {
      if (kinds === undefined || total === 0) return undefined;
      const n = total < capacity ? total : capacity;
      for (let i = 0; i < n; i++) {
        if (kinds[i] !== SNAPSHOT) continue;
        kinds[i] = SITE;
        values[i] = readSnapshot(at[i]!);
      }
      const segments = total > capacity ? [{ from: next, to: capacity }, { from: 0, to: next }] : [{ from: 0, to: total }];
      return {
        kinds, sites, times, ends, values,
        segments: segments.filter((s) => s.to > s.from),
        total,
        dropped: Math.max(0, total - capacity),
      };
    },
    clear() {
      next = 0;
      total = 0;
      for (let i = 0; i < values.length; i++) values[i] = undefined; // let the logged values be collected
    },
  };
}
