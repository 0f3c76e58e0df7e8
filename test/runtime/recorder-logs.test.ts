/**
 * The runtime side of compile-time logs (probe protocol v3: `l`, `r`, `g`, `v`) and custom
 * events, written to a trace and read back: exact names, phases, scopes, args; the trace loads in
 * DevTools' trace engine with no slice dropped.
 */
import { describe, expect, it } from 'vitest';
import { createChunkSink } from '../../runtime/browser-blob-sink.js';
import { ByteWriter } from '../../runtime/byte-writer.js';
import type { ProbeHandle } from '../../runtime/probe-protocol.js';
import { createRecorder, type Recorder } from '../../runtime/recorder.js';
import { writeTraceBody } from '../../runtime/trace-body.js';
import { validateWithTraceEngine } from '../support/validate-trace.js';
import { fakeClock } from './helpers.js';

interface Ev { ph: string; name: string; ts: number; dur?: number; s?: string; args?: Record<string, unknown>; id?: string; tid: number; cat?: string }

function recorder(options: { reprLimit?: number; warn?: (m: string) => void; tracerEntries?: number } = {}): Recorder {
  const r = createRecorder({ clock: fakeClock(1_000_000n, 1_000n).clock, wallClock: () => 1_700_000_000_000_000_000n, ...options });
  r.start();
  return r;
}

function write(r: Recorder): { traceEvents: Ev[]; viztracer_metadata: Record<string, unknown> } {
  const sink = createChunkSink();
  writeTraceBody(new ByteWriter(sink), { pid: 7, processName: 'p', threads: [{ tid: 7, name: 'MainThread', snapshot: r.snapshot() }], clock: 'hrtime' });
  return JSON.parse(Buffer.concat(sink.chunks).toString('utf8')) as { traceEvents: Ev[]; viztracer_metadata: Record<string, unknown> };
}

const body = (t: { traceEvents: Ev[] }): Omit<Ev, 'ts' | 'tid' | 'dur'>[] =>
  t.traceEvents.filter((e) => e.ph !== 'M').map(({ ts: _ts, tid: _tid, dur: _dur, ...rest }) => {
    const { pid: _pid, ...kept } = rest as Ev & { pid?: number };
    return kept;
  });

const FILES = ['src/a.ts'];
const TABLE = ['f', 0, 1, 1, 'g', 0, 5, 1];
const LOGS = [
  'var', 'x', 0, 2, // 0
  'number', 'n', 0, 3, // 1
  'attr', 'this.a.b', 0, 4, // 2
  'exec', 'y', 0, 6, // 3
  'entry', 'g', 0, 5, // 4
  'exception', '', 0, 7, // 5
  'args', 'a,b,...rest', 0, 5, // 6
];

function handle(r: Recorder): Required<ProbeHandle> {
  return r.register(FILES, TABLE, LOGS) as Required<ProbeHandle>;
}

describe('compile-time log sites', () => {
  it('records var, number, attr, entry and exception sites as exact events and returns the values', () => {
    const r = recorder();
    const h = handle(r);
    const obj = { k: [1, 2] };
    expect(h.l(0, 5)).toBe(5);
    expect(h.l(0, obj)).toBe(obj);
    expect(h.l(0, 'text')).toBe('text');
    expect(h.l(1, 3)).toBe(3);
    expect(h.l(1, 10n)).toBe(10n);
    expect(h.l(2, null)).toBe(null);
    expect(h.l(4, undefined)).toBe(undefined);
    const error = new RangeError('too far');
    expect(h.l(5, error)).toBe(error);
    expect(h.r(7, h.l(0, 8))).toBe(7);
    obj.k.push(3); // logged objects keep the repr of log time
    expect(body(write(r))).toEqual([
      { ph: 'I', cat: 'INSTANT', s: 't', name: 'Variable Assign - x', args: { object: '5' } },
      { ph: 'I', cat: 'INSTANT', s: 't', name: 'Variable Assign - x', args: { object: '{k: [1, 2]}' } },
      { ph: 'I', cat: 'INSTANT', s: 't', name: 'Variable Assign - x', args: { object: '"text"' } },
      { ph: 'C', name: 'Variable Assign - n', args: { n: 3 } },
      { ph: 'C', name: 'Variable Assign - n', args: { n: 10 } },
      { ph: 'I', cat: 'INSTANT', s: 't', name: 'Attribute Assign - this.a.b', args: { object: 'null' } },
      { ph: 'I', cat: 'INSTANT', s: 't', name: 'Function Entry - g' },
      { ph: 'I', cat: 'INSTANT', s: 't', name: 'Exception - RangeError: too far' },
      { ph: 'I', cat: 'INSTANT', s: 't', name: 'Variable Assign - x', args: { object: '8' } },
    ]);
  });

  it('skips non-numbers at a number site with one warning per site, never throwing', () => {
    const warnings: string[] = [];
    const r = recorder({ warn: (m) => warnings.push(m) });
    const h = handle(r);
    expect(h.l(1, 'a')).toBe('a');
    expect(h.l(1, {})).toEqual({});
    h.l(1, 4);
    expect(warnings).toEqual(['viztracer: --log-number: n (src/a.ts:3) is not a number ("a"); its non-number values are skipped']);
    expect(body(write(r))).toEqual([{ ph: 'C', name: 'Variable Assign - n', args: { n: 4 } }]);
  });

  it('puts func_args, return_value and exec_steps on the call, also on a call still open', async () => {
    const r = recorder();
    const h = handle(r);
    const outer = h.e(0);
    h.g(outer, 6, 1, 'two', [3, 4]);
    const inner = h.e(1);
    h.l(3, 42);
    h.l(3, { deep: true });
    expect(h.v(inner, 'ret')).toBe('ret');
    h.x(inner);
    const plain = h.e(1);
    h.x(plain); // no args: a plain call
    const t = write(r);
    expect(body(t)).toEqual([
      { ph: 'X', cat: 'FEE', name: 'g (src/a.ts:5)', args: { return_value: '"ret"', exec_steps: ['(6) y = 42', '(6) y = {deep: true}'] } },
      { ph: 'X', cat: 'FEE', name: 'g (src/a.ts:5)' },
      { ph: 'X', cat: 'FEE', name: 'f (src/a.ts:1)', args: { func_args: { a: '1', b: '"two"', '...rest': '[3, 4]' }, unfinished: true } },
    ]);
    const v = await validateWithTraceEngine(t.traceEvents as never);
    expect(v.inTree).toBe(v.expected);
  });

  it('never shows the args of an abandoned frame or of a previous ring lap', () => {
    const r = recorder({ tracerEntries: 3 });
    const h = handle(r);
    const outer = h.e(0);
    const inner = h.e(1);
    h.g(inner, 6, 'stale');
    h.x(outer); // inner's exit never ran (abandoned): outer's exit repairs the depth
    const again = h.e(0);
    const reused = h.e(1); // the depth `inner` had
    expect(reused).toBe(inner);
    h.x(reused);
    h.x(again);
    const lap = h.e(0);
    h.g(lap, 6, 'first lap');
    h.x(lap);
    for (let i = 0; i < 3; i++) h.x(h.e(1)); // wraps the 3-slot ring over the call with args
    const events = body(write(r));
    expect(events).toHaveLength(3);
    expect(events.every((e) => e.args === undefined)).toBe(true);
  });

  it('says which argument values later calls overwrote when calls have more than the pool keeps', () => {
    // 8 pool slots per ring slot: two calls of 12 arguments each overflow a 2-call ring's 16.
    const r = recorder({ tracerEntries: 2 });
    const h = handle(r);
    for (const call of ['first', 'second']) {
      const d = h.e(0);
      h.g(d, 6, ...Array.from({ length: 12 }, (_, i) => `${call}${i}`));
      h.x(d);
    }
    const args = body(write(r)).map((e) => Object.values((e.args as { func_args: Record<string, string> }).func_args));
    expect(args[0]).toEqual(Array(12).fill('[overwritten]'));
    expect(args[1]).toEqual(Array.from({ length: 12 }, (_, i) => `"second${i}"`));
  });

  it('does nothing while stopped, and a dormant handle still returns values', () => {
    const r = recorder();
    const h = handle(r);
    r.stop();
    expect(h.l(0, 1)).toBe(1);
    expect(h.v(h.e(0), 2)).toBe(2);
    h.g(-1, 6, 1);
    expect(write(r).traceEvents.filter((e) => e.ph !== 'M')).toEqual([]);
  });

  it('a malformed log table registers without throwing and its sites record nothing', () => {
    const r = recorder();
    const h = r.register(FILES, TABLE, [42, null, 'x'] as never) as Required<ProbeHandle>;
    expect(h.l(0, 1)).toBe(1);
    expect(h.l(5, 1)).toBe(1);
    expect(write(r).traceEvents.filter((e) => e.ph !== 'M')).toEqual([]);
  });
});

describe('trace metadata', () => {
  it('writes sync_marker in µs on the events time base, and the thread name set through the API', () => {
    const r = recorder();
    r.syncMarker = 2_345_678n;
    r.threadName = 'Renderer';
    const t = write(r);
    expect(t.viztracer_metadata['sync_marker']).toBe(2345.678);
    expect(t.traceEvents.find((e) => e.ph === 'M' && e.name === 'thread_name')?.args).toEqual({ name: 'Renderer' });
  });
});
