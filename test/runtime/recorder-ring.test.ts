import { describe, expect, it } from 'vitest';
import { snapshotEvents } from '../../runtime/recorder-snapshot.js';
import { fakeRecorder, table } from './helpers.js';

describe('recorder: ring buffer', () => {
  it('keeps exactly the newest N calls and counts the dropped ones', () => {
    const r = fakeRecorder({ tracerEntries: 10 });
    const h = r.register(['a.ts'], table(Array.from({ length: 100 }, (_, i) => `f${i}`)));
    for (let k = 0; k < 57; k++) h.x(h.e(k));
    const snap = r.snapshot();
    expect(snap.count).toBe(10);
    expect(snap.total).toBe(57);
    expect(snap.dropped).toBe(47);
    expect(snap.segments.length).toBe(2); // wrapped: oldest part at the end of the ring, then the start
    const events = snapshotEvents(snap);
    expect(events.map((e) => e.id)).toEqual([47, 48, 49, 50, 51, 52, 53, 54, 55, 56]);
    for (let i = 1; i < events.length; i++) expect(events[i]!.start > events[i - 1]!.end).toBe(true);
  });

  it('is exact at the boundary: N calls fill the ring, nothing dropped', () => {
    const r = fakeRecorder({ tracerEntries: 10 });
    const h = r.register(['a.ts'], table(['f']));
    for (let k = 0; k < 10; k++) h.x(h.e(0));
    const snap = r.snapshot();
    expect([snap.count, snap.dropped, snap.segments.length]).toEqual([10, 0, 1]);
    h.x(h.e(0));
    expect([r.snapshot().count, r.snapshot().dropped]).toEqual([10, 1]);
  });

  it('keeps nested calls of a wrapped ring well formed (children before parents)', () => {
    const r = fakeRecorder({ tracerEntries: 10 });
    const h = r.register(['a.ts'], table(['parent', 'child']));
    for (let n = 0; n < 7; n++) {
      const p = h.e(0);
      h.x(h.e(1));
      h.x(h.e(1));
      h.x(p);
    }
    const ids = snapshotEvents(r.snapshot()).map((e) => e.id);
    expect(ids).toEqual([1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 0].slice(1));
  });
});
