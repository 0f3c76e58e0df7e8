/**
 * One pass over the slices in (track, start, longer first) order with a stack per track: depth,
 * self time and per-function stats (recursion counted once). Slices that overlap their parent
 * without nesting are moved to the first free level and counted. (The call trees are built on
 * demand, from the level order: call-trees.ts.)
 */

/** 1 ns in µs: the smallest gap we tell apart. */
const NS = 1e-3 + 1e-9;
/**
 * Producers that round ts and dur to whole µs (Chrome's own traces) can make a child end up to
 * 1 µs after its parent: nested, not overlapping.
 */
const ROUNDING = 1 + 1e-9;

export interface Nesting {
  depth: Uint16Array;
  /** Per track: number of levels. */
  levelCount: Int32Array;
  /** Per name id. */
  stCount: Float64Array;
  stTotal: Float64Array;
  stSelf: Float64Array;
  stMax: Float64Array;
  overlaps: number;
}

export function nestSlices(order: Uint32Array, track: Int32Array, ts: Float64Array, dur: Float64Array, name: Int32Array, nameCount: number, trackCount: number): Nesting {
  const n = order.length;
  const depth = new Uint16Array(n);
  const levelCount = new Int32Array(trackCount);
  const stCount = new Float64Array(nameCount);
  const stTotal = new Float64Array(nameCount);
  const stSelf = new Float64Array(nameCount);
  const stMax = new Float64Array(nameCount);
  const active = new Int32Array(nameCount);
  const stack: number[] = [];
  /** End of each stack entry, clamped to its parent's end when it overran it by rounding. */
  const stackEnd: number[] = [];
  const childSum: number[] = [];
  const levelEnd: number[] = [];
  let overlaps = 0;
  let cur = -1;
  const pop = (): void => {
    const i = stack.pop()!;
    stackEnd.pop();
    const cs = childSum.pop()!;
    const s = Math.max(0, dur[i]! - cs);
    const nm = name[i]!;
    stSelf[nm]! += s;
    if (--active[nm]! === 0) stTotal[nm]! += dur[i]!;
  };
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    const t = track[i]!;
    if (t !== cur) {
      while (stack.length > 0) pop();
      if (cur >= 0) levelCount[cur] = levelEnd.length;
      levelEnd.length = 0;
      cur = t;
    }
    const start = ts[i]!;
    const end = start + dur[i]!;
    while (stack.length > 0 && stackEnd[stack.length - 1]! <= start + NS) pop();
    let d = stack.length;
    let effEnd = end;
    if (d > 0) {
      const pEnd = stackEnd[d - 1]!;
      if (end > pEnd + NS) {
        if (end - pEnd <= ROUNDING) effEnd = pEnd;
        else overlaps++;
      }
      childSum[d - 1]! += Math.max(0, Math.min(end, pEnd) - start);
    }
    while (d < levelEnd.length && levelEnd[d]! > start + NS) d++;
    depth[i] = Math.min(d, 65535);
    levelEnd[d] = effEnd;
    const nm = name[i]!;
    stCount[nm]!++;
    if (dur[i]! > stMax[nm]!) stMax[nm] = dur[i]!;
    active[nm]!++;
    stack.push(i);
    stackEnd.push(effEnd);
    childSum.push(0);
  }
  while (stack.length > 0) pop();
  if (cur >= 0) levelCount[cur] = levelEnd.length;
  return { depth, levelCount, stCount, stTotal, stSelf, stMax, overlaps };
}
