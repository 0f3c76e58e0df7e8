import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateWithTraceEngine } from '../support/validate-trace.js';
import { readTrace, tempProject, viztracer, type Trace, type TraceEvent } from './helpers.js';

/** A trace as the tests write them by hand (only the fields combine looks at). */
function handTrace(pid: number, events: [name: string, ts: number, dur: number][], meta: Record<string, unknown> = {}): string {
  return JSON.stringify({
    traceEvents: [
      { ph: 'M', name: 'process_name', pid, tid: pid, args: { name: `proc ${pid}` } },
      { ph: 'M', name: 'thread_name', pid, tid: pid, args: { name: 'MainThread' } },
      ...events.map(([name, ts, dur]) => ({ ph: 'X', cat: 'FEE', name, pid, tid: pid, ts, dur })),
    ],
    viztracer_metadata: { overflow: false, dropped: 0, ...meta },
    file_info: { files: {}, functions: {} },
  });
}

const calls = (t: Trace): TraceEvent[] => t.traceEvents.filter((e) => e.ph === 'X');
/** What "saved N events" counts: everything but metadata. */
const eventCount = (...traces: Trace[]): number => traces.reduce((n, t) => n + t.traceEvents.filter((e) => e.ph !== 'M').length, 0);
const processNames = (t: Trace): Map<number, string> => new Map(t.traceEvents
  .filter((e) => e.ph === 'M' && e.name === 'process_name')
  .map((e) => [e.pid, (e as unknown as { args: { name: string } }).args.name]));
/** A call without its pid, to compare the events of an input with their copy in the output. */
const key = (e: TraceEvent): string => `${e.name}@${e.ts}+${e.dur}`;
/** ts in integer ns, as written (three decimals). */
const ns = (us: number): number => Math.round(us * 1000);

describe('viztracer --combine', () => {
  const dir = tempProject('basic');
  let a: Trace;
  let b: Trace;

  beforeAll(() => {
    expect(viztracer(['--quiet', '-o', 'a.json', 'fib.ts'], dir).status).toBe(0);
    expect(viztracer(['--quiet', '-o', 'b.json.gz', 'plain.js'], dir).status).toBe(0);
    a = readTrace(join(dir, 'a.json'));
    b = readTrace(join(dir, 'b.json.gz'));
  });

  it('merges two real traces (.json and .json.gz): every call of both, processes apart, one metadata', async () => {
    const r = viztracer(['--combine', 'a.json', 'b.json.gz', '-o', 'all.json'], dir);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(`viztracer: saved ${eventCount(a, b)} events from 2 traces to ${join(dir, 'all.json')}\n`);
    const all = readTrace(join(dir, 'all.json'));
    expect(calls(all).map(key).sort()).toEqual([...calls(a), ...calls(b)].map(key).sort());
    expect(processNames(all)).toEqual(new Map([...processNames(a), ...processNames(b)]));
    expect(processNames(all).size).toBe(2);
    // Metadata events first, as in a file the runtime writes.
    const firstCall = all.traceEvents.findIndex((e) => e.ph !== 'M');
    expect(all.traceEvents.slice(firstCall).every((e) => e.ph !== 'M')).toBe(true);
    expect(all.viztracer_metadata).toMatchObject({ producer: 'viztracer-js', overflow: false, dropped: 0, combined_from: ['a.json', 'b.json.gz'] });
    expect(readFileSync(join(dir, 'all.json'), 'utf8')).toContain(`"baseTimeNanoseconds":${/"baseTimeNanoseconds":(\d+)/.exec(readFileSync(join(dir, 'a.json'), 'utf8'))![1]}}`);
    const files = Object.keys((all.file_info as { files: object }).files).sort();
    expect(files).toEqual(['fib.ts', 'plain.js']);
    const v = await validateWithTraceEngine(all.traceEvents);
    expect(v.expected).toBe(calls(a).length + calls(b).length);
    expect(v.inTree).toBe(v.expected);
  });

  it('gives a second input with the same pid a fresh pid, keeping its process name and main thread', async () => {
    const r = viztracer(['--quiet', '--combine', 'a.json', 'a.json', '-o', 'twice.json.gz'], dir);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const twice = readTrace(join(dir, 'twice.json.gz'));
    const [pid] = [...processNames(a).keys()];
    const names = processNames(twice);
    expect(names.size).toBe(2);
    const moved = [...names.keys()].find((p) => p !== pid)!;
    expect(names.get(moved)).toBe(names.get(pid!));
    const copy = calls(twice).filter((e) => e.pid === moved);
    expect(copy.every((e) => e.tid === moved)).toBe(true);
    expect(copy.map(key)).toEqual(calls(a).map(key));
    const v = await validateWithTraceEngine(twice.traceEvents);
    expect(v.inTree).toBe(v.expected);
    expect(v.threads.map((t) => t.pid).sort()).toEqual([pid, moved].sort());
  });

  it('--align-combine shifts each input so its first event starts at 0, to the ns', async () => {
    const r = viztracer(['--quiet', '--align-combine', 'a.json', 'b.json.gz', '-o', 'aligned.json'], dir);
    expect(r.status).toBe(0);
    const text = readFileSync(join(dir, 'aligned.json'), 'utf8');
    expect(text).not.toMatch(/"(ts|dur)":-?\d+(\.\d{1,2}|\.\d{4,})?[,}]/); // three decimals, like the runtime's writer
    const aligned = readTrace(join(dir, 'aligned.json'));
    for (const input of [a, b]) {
      const [pid] = [...processNames(input).keys()];
      const first = Math.min(...calls(input).map((e) => ns(e.ts)));
      const shifted = calls(aligned).filter((e) => e.pid === pid);
      expect(shifted.map((e) => ns(e.ts))).toEqual(calls(input).map((e) => ns(e.ts) - first));
      expect(shifted.map((e) => e.dur)).toEqual(calls(input).map((e) => e.dur));
      expect(Math.min(...shifted.map((e) => e.ts))).toBe(0);
    }
    expect(aligned.viztracer_metadata['aligned_on']).toEqual(['first_event', 'first_event']);
    expect(aligned.viztracer_metadata['baseTimeNanoseconds']).toBeUndefined();
    const v = await validateWithTraceEngine(aligned.traceEvents);
    expect(v.inTree).toBe(v.expected);
  });

  it('--align-combine makes the sync markers coincide (at 0); an input without one starts at 0', async () => {
    const d = tempProject();
    writeFileSync(join(d, 'one.json'), handTrace(7, [['early', 900.25, 50], ['outer', 1000.5, 300], ['inner', 1100.001, 99.999]], { sync_marker: 1000.5 }));
    writeFileSync(join(d, 'two.json.gz'), gzipSync(handTrace(8, [['mark', 5000.001, 10], ['later', 5100, 1.5]], { sync_marker: 5000.001, dropped: 3, overflow: true })));
    writeFileSync(join(d, 'three.json'), handTrace(9, [['x', 123456789.123, 2], ['y', 123456790, 1]]));
    const r = viztracer(['--quiet', '--align-combine', 'one.json', 'two.json.gz', 'three.json', '-o', 'out.json'], d);
    expect(r.status).toBe(0);
    const text = readFileSync(join(d, 'out.json'), 'utf8');
    const ts = (name: string): string => new RegExp(`"name":"${name}"[^}]*"ts":(-?[\\d.]+)`).exec(text)![1]!;
    expect(['early', 'outer', 'inner', 'mark', 'later', 'x', 'y'].map(ts))
      .toEqual(['-100.250', '0.000', '99.501', '0.000', '99.999', '0.000', '0.877']);
    const out = JSON.parse(text) as Trace;
    expect(out.viztracer_metadata).toMatchObject({ overflow: true, dropped: 3, aligned_on: ['sync_marker', 'sync_marker', 'first_event'] });
    expect(out.viztracer_metadata['sync_marker']).toBeUndefined();
    const v = await validateWithTraceEngine(out.traceEvents);
    expect(v.inTree).toBe(v.expected);

    viztracer(['--quiet', '--align-combine', 'one.json', 'two.json.gz', '-o', 'markers.json'], d);
    expect(readTrace(join(d, 'markers.json')).viztracer_metadata['sync_marker']).toBe(0);
  });

  it('skips invalid inputs with one line each: missing, not JSON, not a trace, truncated', () => {
    const full = readFileSync(join(dir, 'a.json'));
    writeFileSync(join(dir, 'text.json'), 'hello, world\n');
    writeFileSync(join(dir, 'other.json'), '{"version": 1, "items": [1, 2]}');
    writeFileSync(join(dir, 'cut.json'), full.subarray(0, full.length >> 1));
    writeFileSync(join(dir, 'cut.json.gz'), gzipSync(full).subarray(0, 200));
    writeFileSync(join(dir, 'bad-event.json'), '{"traceEvents": [{"ph": "X"}, 42]}');
    const r = viztracer(['--combine', 'missing.json', 'text.json', 'other.json', 'b.json.gz', 'cut.json', 'cut.json.gz', 'bad-event.json', '-o', 'some.json'], dir);
    expect(r.status).toBe(0);
    expect(r.stderr.split('\n')).toEqual([
      'viztracer: skipping missing.json: no such file',
      "viztracer: skipping text.json: it is not JSON (unexpected 'h' at byte 0)",
      'viztracer: skipping other.json: it is not a trace (no traceEvents array)',
      'viztracer: skipping cut.json: it is truncated (the file ends inside the JSON)',
      'viztracer: skipping cut.json.gz: it is truncated (the gzip data ends early)',
      'viztracer: skipping bad-event.json: it is not a trace (traceEvents[1] is not an event)',
      `viztracer: saved ${eventCount(b)} events from 1 trace to ${join(dir, 'some.json')}`,
      '',
    ]);
    expect(readTrace(join(dir, 'some.json')).viztracer_metadata['combined_from']).toEqual(['b.json.gz']);
  });

  it('can write over one of its inputs (the output appears only when complete)', () => {
    writeFileSync(join(dir, 'c.json'), readFileSync(join(dir, 'a.json')));
    expect(viztracer(['--quiet', '--combine', 'c.json', 'b.json.gz', '-o', 'c.json'], dir).status).toBe(0);
    expect(calls(readTrace(join(dir, 'c.json'))).map(key).sort()).toEqual([...calls(a), ...calls(b)].map(key).sort());
  });

  it('fails with one line when no input is a trace', () => {
    const r = viztracer(['--combine', 'missing.json', 'text.json', '-o', 'none.json'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe([
      'viztracer: skipping missing.json: no such file',
      "viztracer: skipping text.json: it is not JSON (unexpected 'h' at byte 0)",
      `viztracer: error: nothing to combine: none of missing.json, text.json is a readable trace, so ${join(dir, 'none.json')} was not written`,
      '',
    ].join('\n'));
  });

  it.each([
    [['--combine', '-o', 'x.json'], '--combine: expects one or more paths, got []'],
    [['--combine', 'a.json', '-o', 'x.json', 'fib.ts'], '--combine merges traces and runs no program: got fib.ts too'],
    [['--align-combine', 'a.json', '--', 'node', 'fib.ts'], '--align-combine merges traces and runs no program: got node too'],
    [['--combine', 'a.json', '--align-combine', 'b.json.gz'], '--combine and --align-combine cannot be used together'],
    [['--combine', 'a.json', '-o', 'x.txt'], '--output-file x.txt: only .json, .json.gz and .html are supported'],
  ])('usage error: %j', (args, message) => {
    const r = viztracer(args, dir);
    expect(r.stderr).toBe(`viztracer: error: ${message}\n`);
    expect(r.status).toBe(2);
  });

  it('writes an .html report with the combined trace embedded', () => {
    const r = viztracer(['--combine', 'a.json', 'b.json.gz', '-o', 'all.html'], dir);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(`viztracer: saved ${eventCount(a, b)} events from 2 traces to ${join(dir, 'all.html')}\n`);
    const html = readFileSync(join(dir, 'all.html'), 'utf8');
    // Whatever the embedded encoding of the trace (cli/report/ owns it), its bytes name every call.
    const embedded = /<script [^>]*id="viztracer-trace"[^>]*data-encoding="gzip-base64"[^>]*>([^<]+)<\/script>/.exec(html);
    expect(embedded).not.toBeNull();
    const bytes = gunzipSync(Buffer.from(embedded![1]!, 'base64')).toString('utf8');
    for (const name of new Set([...calls(a), ...calls(b)].map((e) => e.name))) expect(bytes).toContain(name);
  });

  it('reads values that span read chunks: a multi-MB trace with long, escaped and non-ASCII strings', () => {
    const d = tempProject();
    const events: object[] = [{ ph: 'M', name: 'process_name', pid: 1, tid: 1, args: { name: 'big "one" ✓' } }];
    for (let i = 0; i < 4000; i++) {
      events.push({ ph: 'X', cat: 'FEE', name: `f${i} ${'ä\\"}]'.repeat(i % 300)}`, pid: 1, tid: 1, ts: 1e6 + i * 10.125, dur: 1.5, args: { v: [i, { s: '}'.repeat(i % 7) }] } });
    }
    const source = { traceEvents: events, viztracer_metadata: { dropped: 0 }, file_info: { files: { 'x.ts': ['"}'.repeat(600_000), 1] }, functions: {} }, displayTimeUnit: 'ns' };
    writeFileSync(join(d, 'big.json'), JSON.stringify(source, null, 1));
    expect(viztracer(['--quiet', '--combine', 'big.json', '-o', 'out.json'], d).status).toBe(0);
    const out = readTrace(join(d, 'out.json')) as Trace & { displayTimeUnit: string };
    expect(out.traceEvents).toEqual(events);
    expect(out.file_info).toEqual(source.file_info);
    expect(out.displayTimeUnit).toBe('ns');
  });
});
