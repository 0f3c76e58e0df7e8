/** Monotonic ns as the trace's µs text with three decimals ("1234.567"), for the log-event writer. */
export function usText(ns: bigint): string {
  const v = ns > 0n ? ns : 0n;
  const frac = Number(v % 1000n);
  return `${v / 1000n}.${frac < 10 ? '00' : frac < 100 ? '0' : ''}${frac}`;
}
