/**
 * Invariants the renderer relies on, checked on random traces in shuffled order: every level is
 * sorted and free of overlaps, each slice lies inside the slice above it, self ≤ dur, and the
 * call tree's root total equals the sum of outermost slices.
 */
import { describe, expect, it } from 'vitest';
import { load, x } from './helpers.js';

function randomTrace(seed: number, n: number): Record<string, unknown>[] {
  let s = seed;
  const rnd = (): number => ((s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff);
  const out: Record<string, unknown>[] = [];
  const grow = (start: number, end: number, depth: number, tid: number): void => {
    let t = start;
    while (out.length < n && t < end - 1 && depth < 12) {
      // Whole ns, as our writer rounds: children then never end after their parent.
      const a = Math.round((t + rnd() * (end - t) * 0.3) * 1000) / 1000;
      const b = Math.min(end, Math.round((a + 1 + rnd() * (end - a) * 0.6) * 1000) / 1000);
      out.push(x(`f${Math.floor(rnd() * 8)}`, a, Number((b - a).toFixed(3)), tid));
      if (rnd() < 0.7) grow(a, b, depth + 1, tid);
      t = b;
    }
  };
  for (let tid = 1; tid <= 3; tid++) grow(0, 1e6, 0, tid);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe.each([1, 2, 3])('random trace %i', (seed) => {
  const m = load(randomTrace(seed, 3000));

  it('levels are sorted and do not overlap', () => {
    for (let l = 0; l + 1 < m.levelOffsets.length; l++) {
      for (let i = m.levelOffsets[l]! + 1; i < m.levelOffsets[l + 1]!; i++) {
        expect(m.start[i]).toBeGreaterThanOrEqual(m.end[i - 1]! - 1e-3);
      }
    }
  });

  it('slices nest inside the level above, self <= dur', () => {
    for (const t of m.tracks) {
      for (let d = 1; d < t.levelCount; d++) {
        const up = t.levelBase + d - 1;
        for (let i = m.levelOffsets[t.levelBase + d]!; i < m.levelOffsets[t.levelBase + d + 1]!; i++) {
          let p = -1;
          for (let k = m.levelOffsets[up]!; k < m.levelOffsets[up + 1]!; k++) if (m.start[k]! <= m.start[i]! + 1e-3 && m.end[k]! >= m.end[i]! - 1e-3) p = k;
          expect(p).toBeGreaterThanOrEqual(0);
        }
      }
    }
    for (let i = 0; i < m.start.length; i++) expect(m.self[i]).toBeLessThanOrEqual(m.dur[i]! + 1e-9);
  });

  it('totals agree between the call tree, the stats and the slices', () => {
    let outer = 0;
    for (let i = 0; i < m.start.length; i++) if (m.depth[i] === 0) outer += m.dur[i]!;
    expect(m.treeAll.total[0]).toBeCloseTo(outer, 3);
    const selfSum = m.stats.self.reduce((a, b) => a + b, 0);
    expect(selfSum).toBeCloseTo(outer, 3);
    expect(m.warnings).toEqual([]);
  });
});
