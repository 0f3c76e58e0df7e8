import { describe, expect, it } from 'vitest';
import { load, shape, x } from './helpers.js';

const GOOD = JSON.stringify({ traceEvents: [x('a', 0, 10), x('b', 1, 2), x('c', 5, 1), x('d', 20, 1)], file_info: { files: {}, functions: {} } });

describe('damaged traces load what they can, with a warning', () => {
  it.each([GOOD.indexOf('"b"') + 2, GOOD.indexOf('"c"'), GOOD.indexOf('"d"') + 10, GOOD.indexOf('file_info') + 5])('truncated at byte %i', (cut) => {
    const m = load(GOOD.slice(0, cut));
    expect(m.warnings.join(' ')).toMatch(/truncated/);
    expect(m.start.length).toBeGreaterThanOrEqual(1);
    expect(shape(m)[0]).toBe('a@0');
  });

  it('a bare array without the closing ] (the JSON Array Format allows it)', () => {
    const m = load(`[${JSON.stringify(x('a', 0, 1))},\n${JSON.stringify(x('b', 2, 1))},\n`);
    expect(m.start.length).toBe(2);
  });

  it('unknown phases are counted and skipped', () => {
    const m = load([x('a', 0, 1), { ph: 'Q', name: 'q', ts: 1, pid: 1, tid: 1 }, { ph: 'XX', ts: 1 }, { name: 'no phase', ts: 1 }]);
    expect(m.start.length).toBe(1);
    expect(m.warnings.join('\n')).toMatch(/1 unknown phase "Q"/);
    expect(m.warnings.join('\n')).toMatch(/unknown phase "XX"/);
  });

  it('overlapping slices go to a free level, reported', () => {
    const m = load([x('a', 0, 10), x('b', 5, 10), x('c', 6, 1)]);
    expect(m.warnings.join(' ')).toMatch(/1 slices that overlap/);
    // Every level stays sorted and non-overlapping, which drawing and hit testing rely on.
    for (let l = 0; l + 1 < m.levelOffsets.length; l++) {
      for (let i = m.levelOffsets[l]! + 1; i < m.levelOffsets[l + 1]!; i++) expect(m.start[i]).toBeGreaterThanOrEqual(m.end[i - 1]!);
    }
  });

  it('wrong types: quoted numbers accepted, junk values skipped, never thrown', () => {
    const m = load([
      { ph: 'X', name: 'quoted', pid: 1, tid: 1, ts: '5', dur: '2' },
      { ph: 'X', name: 'no-ts', pid: 1, tid: 1, ts: null, dur: 1 },
      { ph: 'X', name: 'no-dur', pid: 1, tid: 1, ts: 9 },
      { ph: 'X', name: 42, pid: 1, tid: 1, ts: 10, dur: 1 },
      { ph: 'X', name: 'obj-ts', pid: 1, tid: 1, ts: { a: [1, 2] }, dur: 1 },
      7,
      'str',
    ]);
    expect(shape(m)).toEqual(['quoted@0', 'no-dur@0', '42@0']);
    const w = m.warnings.join('\n');
    expect(w).toMatch(/wrong type/);
    expect(w).toMatch(/without a numeric ts/);
    expect(w).toMatch(/without a valid dur/);
    expect(w).toMatch(/not event objects/);
  });

  it.each(['', '   ', 'hello', '{"traceEvents": 5}', '{"traceEvents": [1, 2', '\u0000\u0001'])('garbage %j gives an empty model with a warning', (text) => {
    const m = load(text);
    expect(m.warnings.length).toBeGreaterThan(0);
  });

  it('unmatched B and E: closed at the end / ignored', () => {
    const m = load([
      { ph: 'E', pid: 1, tid: 1, ts: 0 },
      { ph: 'B', name: 'open', pid: 1, tid: 1, ts: 1 },
      x('later', 2, 5),
    ]);
    expect(shape(m)).toEqual(['open@0', 'later@1']);
    expect(m.warnings.join('\n')).toMatch(/never ended/);
    expect(m.warnings.join('\n')).toMatch(/without a matching B/);
  });

  it('reports ring-buffer overflow from viztracer_metadata', () => {
    const m = load({ traceEvents: [x('a', 0, 1)], viztracer_metadata: { overflow: true, dropped: 12 } });
    expect(m.warnings.join(' ')).toMatch(/oldest 12 calls were dropped/);
  });
});

describe('rounding', () => {
  it('a child ending up to 1 µs after its parent (µs-rounded producers) nests without a warning', () => {
    const m = load([x('parent', 0, 10), x('child', 5, 6), x('next', 10, 2)]);
    expect(shape(m)).toEqual(['parent@0', 'child@1', 'next@0']);
    expect(m.warnings).toEqual([]);
  });
});
