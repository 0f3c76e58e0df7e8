import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../runtime/parse-duration.js';
import { VizTracerError } from '../../runtime/viztracer-error.js';

describe('parseDuration', () => {
  it.each([
    ['1s', 1_000_000_000n],
    ['0.2ms', 200_000n],
    ['0.1ms', 100_000n],
    ['15us', 15_000n],
    ['250ns', 250n],
    ['3', 3_000n], // no unit: µs, as VizTracer
    ['1.5', 1_500n],
    ['.5ms', 500_000n],
    ['2MS', 2_000_000n],
    ['0.0004', 0n], // 0.4 ns rounds to 0
    ['0.0005', 1n],
    ['1e3ns', 1_000n],
    [' 7 ms ', 7_000_000n],
  ])('%s -> %s ns', (text, ns) => {
    expect(parseDuration(text)).toBe(ns);
  });

  it('accepts numbers as µs', () => {
    expect(parseDuration(12)).toBe(12_000n);
  });

  it.each(['', 'ms', '-1ms', '1 m', '1h', 'abc', '1e99', 'NaN', '1..2'])('rejects %j naming the value', (text) => {
    let error: unknown;
    try {
      parseDuration(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(VizTracerError);
    expect((error as VizTracerError).code).toBe('INVALID_OPTION');
    expect((error as Error).message).toContain(JSON.stringify(text));
  });
});
