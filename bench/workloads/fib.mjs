/** VizTracer's test_performance fib: many tiny calls (635,621 for fib(27)). */
export default {
  name: 'fib',
  what: 'fib(27)',
  source: () => `
export function fib(n) {
  return n <= 1 ? 1 : fib(n - 1) + fib(n - 2);
}
// viztracer-ignore-next
export function run() {
  return fib(27);
}
`,
};
