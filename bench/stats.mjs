/** Small order statistics over arrays of numbers. */

export function quantile(values, q) {
  const s = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (pos - lo);
}

export const median = (values) => quantile(values, 0.5);

/** Half the inter-quartile range: a robust +- noise estimate of one median. */
export const halfIqr = (values) => (quantile(values, 0.75) - quantile(values, 0.25)) / 2;
