/**
 * Window queries over one level (slices of one (track, depth), sorted, never overlapping, so both
 * starts and ends are sorted): binary search to the window, then runs of sub-pixel slices merged
 * into one rect, so a frame costs O(rects × log n) whatever the density (viewer-design.md §5).
 */

/** First index in [lo, hi) with a[index] >= v. */
export function lowerBound(a: Float64Array, lo: number, hi: number, v: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index in [lo, hi) with a[index] > v. */
export function upperBound(a: Float64Array, lo: number, hi: number, v: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Calls `emit(first, last, x0, x1)` for every rect to draw in [t0, t1) at `scale` px per µs:
 * a slice at least 1 px wide alone, or a run of narrower slices merged (first..last inclusive).
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
): void {
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
