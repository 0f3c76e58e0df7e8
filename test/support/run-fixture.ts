import vm from 'node:vm';

export interface FixtureRun {
  /** What the program passed to `log(...)`, one line per call. */
  out: string[];
  /** The error it threw synchronously, as a string ('' when none). */
  error: string;
}

/**
 * Runs a fixtures/instrument program (CommonJS-shaped JS) in a fresh vm context with `log`, a
 * minimal `React.createElement` for the TSX fixture, and `runtime` as `__viztracer__`. Async
 * fixtures settle within a few macrotasks, so it waits 30 ms before reading the output.
 */
export async function runFixture(file: string, code: string, runtime?: object): Promise<FixtureRun> {
  const out: string[] = [];
  const context = vm.createContext({
    log: (...xs: unknown[]) => out.push(xs.map(String).join(' ')),
    React: { createElement: (type: unknown, props: unknown, ...children: unknown[]) => ({ type, props, children }) },
    __viztracer__: runtime,
  });
  let error = '';
  try {
    const fn = vm.compileFunction(code, ['module', 'exports', 'require'], { parsingContext: context, filename: file });
    fn.call(context, { exports: {} }, {}, () => ({}));
    await new Promise((r) => setTimeout(r, 30));
  } catch (e) {
    error = String(e);
  }
  return { out, error };
}
