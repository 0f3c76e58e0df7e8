/** The workloads, in table order; BENCH_FILTER (comma-separated names) selects some. */
import acorn from './acorn.mjs';
import fib from './fib.mjs';
import hanoi from './hanoi.mjs';
import qsort from './qsort.mjs';
import slowfib from './slowfib.mjs';

export const WORKLOADS = [fib, hanoi, qsort, slowfib, acorn];

export function selectWorkloads(filter) {
  if (!filter) return WORKLOADS;
  const names = filter.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !WORKLOADS.some((w) => w.name === n));
  if (unknown.length) throw new Error(`BENCH_FILTER: unknown workload(s) ${unknown.join(', ')}; known: ${WORKLOADS.map((w) => w.name).join(', ')}`);
  return WORKLOADS.filter((w) => names.includes(w.name));
}
