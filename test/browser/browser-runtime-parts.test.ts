/**
 * The browser runtime's pieces in Node: the never-repeating performance clock, a worker's thread
 * surviving the trip to the page on the page's clock, and the browser writer giving the same bytes
 * as the Node writer.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { createPerformanceClock, originShiftNs } from '../../runtime/browser-clock.js';
import { traceBlob } from '../../runtime/browser-save.js';
import { fromThreadData, toThreadData } from '../../runtime/browser-thread-data.js';
import { createRecorder } from '../../runtime/recorder.js';
import { snapshotEvents } from '../../runtime/recorder-snapshot.js';
import { writeTrace } from '../../runtime/trace-writer.js';

test('the clock never repeats a value, even when performance.now is coarse (100 µs)', () => {
  let now = 1.0;
  const clock = createPerformanceClock({ now: () => now, timeOrigin: 0 });
  const a = clock();
  const b = clock();
  const c = clock();
  expect([a, b, c]).toEqual([1_000_000n, 1_000_001n, 1_000_002n]);
  now = 1.1;
  expect(clock()).toBe(1_100_000n);
});

function recorded(origin: number) {
  let t = 1000n;
  const recorder = createRecorder({ clock: () => (t += 10n), wallClock: () => 5_000_000n });
  recorder.start();
  const h = recorder.register(['src/w.ts'], ['outer', 0, 1, 1, 'inner', 0, 2, 1]);
  const d0 = h.e(0);
  h.x(h.e(1));
  h.x(d0);
  h.e(0); // still open at save time
  return { recorder, data: toThreadData(recorder.snapshot(), 'primes', origin) };
}

test("a worker's thread crosses to the page on the page's clock, open calls still marked", () => {
  const { recorder, data } = recorded(250.5);
  const before = snapshotEvents(recorder.snapshot());
  const copy = structuredClone(data);
  const shift = originShiftNs(250.5, 100);
  expect(shift).toBe(150_500_000n);
  const onPage = snapshotEvents(fromThreadData(copy, 100));
  expect(onPage.map((e) => [e.id, e.start - shift, e.unfinished])).toEqual(
    before.slice(0, 3).map((e) => [e.id, e.start, e.unfinished]),
  );
  expect(onPage.map((e) => e.unfinished)).toEqual([false, false, true]);
});

test('the browser writer produces the bytes the Node writer writes', async () => {
  const { recorder } = recorded(0);
  const snapshot = recorder.snapshot();
  const dir = mkdtempSync(join(tmpdir(), 'vt-browser-bytes-'));
  try {
    const file = join(dir, 'node.json');
    writeTrace(snapshot, { output: file, root: dir, pid: 1, tid: 1, processName: 'browser', clock: 'performance', fileInfo: false });
    const { blob, events } = traceBlob([{ tid: 1, name: 'MainThread', snapshot }], 'browser');
    expect(events).toBe(3);
    expect(Buffer.from(await blob.arrayBuffer()).toString()).toBe(readFileSync(file, 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
