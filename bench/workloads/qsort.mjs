/** VizTracer's test_performance quicksort: functional (low/same/high arrays, middle pivot, concat). */
export default {
  name: 'qsort',
  what: 'functional quicksort of 200k seeded ints',
  source: () => `
export function qsort(a) {
  if (a.length <= 1) return a;
  const pivot = a[a.length >> 1];
  const low = [], same = [], high = [];
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (v < pivot) low.push(v);
    else if (v > pivot) high.push(v);
    else same.push(v);
  }
  return qsort(low).concat(same, qsort(high));
}
const INPUT = [];
for (let i = 0, x = 12345; i < 200000; i++) {
  x = (Math.imul(x, 1103515245) + 12345) >>> 0;
  INPUT.push(x % 1000000);
}
// viztracer-ignore-next
export function run() {
  return qsort(INPUT).length;
}
`,
};
