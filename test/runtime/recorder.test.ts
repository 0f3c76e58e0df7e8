import { describe, expect, it } from 'vitest';
import { NOT_RECORDING, PROTOCOL_VERSION } from '../../runtime/probe-protocol.js';
import { createRecorder } from '../../runtime/recorder.js';
import { snapshotEvents } from '../../runtime/recorder-snapshot.js';
import { VizTracerError } from '../../runtime/viztracer-error.js';
import { eventLines, fakeClock, fakeRecorder, table } from './helpers.js';

describe('recorder: nesting and ordering', () => {
  it('records one slot per completed call, in the order calls end', () => {
    const r = fakeRecorder(); // start() read the clock once: 1_000_000
    const h = r.register(['a.ts'], table(['main', 'f', 'g']));
    const d0 = h.e(0); // 1_001_000
    const d1 = h.e(1); // 1_002_000
    h.x(d1); // 1_003_000
    const d2 = h.e(2); // 1_004_000
    h.x(d2); // 1_005_000
    h.x(d0); // 1_006_000
    expect([d0, d1, d2]).toEqual([0, 1, 1]);
    expect(eventLines(r)).toEqual([
      'f 1002000-1003000',
      'g 1004000-1005000',
      'main 1001000-1006000',
    ]);
  });

  it('exposes the protocol version and returns NOT_RECORDING while stopped', () => {
    const r = createRecorder({ clock: fakeClock().clock });
    expect(r.protocol).toBe(PROTOCOL_VERSION);
    const h = r.register(['a.ts'], table(['f']));
    expect(r.isRecording).toBe(false);
    expect(h.e(0)).toBe(NOT_RECORDING);
    h.x(NOT_RECORDING);
    r.start();
    expect(r.isRecording).toBe(true);
    h.x(h.e(0));
    r.stop();
    expect(h.e(0)).toBe(NOT_RECORDING);
    expect(r.snapshot().count).toBe(1);
  });

  it('does not record a call that ends after stop, but still unwinds the shadow stack', () => {
    const r = fakeRecorder();
    const h = r.register(['a.ts'], table(['outer', 'inner']));
    const d0 = h.e(0);
    r.stop();
    h.x(d0);
    r.start();
    h.x(h.e(1));
    expect(eventLines(r).map((l) => l.split(' ')[0])).toEqual(['inner']);
    expect(r.snapshot().unfinished).toBe(0);
  });

  it('clear() drops recorded calls', () => {
    const r = fakeRecorder();
    const h = r.register(['a.ts'], table(['f']));
    h.x(h.e(0));
    r.clear();
    expect(r.snapshot().count).toBe(0);
  });
});

describe('recorder: register', () => {
  it('gives each module a base so ids are global and names resolve per module', () => {
    const r = fakeRecorder();
    const a = r.register(['a.ts'], table(['a0', 'a1']));
    const b = r.register(['b.ts', 'c.ts'], ['b0', 0, 3, 5, 'c0', 1, 7, 2]);
    const d = a.e(1);
    b.x(b.e(1)); // x is shared: any handle closes any token
    a.x(d);
    const events = snapshotEvents(r.snapshot());
    expect(events.map((e) => e.id)).toEqual([3, 1]);
    expect(r.functions.names).toEqual(['a0', 'a1', 'b0', 'c0']);
    expect(r.functions.files).toEqual(['a.ts', 'a.ts', 'b.ts', 'c.ts']);
    expect(r.functions.lines).toEqual([1, 2, 3, 7]);
    expect(r.functions.columns).toEqual([1, 1, 5, 2]);
  });

  it('registers what it can from a malformed table and never throws', () => {
    const r = fakeRecorder();
    const bad = r.register(['a.ts'], ['ok', 0, 1, 1, 42, 9, 'x', -1, 'short'] as never);
    const worse = r.register(null as never, undefined as never);
    expect(r.functions.names).toEqual(['ok', '<unknown>#1', 'short']);
    expect(r.functions.files).toEqual(['a.ts', '<unknown>', '<unknown>']);
    expect(r.functions.lines).toEqual([1, 0, 0]);
    bad.x(bad.e(2));
    worse.x(worse.e(0));
    expect(r.snapshot().count).toBe(2);
  });

  it('s and a return their value unchanged', () => {
    const r = fakeRecorder();
    const h = r.register(['a.ts'], table(['f']));
    const v = { x: 1 };
    expect(h.s(v, h.e(0), -1)).toBe(v);
    expect(h.a(v, 0)).toBe(v);
    expect(h.s(7, NOT_RECORDING, -1)).toBe(7);
  });
});

describe('recorder: options', () => {
  it('rejects unknown and invalid options with VizTracerError', () => {
    const clock = fakeClock().clock;
    expect(() => createRecorder({ clock, tracerEntrys: 5 } as never)).toThrow(VizTracerError);
    expect(() => createRecorder({ clock, tracerEntries: 0 })).toThrow(/tracerEntries.*0/);
    expect(() => createRecorder({ clock, maxStackDepth: -1 })).toThrow(/maxStackDepth/);
    expect(() => createRecorder({ clock, minDuration: 5 as never })).toThrow(/minDuration/);
    expect(() => createRecorder({} as never)).toThrow(/clock/);
  });

  it('samples the clock base once at start: wall minus monotonic', () => {
    const r = createRecorder({ clock: () => 5_000n, wallClock: () => 1_700_000_000_000_000_000n });
    r.start();
    expect(r.snapshot().baseTimeNanoseconds).toBe(1_700_000_000_000_000_000n - 5_000n);
  });
});
