/**
 * Window queries over one level (slices of one (track, depth), sorted, never overlapping, so both
 * starts and ends are sorted): binary search to the window, then runs of sub-pixel slices merged
 * into one rect, so a frame costs O(rects × log n) whatever the density (viewer-design.md §5).
 */

import { lowerBound } from '../model/bounds.js';

export { lowerBound, upperBound } from '../model/bounds.js';

/** Slices per block of the dense index. */
const BLOCK = 64;

/**
 * Per block of 64 slices (in level order): the widest slice or gap before a slice in it, in µs.
 * A block whose value is under a pixel is all sub-pixel slices close together, so a dense run can
 * take it whole: at 10^7 slices a zoomed-out frame visits blocks instead of binary-searching every
 * pixel column (11 ms → about 1 ms). 1/64 of a column in memory.
 */
export function denseIndex(start: Float64Array, end: Float64Array): Float64Array {
  const n = start.length;
  const out = new Float64Array(Math.ceil(n / BLOCK));
  for (let i = 0; i < n; i++) {
    const width = end[i]! - start[i]!;
    const gap = i > 0 ? start[i]! - end[i - 1]! : 0;
    const v = width > gap ? width : gap;
    const b = (i / BLOCK) | 0;
    if (v > out[b]!) out[b] = v;
  }
  return out;
}

/**
 * Calls `emit(first, last, x0, x1)` for every rect to draw in [t0, t1) at `scale` px per µs:
 * a slice at least 1 px wide alone, or a run of narrower slices merged (first..last inclusive).
 * With `dense` (denseIndex of the same columns), runs cross dense blocks in one step.
 */
export function visitRuns(
  start: Float64Array,
  end: Float64Array,
  lo: number,
  hi: number,
  t0: number,
  t1: number,
  scale: number,
  emit: (first: number, last: number, x0: number, x1: number) => void,
  dense?: Float64Array,
): void {
  const px = 1 / scale;
  let i = lowerBound(end, lo, hi, t0);
  while (i < hi && start[i]! < t1) {
    const x0 = (start[i]! - t0) * scale;
    let x1 = (end[i]! - t0) * scale;
    if (x1 - x0 >= 1) {
      emit(i, i, x0, x1);
      i++;
      continue;
    }
    let j = i;
    for (;;) {
      if (dense !== undefined) {
        // Whole blocks (inside this level and starting before t1) of sub-pixel slices and gaps.
        for (;;) {
          const b = ((j + 1) / BLOCK) | 0;
          const last = b * BLOCK + BLOCK - 1;
          if (b * BLOCK < lo || last >= hi || dense[b]! >= px || start[last]! >= t1) break;
          j = last;
        }
        x1 = Math.max(x1, (end[j]! - t0) * scale);
      }
      const boundary = t0 + (Math.floor(x1) + 1) / scale;
      const k = lowerBound(start, j + 1, hi, boundary);
      if (k === j + 1) break;
      // A wide slice inside the pixel is drawn on its own, not swallowed by the run.
      const last = (end[k - 1]! - start[k - 1]!) * scale >= 1 ? k - 2 : k - 1;
      if (last <= j) break;
      j = last;
      x1 = Math.max(x1, (end[j]! - t0) * scale);
    }
    emit(i, j, x0, Math.max(x1, x0 + 1));
    i = j + 1;
  }
}
