import { describe, expect, it } from 'vitest';
import { writeNsAsUs, writeUint } from '../../runtime/format-digits.js';

const fmt = (f: (b: Uint8Array, p: number, n: number) => number, n: number): string => {
  const buf = new Uint8Array(40);
  return Buffer.from(buf.subarray(0, f(buf, 0, n))).toString();
};

describe('format-digits', () => {
  it.each([0, 7, 9, 10, 99, 100, 2147483647, 2147483648, 4294967296, 1234567890123, 2 ** 53 - 1, 10 ** 15])('writeUint(%d)', (n) => {
    expect(fmt(writeUint, n)).toBe(String(n));
  });

  it.each([
    [0, '0.000'], [1, '0.001'], [999, '0.999'], [1000, '1.000'], [1_234_567, '1234.567'],
    [5_000_000_000_010, '5000000000.010'], [-5, '0.000'],
  ])('writeNsAsUs(%d) = %s', (ns, text) => {
    expect(fmt(writeNsAsUs, ns)).toBe(text);
  });
});
