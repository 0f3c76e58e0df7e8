/** Human-readable durations and times (inputs in µs). */

export function formatDuration(us: number): string {
  const a = Math.abs(us);
  if (a === 0) return '0';
  if (a < 1) return `${(us * 1000).toFixed(a < 0.01 ? 2 : 0)} ns`;
  if (a < 1000) return `${trim(us)} µs`;
  if (a < 1e6) return `${trim(us / 1000)} ms`;
  return `${trim(us / 1e6)} s`;
}

function trim(v: number): string {
  const a = Math.abs(v);
  return v.toFixed(a >= 100 ? 1 : a >= 10 ? 2 : 3).replace(/\.?0+$/, '');
}

/** A tick step (1, 2 or 5 × 10^k µs) giving about `px` pixels between ticks. */
export function tickStep(usPerPx: number, px: number): number {
  const raw = usPerPx * px;
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return (m < 2 ? 2 : m < 5 ? 5 : 10) * p;
}
