import { describe, expect, it } from 'vitest';
import { NOT_RECORDING } from '../../runtime/probe-protocol.js';
import { createRecorder } from '../../runtime/recorder.js';
import { snapshotEvents } from '../../runtime/recorder-snapshot.js';
import { eventLines, fakeClock, fakeRecorder, table } from './helpers.js';

/** recurse(n): enter, recurse(n-1), exit: returns the ids of recorded events. */
function recurse(h: ReturnType<ReturnType<typeof fakeRecorder>['register']>, n: number): void {
  const d = h.e(n);
  if (n > 0) recurse(h, n - 1);
  h.x(d);
}

describe('recorder: filters', () => {
  it('maxStackDepth: calls at depth >= N are not recorded', () => {
    const r = fakeRecorder({ maxStackDepth: 3 });
    const h = r.register(['a.ts'], table(['d0', 'd1', 'd2', 'd3', 'd4', 'd5']));
    recurse(h, 5); // ids 5 (depth 0), 4 (depth 1), ... 0 (depth 5)
    expect(snapshotEvents(r.snapshot()).map((e) => e.id)).toEqual([3, 4, 5]);
  });

  it('maxStackDepth 0 records nothing', () => {
    const r = fakeRecorder({ maxStackDepth: 0 });
    const h = r.register(['a.ts'], table(['f']));
    h.x(h.e(0));
    expect(r.snapshot().count).toBe(0);
  });

  it('minDuration: shorter calls are not recorded, longer ones are', () => {
    const c = fakeClock(0n, 1_000n);
    const r = createRecorder({ clock: c.clock, minDuration: 5_000n });
    r.start();
    const h = r.register(['a.ts'], table(['short', 'long', 'exact']));
    h.x(h.e(0)); // 1 µs
    const d = h.e(1);
    c.advance(10_000n);
    h.x(d); // 11 µs
    const e = h.e(2);
    c.advance(4_000n);
    h.x(e); // exactly 5 µs: kept
    expect(snapshotEvents(r.snapshot()).map((ev) => [ev.id, ev.end - ev.start])).toEqual([[1, 11_000n], [2, 5_000n]]);
  });

  it('self-heals a skipped exit: the parent exit truncates the shadow stack to its token', () => {
    const r = fakeRecorder();
    const h = r.register(['a.ts'], table(['parent', 'lost', 'next']));
    const p = h.e(0);
    h.e(1); // its exit never runs (RangeError in `finally` at the stack limit)
    h.x(p);
    expect(h.e(2)).toBe(0); // depth is back to 0
    h.x(0);
    expect(eventLines(r).map((l) => l.split(' ')[0])).toEqual(['parent', 'next']);
    expect(r.snapshot().unfinished).toBe(0);
  });

  it('stops recording deeper than the shadow-stack capacity, and recovers', () => {
    const r = fakeRecorder({ stackCapacity: 4 });
    const h = r.register(['a.ts'], table(['f']));
    const tokens = Array.from({ length: 6 }, () => h.e(0));
    expect(tokens).toEqual([0, 1, 2, 3, NOT_RECORDING, NOT_RECORDING]);
    for (const t of tokens.reverse()) h.x(t);
    expect(r.snapshot().count).toBe(4);
    expect(h.e(0)).toBe(0);
  });
});
