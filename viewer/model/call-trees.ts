/**
 * The two call trees of the flamegraph (all threads merged, and per thread), built on demand from
 * the level-ordered slices rather than with the model: the first frame does not need them, and a
 * trace with random stacks has about one node per slice (notes/viewer-design.md §6), too many to
 * build eagerly or to ship. A slice's parent is the last slice on the level above that starts at
 * or before it (its enclosing slice), found by walking both sorted levels together; self time is
 * what the children leave of a slice's duration (self-time.ts, summed in the same walk).
 */
import { CallTreeBuilder } from './call-tree-builder.js';
import type { CallTree, TraceModel } from './trace-model.js';

export interface CallTrees {
  /** Root's children are the outermost functions of every thread, merged. */
  all: CallTree;
  /** Root's children are one node per thread track. */
  byThread: CallTree;
}

export function buildCallTrees(m: TraceModel): CallTrees {
  const all = new CallTreeBuilder();
  const byThread = new CallTreeBuilder();
  const n = m.start.length;
  const nodeA = new Int32Array(n);
  const nodeT = new Int32Array(n);
  /** Time each slice's children cover. */
  const covered = new Float64Array(n);
  const names = m.names.length;
  m.tracks.forEach((t, ti) => {
    if (t.kind === 'counter' || t.levelCount === 0) return;
    const threadRoot = byThread.child(0, names + ti);
    for (let d = 0; d < t.levelCount; d++) {
      const lo = m.levelOffsets[t.levelBase + d]!;
      const hi = m.levelOffsets[t.levelBase + d + 1]!;
      const upLo = d > 0 ? m.levelOffsets[t.levelBase + d - 1]! : 0;
      const upHi = d > 0 ? lo : 0;
      let p = upLo - 1;
      for (let i = lo; i < hi; i++) {
        const s = m.start[i]!;
        while (p + 1 < upHi && m.start[p + 1]! <= s) p++;
        // (Only a damaged trace has a slice that starts after the slice above ended: a root then.)
        const parent = p >= upLo && m.end[p]! >= s - 1e-3 ? p : -1;
        if (parent >= 0) covered[parent]! += Math.max(0, Math.min(m.end[i]!, m.end[parent]!) - s);
        const nm = m.name[i]!;
        const a = all.child(parent < 0 ? 0 : nodeA[parent]!, nm);
        const b = byThread.child(parent < 0 ? threadRoot : nodeT[parent]!, nm);
        nodeA[i] = a;
        nodeT[i] = b;
        const dur = m.dur[i]!;
        all.total[a]! += dur;
        all.count[a]!++;
        byThread.total[b]! += dur;
        byThread.count[b]!++;
      }
    }
  });
  for (let i = 0; i < n; i++) {
    const self = Math.max(0, m.dur[i]! - covered[i]!);
    all.self[nodeA[i]!]! += self;
    byThread.self[nodeT[i]!]! += self;
  }
  return { all: all.finish(), byThread: byThread.finish() };
}
