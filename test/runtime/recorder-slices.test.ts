import { describe, expect, it } from 'vitest';
import { NOT_RECORDING } from '../../runtime/probe-protocol.js';
import { snapshotEvents } from '../../runtime/recorder-snapshot.js';
import { fakeRecorder, table } from './helpers.js';

describe('recorder: generator / async slices (s and a)', () => {
  it('records one slice per synchronous run between suspensions', () => {
    const r = fakeRecorder();
    const h = r.register(['a.ts'], table(['main', 'gen']));
    const m = h.e(0);
    // gen() runs until its first `yield 1`:  __vt_H.a(yield __vt_H.s(1,__vt_d,__vt_d=-1), __vt_d=__vt_H.e(K))
    let d = h.e(1);
    const yielded = h.s(1, d, (d = -1));
    expect([yielded, d]).toEqual([1, NOT_RECORDING]);
    // main runs on, then resumes the generator
    d = h.e(1);
    const resumed = h.a('sent', d);
    expect(resumed).toBe('sent');
    h.x(d); // generator returns
    h.x(m);
    const events = snapshotEvents(r.snapshot());
    expect(events.map((e) => r.functions.names[e.id])).toEqual(['gen', 'gen', 'main']);
    const [first, second, main] = events;
    expect(first!.end <= second!.start).toBe(true); // slices do not overlap
    expect(main!.start < first!.start && main!.end > second!.end).toBe(true); // and nest in main
  });

  it('a suspension with a negative token is ignored (catch after await re-enters only once)', () => {
    const r = fakeRecorder();
    const h = r.register(['a.ts'], table(['f']));
    let d = h.e(0);
    h.s(0, d, (d = NOT_RECORDING));
    h.s(0, d, (d = NOT_RECORDING)); // for-await end: s(0,-1): no-op
    expect(d).toBe(NOT_RECORDING);
    expect(r.snapshot().count).toBe(1);
  });

  it('open frames at save are closed at the save time and marked unfinished, outermost first', () => {
    const r = fakeRecorder();
    const h = r.register(['a.ts'], table(['main', 'loop', 'done']));
    h.e(0); // 1_001_000
    h.e(1); // 1_002_000
    h.x(h.e(2)); // 1_003_000 - 1_004_000
    const snap = r.snapshot(); // saved at 1_005_000
    expect(snap.unfinished).toBe(2);
    expect(snap.count).toBe(3);
    expect(snap.savedAt).toBe(1_005_000n);
    expect(snapshotEvents(snap).map((e) => [r.functions.names[e.id], e.start, e.end, e.unfinished])).toEqual([
      ['done', 1_003_000n, 1_004_000n, false],
      ['main', 1_001_000n, 1_005_000n, true],
      ['loop', 1_002_000n, 1_005_000n, true],
    ]);
  });
});
