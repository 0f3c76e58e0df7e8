/** VizTracer's test_performance hanoi: 2^20 - 1 calls, returns at n === 1. */
export default {
  name: 'hanoi',
  what: "hanoi(20, 'A', 'B', 'C')",
  source: () => `
export function hanoi(n, from, via, to) {
  if (n === 1) return 1;
  return hanoi(n - 1, from, to, via) + 1 + hanoi(n - 1, via, from, to);
}
// viztracer-ignore-next
export function run() {
  return hanoi(20, 'A', 'B', 'C');
}
`,
};
