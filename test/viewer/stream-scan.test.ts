/**
 * The JSON scanner fed in chunks (as vizviewer and the report writer stream a file) builds the
 * same model as one whole buffer, wherever the chunks are cut, intact or truncated.
 */
import { describe, expect, it } from 'vitest';
import { modelOf } from '../../viewer/model/load-trace.js';
import { TraceScanner } from '../../viewer/model/scan-trace.js';
import { bytes, eventKindsText, load, randomTrace } from './helpers.js';

function chunked(text: string, size: number): ReturnType<typeof modelOf> {
  const all = bytes(text);
  const s = new TraceScanner();
  for (let at = 0, n = 1; at < all.length; at += n, n = (n % size) + 1) s.push(all.subarray(at, at + n));
  return modelOf(s.finish());
}

describe('chunked scanning', () => {
  const text = eventKindsText();
  const random = JSON.stringify({ traceEvents: randomTrace(4, 500), file_info: { files: { 'a.ts': ['x'.repeat(200_000), 1] }, functions: {} } });

  it.each([1, 2, 7, 64, 4096])('chunks of 1..%i bytes give the same model', (size) => {
    expect(chunked(text, size)).toEqual(load(text));
  });

  it('a long top-level value split over many chunks is read once it is whole', () => {
    expect(chunked(random, 1000)).toEqual(load(random));
  });

  it.each([0.3, 0.6, 0.95])('a trace cut at %f keeps the same events and warning as one buffer', (at) => {
    const cut = text.slice(0, Math.floor(text.length * at));
    const whole = load(cut);
    expect(chunked(cut, 13)).toEqual(whole);
    expect(whole.warnings.join(' ')).toMatch(/truncated/);
  });

  it('a UTF-8 byte order mark is skipped', () => {
    expect(chunked(`\uFEFF${text}`, 1).start.length).toBe(load(text).start.length);
  });
});
