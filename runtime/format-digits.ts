/**
 * Decimal formatting straight into bytes, for the trace writer's hot loop: no strings, no
 * BigInt, no Number#toString. Inputs are non-negative integers below 2^53.
 */

const POW10 = Array.from({ length: 17 }, (_, i) => 10 ** i);

/** Writes `n` in decimal at `pos`; returns the position after the last digit. */
export function writeUint(buf: Uint8Array, pos: number, n: number): number {
  let len = 1;
  while (len < 16 && n >= POW10[len]!) len++;
  const end = pos + len;
  let p = end;
  let t = n;
  while (t >= 2147483648) {
    const q = Math.floor(t / 10);
    buf[--p] = 48 + (t - q * 10);
    t = q;
  }
  let u = t | 0;
  do {
    const q = (u / 10) | 0;
    buf[--p] = 48 + (u - q * 10);
    u = q;
  } while (u > 0);
  return end;
}

/** Writes integer nanoseconds as microseconds with exactly three decimals ("1234.567"). */
export function writeNsAsUs(buf: Uint8Array, pos: number, ns: number): number {
  const v = ns > 0 ? ns : 0;
  const us = Math.floor(v / 1000);
  const frac = v - us * 1000;
  const p = writeUint(buf, pos, us);
  const hundreds = (frac / 100) | 0;
  const rest = frac - hundreds * 100;
  const tens = (rest / 10) | 0;
  buf[p] = 46; // '.'
  buf[p + 1] = 48 + hundreds;
  buf[p + 2] = 48 + tens;
  buf[p + 3] = 48 + (rest - tens * 10);
  return p + 4;
}
