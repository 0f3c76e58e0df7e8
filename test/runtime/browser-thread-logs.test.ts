/** A worker's log events and call args survive the structured-clone trip to the page unchanged. */
import { expect, test } from 'vitest';
import { traceBlob } from '../../runtime/browser-save.js';
import { fromThreadData, toThreadData } from '../../runtime/browser-thread-data.js';
import type { ProbeHandle } from '../../runtime/probe-protocol.js';
import { createRecorder } from '../../runtime/recorder.js';

test('log events, call args and the thread name cross to the page', async () => {
  let t = 1000n;
  const recorder = createRecorder({ clock: () => (t += 10n), wallClock: () => 5_000_000n });
  recorder.start();
  const h = recorder.register(['src/w.ts'], ['f', 0, 1, 1], ['var', 'x', 0, 2, 'number', 'n', 0, 3, 'args', 'a', 0, 1]) as Required<ProbeHandle>;
  const d = h.e(0);
  h.g(d, 2, { big: 1 });
  h.l(0, Symbol('s'));
  h.l(0, { o: 1 });
  h.l(1, 5);
  h.v(d, 'ret');
  h.x(d);
  recorder.logs.custom({ ph: 'I', name: 'custom', scope: 'p', args: undefined });
  recorder.threadName = 'worker A';
  const direct = await (traceBlob([{ tid: 2, name: 'w', snapshot: recorder.snapshot() }], 'browser').blob.text());
  const data = structuredClone(toThreadData(recorder.snapshot(), 'w', 0));
  const crossed = await (traceBlob([{ tid: 2, name: 'w', snapshot: fromThreadData(data, 0) }], 'browser').blob.text());
  expect(crossed).toBe(direct);
  expect(direct).toContain('"name":"Variable Assign - x","args":{"object":"Symbol(s)"}');
  expect(direct).toContain('"args":{"func_args":{"a":"{big: 1}"},"return_value":"\\"ret\\""}');
  expect(direct).toContain('"args":{"name":"worker A"}');
});
