/** VizTracer's test_performance slow_fib: fib(20) with a 100-iteration Math.imul busy loop per call. */
export default {
  name: 'slowfib',
  what: 'slowFib(20), 100 Math.imul steps per call',
  source: () => `
export function slowFib(n) {
  let x = n;
  for (let i = 0; i < 100; i++) x = (Math.imul(x, 1103515245) + 12345) | 0;
  return (n <= 1 ? 1 : slowFib(n - 1) + slowFib(n - 2)) + (x & 1);
}
// viztracer-ignore-next
export function run() {
  return slowFib(20);
}
`,
};
