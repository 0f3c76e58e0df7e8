/** Rows of the per-function summary table, from the stats columns computed in the worker. */
import type { TraceModel } from './trace-model.js';

export interface StatsRow {
  nameId: number;
  name: string;
  calls: number;
  /** Inclusive µs, recursion counted once. */
  total: number;
  self: number;
  mean: number;
  max: number;
}

export type StatsKey = 'name' | 'calls' | 'total' | 'self' | 'mean' | 'max';

export function statsRows(m: TraceModel, key: StatsKey = 'total', descending = true): StatsRow[] {
  const s = m.stats;
  const rows: StatsRow[] = Array.from(s.name, (nameId, i) => ({
    nameId,
    name: m.names[nameId]!,
    calls: s.count[i]!,
    total: s.total[i]!,
    self: s.self[i]!,
    mean: s.count[i]! > 0 ? s.total[i]! / s.count[i]! : 0,
    max: s.max[i]!,
  }));
  const dir = descending ? -1 : 1;
  rows.sort((a, b) => {
    const va = a[key];
    const vb = b[key];
    return (va < vb ? -1 : va > vb ? 1 : 0) * dir;
  });
  return rows;
}
