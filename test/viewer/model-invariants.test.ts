/**
 * Invariants the renderer relies on, checked on random traces in shuffled order: every level is
 * sorted and free of overlaps, each slice lies inside the slice above it, self ≤ dur, and the
 * call tree's root total equals the sum of outermost slices.
 */
import { describe, expect, it } from 'vitest';
import { buildCallTrees } from '../../viewer/model/call-trees.js';
import { selfTime } from '../../viewer/model/self-time.js';
import { load, randomTrace } from './helpers.js';

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
    for (let i = 0; i < m.start.length; i++) expect(selfTime(m, i)).toBeLessThanOrEqual(m.dur[i]! + 1e-9);
  });

  it('totals agree between the call tree, the stats and the slices', () => {
    let outer = 0;
    for (let i = 0; i < m.start.length; i++) if (m.depth[i] === 0) outer += m.dur[i]!;
    expect(buildCallTrees(m).all.total[0]).toBeCloseTo(outer, 3);
    const selfSum = m.stats.self.reduce((a, b) => a + b, 0);
    expect(selfSum).toBeCloseTo(outer, 3);
    expect(m.warnings).toEqual([]);
  });

  it('the call trees hold every slice once, with its self time', () => {
    const { all, byThread } = buildCallTrees(m);
    let selfSum = 0;
    for (let i = 0; i < m.start.length; i++) selfSum += selfTime(m, i);
    // The stats (computed with the model, by a stack walk) agree with the per-slice self times.
    expect(m.stats.self.reduce((a, b) => a + b, 0)).toBeCloseTo(selfSum, 3);
    for (const t of [all, byThread]) {
      expect(t.count.reduce((a, b) => a + b, 0)).toBe(m.start.length);
      expect(t.self.reduce((a, b) => a + b, 0)).toBeCloseTo(selfSum, 3);
    }
  });
});
