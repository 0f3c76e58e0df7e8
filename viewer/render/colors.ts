/** Slice colours: a stable hue per name id, from a small palette so draws batch by colour. */

export const PALETTE: string[] = Array.from({ length: 20 }, (_, i) => {
  const hue = (i * 360) / 20;
  return `hsl(${hue.toFixed(0)} ${i % 2 === 0 ? 55 : 45}% ${i % 3 === 0 ? 62 : 70}%)`;
});

/** Bucket of a de-emphasised slice (not matching the search or highlight). */
export const DIM = PALETTE.length;
export const DIM_COLOR = '#d7d9dd';
/** Bucket of merged runs of sub-pixel slices ("many small calls here"). */
export const DENSE = PALETTE.length + 1;
export const DENSE_COLOR = '#9aa7bb';

export function colorOf(nameId: number): number {
  return (Math.imul(nameId + 1, 2654435761) >>> 0) % PALETTE.length;
}
