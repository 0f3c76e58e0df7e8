import { describe, expect, it } from 'vitest';
import { compileQuery } from '../../viewer/model/search.js';
import { denseIndex, lowerBound, visitRuns } from '../../viewer/render/level-query.js';

function runs(starts: number[], durs: number[], t0: number, t1: number, scale: number): [number, number][] {
  const s = Float64Array.from(starts);
  const e = Float64Array.from(starts, (v, i) => v + durs[i]!);
  const out: [number, number][] = [];
  visitRuns(s, e, 0, s.length, t0, t1, scale, (a, b) => out.push([a, b]));
  // The dense index may only change how fast, never what.
  const fast: [number, number][] = [];
  visitRuns(s, e, 0, s.length, t0, t1, scale, (a, b) => fast.push([a, b]), denseIndex(s, e));
  expect(fast.length).toBeLessThanOrEqual(out.length);
  expect([fast[0]?.[0], fast.at(-1)?.[1]]).toEqual([out[0]?.[0], out.at(-1)?.[1]]);
  return out;
}

describe('level queries', () => {
  it('lowerBound', () => {
    const a = Float64Array.from([1, 2, 2, 5]);
    expect([0, 1, 2, 3, 5, 6].map((v) => lowerBound(a, 0, a.length, v))).toEqual([0, 0, 1, 3, 3, 4]);
  });

  it('draws wide slices alone and merges sub-pixel runs', () => {
    // 1 px per µs: slices 0..2 are 0.1 µs wide and 0.2 µs apart: one run; slice 3 is 10 px wide.
    expect(runs([0, 0.2, 0.4, 1, 30], [0.1, 0.1, 0.1, 10, 0.1], 0, 100, 1)).toEqual([
      [0, 2],
      [3, 3],
      [4, 4],
    ]);
  });

  it('skips slices outside the window', () => {
    expect(runs([0, 10, 20, 30], [5, 5, 5, 5], 12, 26, 10)).toEqual([
      [1, 1],
      [2, 2],
    ]);
  });

  it('with the dense index, runs cross whole blocks and still end at gaps, wide slices and t1', () => {
    // 1 px per µs; 1,000 slices of 0.1 µs every 0.2 µs, a 2 µs gap, a wide slice, 1,000 more tiny ones.
    const starts: number[] = [];
    const durs: number[] = [];
    for (let i = 0; i < 1000; i++) starts.push(i * 0.2), durs.push(0.1);
    starts.push(202, 210), durs.push(5, 0.1);
    for (let i = 1; i < 1000; i++) starts.push(210 + i * 0.2), durs.push(0.1);
    const s = Float64Array.from(starts);
    const e = Float64Array.from(starts, (v, i) => v + durs[i]!);
    const dense = denseIndex(s, e);
    const visit = (t1: number, d?: Float64Array): [number, number][] => {
      const out: [number, number][] = [];
      visitRuns(s, e, 0, s.length, 0, t1, 1, (a, b) => out.push([a, b]), d);
      return out;
    };
    const fast = visit(1000, dense);
    // Every slice once, in order; the gap and the wide slice still end runs; far fewer runs.
    expect(fast.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, k) => a + k))).toEqual(Array.from({ length: s.length }, (_, k) => k));
    expect(fast).toContainEqual([1000, 1000]);
    expect(fast.some(([a, b]) => a <= 999 && b >= 1001)).toBe(false);
    expect(fast.length).toBeLessThan(visit(1000).length / 4);
    // A run stops at the window's end (plus at most one block).
    expect(visit(100, dense).at(-1)![1]).toBeLessThan(500 + 64);
  });

  it('200k sub-pixel slices become about one rect per pixel', () => {
    const n = 200_000;
    const starts = Array.from({ length: n }, (_, i) => i);
    const out = runs(starts, new Array<number>(n).fill(0.5), 0, n, 1000 / n);
    expect(out.length).toBeLessThanOrEqual(1001);
    expect(out[0]![0]).toBe(0);
    expect(out[out.length - 1]![1]).toBe(n - 1);
  });
});

describe('search queries', () => {
  it.each([
    ['fib', 'Fib (a.ts:1)', true],
    ['/^fib/', 'Fib (a.ts:1)', false],
    ['/^fib/i', 'Fib (a.ts:1)', true],
    ['/a\\.ts:1\\)$/', 'Fib (a.ts:1)', true],
    ['zzz', 'Fib (a.ts:1)', false],
  ])('%s on %s', (q, name, want) => {
    const pred = compileQuery(q);
    expect(pred instanceof Error ? pred : pred(name)).toBe(want);
  });

  it('a bad regex is an error, not a throw', () => {
    expect(compileQuery('/(/')).toBeInstanceOf(Error);
  });
});
