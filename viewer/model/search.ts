/**
 * Search: the pattern is matched against the name table (thousands of strings), never per slice;
 * the slices are then found by scanning the name column (viewer-design.md §6).
 * `/re/flags` is a regular expression, anything else a case-insensitive substring.
 */
import type { TraceModel } from './trace-model.js';

export function compileQuery(query: string): ((name: string) => boolean) | Error {
  const re = /^\/(.+)\/([a-z]*)$/.exec(query);
  if (re !== null) {
    try {
      const rx = new RegExp(re[1]!, re[2]!.replace(/[gy]/g, ''));
      return (name) => rx.test(name);
    } catch (e) {
      return e instanceof Error ? e : new Error(String(e));
    }
  }
  const needle = query.toLowerCase();
  return (name) => name.toLowerCase().includes(needle);
}

/** 1 for every name id the predicate accepts. */
export function matchNames(m: TraceModel, pred: (name: string) => boolean): Uint8Array {
  const hit = new Uint8Array(m.names.length);
  m.names.forEach((n, i) => {
    if (pred(n)) hit[i] = 1;
  });
  return hit;
}

/** Slices whose name is marked, ordered by start time (then track). */
export function matchingSlices(m: TraceModel, names: Uint8Array): Uint32Array {
  let count = 0;
  for (let i = 0; i < m.name.length; i++) if (names[m.name[i]!] === 1) count++;
  const out = new Uint32Array(count);
  let k = 0;
  for (let i = 0; i < m.name.length; i++) if (names[m.name[i]!] === 1) out[k++] = i;
  return out.sort((a, b) => m.start[a]! - m.start[b]! || m.track[a]! - m.track[b]!);
}
