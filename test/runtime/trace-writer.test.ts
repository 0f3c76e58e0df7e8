import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createRecorder, type Recorder } from '../../runtime/recorder.js';
import { snapshotEvents } from '../../runtime/recorder-snapshot.js';
import type { CompleteEvent, TraceFile } from '../../runtime/trace-format.js';
import { writeTrace } from '../../runtime/trace-writer.js';
import { VERSION } from '../../runtime/version.js';
import { VizTracerError } from '../../runtime/viztracer-error.js';
import { fakeClock, tempDir } from './helpers.js';

const SOURCE_A = 'export function main() {\n  return helper();\n}\n';

/** A recorder with a few calls in two modules, one odd name, one unknown id and two open frames. */
function sample(): { recorder: Recorder; root: string } {
  const root = tempDir();
  fs.mkdirSync(path.join(root, 'src'));
  fs.writeFileSync(path.join(root, 'src/a.ts'), SOURCE_A);
  // src/missing.ts is not on disk: skipped in file_info
  const recorder = createRecorder({ clock: fakeClock(5_000_000_000_000n, 1_234n).clock, wallClock: () => 1_767_325_615_896_926_966n });
  recorder.start();
  const a = recorder.register(['src/a.ts'], ['main', 0, 1, 8, 'helper', 0, 2, 3]);
  const b = recorder.register(['src/missing.ts'], ['Odd."name"\n\u2603', 0, 4, 1]);
  const m = a.e(0);
  a.x(a.e(1));
  b.x(b.e(0));
  a.x(a.e(99)); // id outside every table: written as <unknown #..>
  a.x(m);
  a.e(0); // still open at save
  a.e(1);
  return { recorder, root };
}

function read(file: string): TraceFile {
  const bytes = fs.readFileSync(file);
  return JSON.parse((file.endsWith('.gz') ? zlib.gunzipSync(bytes) : bytes).toString('utf8')) as TraceFile;
}

describe('writeTrace', () => {
  it('writes Chrome trace JSON that round-trips every recorded call exactly', () => {
    const { recorder, root } = sample();
    const output = path.join(root, 'out', 'trace.json');
    const snapshot = recorder.snapshot();
    const count = writeTrace(snapshot, { output, root, pid: 4242, processName: 'node main.js' });
    const trace = read(output);

    expect(count).toBe(6);
    expect(trace.traceEvents.slice(0, 2)).toEqual([
      { ph: 'M', name: 'process_name', pid: 4242, tid: 4242, args: { name: 'node main.js' } },
      { ph: 'M', name: 'thread_name', pid: 4242, tid: 4242, args: { name: 'MainThread' } },
    ]);
    const xs = trace.traceEvents.slice(2) as CompleteEvent[];
    const expected = snapshotEvents(snapshot).map((e) => ({
      ph: 'X', cat: 'FEE', pid: 4242, tid: 4242,
      name: recorder.functions.names[e.id] === undefined
        ? `<unknown #${e.id}>`
        : `${recorder.functions.names[e.id]} (${recorder.functions.files[e.id]}:${recorder.functions.lines[e.id]})`,
      ts: Number(e.start) / 1000,
      dur: Number(e.end - e.start) / 1000,
      ...(e.unfinished ? { args: { unfinished: true } } : {}),
    }));
    expect(xs).toEqual(expected);
    expect(xs.map((e) => e.name)).toEqual([
      'helper (src/a.ts:2)', 'Odd."name"\n\u2603 (src/missing.ts:4)', '<unknown #99>', 'main (src/a.ts:1)',
      'main (src/a.ts:1)', 'helper (src/a.ts:2)',
    ]);
    expect(trace.viztracer_metadata).toEqual({
      version: VERSION, format_version: 2, producer: 'viztracer-js', overflow: false, dropped: 0,
      unfinished: 2, clock: 'hrtime', baseTimeNanoseconds: Number(snapshot.baseTimeNanoseconds),
    });
    expect(trace.file_info).toEqual({
      files: { 'src/a.ts': [SOURCE_A, 3] },
      functions: { 'main (src/a.ts:1)': ['src/a.ts', 1], 'helper (src/a.ts:2)': ['src/a.ts', 2] },
    });
  });

  it('writes ts and dur with exactly three decimals (integer ns math, no float noise)', () => {
    const { recorder, root } = sample();
    const output = path.join(root, 'trace.json');
    writeTrace(recorder.snapshot(), { output, root });
    const text = fs.readFileSync(output, 'utf8');
    const numbers = [...text.matchAll(/"(ts|dur)":([0-9.]+)/g)].map((m) => m[2]!);
    expect(numbers.length).toBe(12);
    for (const n of numbers) expect(n).toMatch(/^\d+\.\d{3}$/);
    // start() read 5_000_000_000_000, main entered at +1234 ns, helper (the first event) at +2468
    expect(text).toContain('"name":"helper (src/a.ts:2)","ts":5000000002.468,"dur":1.234}');
  });

  it('writes the wall-clock base as an exact integer', () => {
    const { recorder, root } = sample();
    const output = path.join(root, 'trace.json');
    const snapshot = recorder.snapshot();
    writeTrace(snapshot, { output, root });
    expect(fs.readFileSync(output, 'utf8')).toContain(`"baseTimeNanoseconds":${snapshot.baseTimeNanoseconds}}`);
  });

  it.each(['stream', 'members'] as const)('writes .json.gz (%s) that gunzips to the same JSON', (gzipMode) => {
    const { recorder, root } = sample();
    const snapshot = recorder.snapshot();
    writeTrace(snapshot, { output: path.join(root, 'trace.json'), root, pid: 1 });
    writeTrace(snapshot, { output: path.join(root, 'trace.json.gz'), root, pid: 1, gzipMode });
    const plain = fs.readFileSync(path.join(root, 'trace.json'));
    const gz = fs.readFileSync(path.join(root, 'trace.json.gz'));
    expect(gz.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    expect(zlib.gunzipSync(gz).equals(plain)).toBe(true);
  });

  it('streams a multi-chunk gzip that gunzips (stream and members)', () => {
    const recorder = createRecorder({ clock: fakeClock().clock, tracerEntries: 50_000 });
    recorder.start();
    const h = recorder.register(['x.ts'], ['f', 0, 1, 1, 'g', 0, 2, 1]);
    for (let i = 0; i < 50_000; i++) h.x(h.e(i & 1));
    const root = tempDir();
    const snapshot = recorder.snapshot();
    writeTrace(snapshot, { output: path.join(root, 't.json'), root });
    const plain = fs.readFileSync(path.join(root, 't.json'));
    expect(plain.length).toBeGreaterThan(3 << 20); // several 1 MB chunks
    for (const gzipMode of ['stream', 'members'] as const) {
      writeTrace(snapshot, { output: path.join(root, `t.${gzipMode}.json.gz`), root, gzipMode });
      expect(zlib.gunzipSync(fs.readFileSync(path.join(root, `t.${gzipMode}.json.gz`))).equals(plain)).toBe(true);
    }
  });

  it('writes an empty trace when nothing was recorded', () => {
    const recorder = createRecorder({ clock: fakeClock().clock });
    const root = tempDir();
    expect(writeTrace(recorder.snapshot(), { output: path.join(root, 'e.json'), root })).toBe(0);
    const trace = read(path.join(root, 'e.json'));
    expect(trace.traceEvents.length).toBe(2);
    expect(trace.file_info).toEqual({ files: {}, functions: {} });
  });

  it('reports overflow and dropped calls in the metadata', () => {
    const recorder = createRecorder({ clock: fakeClock().clock, tracerEntries: 3 });
    recorder.start();
    const h = recorder.register(['x.ts'], ['f', 0, 1, 1]);
    for (let i = 0; i < 5; i++) h.x(h.e(0));
    const root = tempDir();
    writeTrace(recorder.snapshot(), { output: path.join(root, 'o.json'), root });
    const trace = read(path.join(root, 'o.json'));
    expect(trace.viztracer_metadata).toMatchObject({ overflow: true, dropped: 2 });
    expect(trace.traceEvents.length).toBe(5);
  });

  it('fails with WRITE_FAILED naming the path, leaving no temporary file', () => {
    const { recorder, root } = sample();
    fs.writeFileSync(path.join(root, 'file'), '');
    const output = path.join(root, 'file', 'trace.json'); // parent is a file
    expect(() => writeTrace(recorder.snapshot(), { output, root })).toThrow(VizTracerError);
    expect(() => writeTrace(recorder.snapshot(), { output, root })).toThrow(output);
  });
});
