import { describe, expect, it } from 'vitest';
import { createRecorder } from '../../runtime/recorder.js';
import { fakeClock, table } from './helpers.js';

describe('the handle flag probes read (dormant cost: a load and a branch)', () => {
  it('follows start and stop on every handle, including ones given out before', () => {
    const recorder = createRecorder({ clock: fakeClock().clock });
    const before = recorder.register(['a.ts'], table(['f']));
    expect(before.on).toBe(false);
    recorder.start();
    const after = recorder.register(['b.ts'], table(['g']));
    expect([before.on, after.on]).toEqual([true, true]);
    recorder.stop();
    expect([before.on, after.on]).toEqual([false, false]);
  });

  it('registers without calling setters a program put on Object.prototype', () => {
    let calls = 0;
    let names: string[] = [];
    Object.defineProperty(Object.prototype, '0', { set() { calls++; }, get() { return undefined; }, configurable: true });
    try {
      const recorder = createRecorder({ clock: fakeClock().clock });
      recorder.register(['a.ts'], table(['f', 'g']));
      names = [...recorder.functions.names];
    } finally {
      delete (Object.prototype as Record<string, unknown>)[0];
    }
    expect(names).toEqual(['f', 'g']);
    expect(calls).toBe(0);
  });
});
