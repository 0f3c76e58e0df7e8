import { describe, expect, it } from 'vitest';
import { compileQuery } from '../../viewer/model/search.js';
import { lowerBound, visitRuns } from '../../viewer/render/level-query.js';

function runs(starts: number[], durs: number[], t0: number, t1: number, scale: number): [number, number][] {
  const s = Float64Array.from(starts);
  const e = Float64Array.from(starts, (v, i) => v + durs[i]!);
  const out: [number, number][] = [];
  visitRuns(s, e, 0, s.length, t0, t1, scale, (a, b) => out.push([a, b]));
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
