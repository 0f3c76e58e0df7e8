/**
 * Sorts slice indexes by (track, start ascending, duration descending), so parents come before
 * their children even when both start at the same µs. A bottom-up merge sort with the comparison
 * inlined: about 3x faster than `Uint32Array.prototype.sort` with a comparator at 10^6 slices.
 */

export function sortSlices(track: Int32Array, ts: Float64Array, dur: Float64Array, n: number): Uint32Array {
  let a = new Uint32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  const before = (x: number, y: number): boolean => {
    const tx = track[x]!;
    const ty = track[y]!;
    if (tx !== ty) return tx < ty;
    const sx = ts[x]!;
    const sy = ts[y]!;
    if (sx !== sy) return sx < sy;
    return dur[x]! > dur[y]!;
  };
  // Already in order (common for B/E traces and presorted files): nothing to do.
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) if (before(a[i]!, a[i - 1]!)) sorted = false;
  if (sorted) return a;
  const RUN = 32;
  for (let lo = 0; lo < n; lo += RUN) {
    const hi = Math.min(n, lo + RUN);
    for (let i = lo + 1; i < hi; i++) {
      const v = a[i]!;
      let j = i - 1;
      while (j >= lo && before(v, a[j]!)) {
        a[j + 1] = a[j]!;
        j--;
      }
      a[j + 1] = v;
    }
  }
  let b = new Uint32Array(n);
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(n, lo + width);
      const hi = Math.min(n, lo + 2 * width);
      let i = lo;
      let j = mid;
      let k = lo;
      if (mid >= hi || !before(a[mid]!, a[mid - 1]!)) {
        b.set(a.subarray(lo, hi), lo);
        continue;
      }
      while (i < mid && j < hi) b[k++] = before(a[j]!, a[i]!) ? a[j++]! : a[i++]!;
      while (i < mid) b[k++] = a[i++]!;
      while (j < hi) b[k++] = a[j++]!;
    }
    const t = a;
    a = b;
    b = t;
  }
  return a;
}
