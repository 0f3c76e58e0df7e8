/**
 * The binary format (viewer/format/) is an exact image of the model: encode → decode gives back
 * what the JSON path builds, for our traces (ns-exact times, stored as varints), other producers'
 * (float times, stored raw), damaged ones.
 */
import { describe, expect, it } from 'vitest';
import { FORMAT_VERSION, isBinaryTrace } from '../../viewer/format/container.js';
import { decodeModel } from '../../viewer/format/decode-model.js';
import { encodeModel } from '../../viewer/format/encode-model.js';
import { ByteWriter, VarReader } from '../../viewer/format/varint.js';
import { readIntColumn, readUintColumn } from '../../viewer/format/varint-columns.js';
import type { TraceModel } from '../../viewer/model/trace-model.js';
import { eventKindsText, load, randomTrace, x } from './helpers.js';

function roundTrip(m: TraceModel): TraceModel {
  const bin = encodeModel(m);
  expect(isBinaryTrace(bin)).toBe(true);
  const d = decodeModel(bin);
  expect(d).toEqual(m);
  return d;
}

/** How the header says a time column is stored. */
function times(m: TraceModel): Record<string, string> {
  const bin = encodeModel(m);
  const len = new DataView(bin.buffer, bin.byteOffset).getUint32(8, true);
  return (JSON.parse(new TextDecoder().decode(bin.subarray(12, 12 + len))) as { times: Record<string, string> }).times;
}

describe('binary trace format', () => {
  it('round-trips every event kind', () => {
    const m = load(eventKindsText());
    roundTrip(m);
    expect(times(m)).toEqual({ start: 'ns', dur: 'ns', instants: 'ns', counters: 'ns' });
  });

  it.each([1, 2])('round-trips random nested trace %i', (seed) => {
    roundTrip(load(randomTrace(seed, 2000)));
  });

  it('stores float times that are not whole ns raw, and still round-trips them', () => {
    const m = load([x('a', 0.1 + 0.2, Math.PI), x('b', 1 / 3, 0.5), { ph: 'B', name: 'c', pid: 1, tid: 2, ts: 1e-4 }, { ph: 'E', pid: 1, tid: 2, ts: 7.77777 }]);
    expect(times(m)).toMatchObject({ start: 'f64', dur: 'f64' });
    roundTrip(m);
  });

  it('round-trips damaged traces with their warnings, string ids, and nothing at all', () => {
    const text = eventKindsText();
    for (const m of [
      load(text.slice(0, text.indexOf('"ph":"C"'))),
      load('{"traceEvents":[{"ph":"X","pid":"renderer","tid":"main","name":"a\\u00e9","ts":1,"dur":2},{"ph":"Q"}]}'),
      load('not a trace'),
      load({ traceEvents: [] }),
    ]) {
      expect(roundTrip(m).warnings).toEqual(m.warnings);
    }
  });

  it('refuses other versions and other bytes, with a message', () => {
    const bin = encodeModel(load([x('a', 0, 1)]));
    new DataView(bin.buffer, bin.byteOffset).setUint32(4, FORMAT_VERSION + 1, true);
    expect(() => decodeModel(bin)).toThrow(`binary trace format ${FORMAT_VERSION + 1} is not supported by this viewer (it reads ${FORMAT_VERSION})`);
    expect(() => decodeModel(new TextEncoder().encode('{"traceEvents":[]}'))).toThrow(/not a viztracer binary trace/);
  });
});

describe('varints', () => {
  const VALUES = [0, 1, 127, 128, 16383, 16384, 2 ** 21, 2 ** 28 - 1, 2 ** 28, 2 ** 31, 2 ** 32 + 5, 2 ** 52 + 3, Number.MAX_SAFE_INTEGER];

  it('unsigned values up to 2^53 survive, one at a time and as a column', () => {
    const w = new ByteWriter(4);
    for (const v of VALUES) w.uint(v);
    const r = new VarReader(w.done());
    expect(VALUES.map(() => r.uint())).toEqual(VALUES);
    expect(Array.from(readUintColumn(w.done(), VALUES.length))).toEqual(VALUES);
  });

  it('signed values (zigzag) survive', () => {
    const signed = [0, -1, 1, -64, 64, -(2 ** 40), 2 ** 40, -(2 ** 51), 2 ** 51];
    const w = new ByteWriter();
    for (const v of signed) w.int(v);
    expect(Array.from(readIntColumn(w.done(), signed.length))).toEqual(signed);
  });

  it('a cut-off column is an error, not garbage', () => {
    const w = new ByteWriter();
    w.uint(300);
    expect(() => readUintColumn(w.done().subarray(0, 1), 1)).toThrow(/ends early/);
  });
});
