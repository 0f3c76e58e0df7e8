/**
 * The ring of log events (instants, counters, object snapshots, custom duration events): parallel
 * preallocated arrays like the call ring, allocated at the first log (a program that logs nothing
 * pays nothing), with the newest `capacity` entries kept. A compile-time log site's entry holds the
 * raw value (a primitive: its text is built at save time) or the repr taken at log time (an object
 * may change later); a custom event's entry holds its finished description (log-entry.ts).
 */
import { ownedArray } from './safe-builtins.js';

/** What one entry is; the codes index `kinds`. */
export type LogEntryKind =
  | 0 // SITE: a compile-time log site fired (site id in `sites`, value in `values`)
  | 1 // CUSTOM: an API event (instant, counter, object, duration): `values` holds a CustomEvent
  ;
export const SITE: LogEntryKind = 0;
export const CUSTOM: LogEntryKind = 1;

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
  /** A custom duration event (API path: allocation is fine there). */
  pushSpan(start: bigint, end: bigint, value: unknown): void;
  snapshot(): LogRingSnapshot | undefined;
  clear(): void;
}

export function createLogRing(capacity: number, clock: () => bigint): LogRing {
  let kinds: Uint8Array | undefined;
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
    return (kinds = new Uint8Array(capacity));
  }

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
