/**
 * logSparse: under --log-sparse (or `new VizTracer({ logSparse: true })`) only the calls of marked
 * functions are recorded, each as one slice named after the function (cat "FEE"); with
 * `{ stackDepth: N }` the probes also record the N levels of calls below it. Without sparse mode
 * the function runs as it is (its probes record it like any other). Works as a TS 5 standard
 * method decorator (`@logSparse`, `@logSparse({ stackDepth: 2 })`) and as a wrapper
 * (`logSparse(fn)`, `logSparse({ stackDepth: 2 })(fn)`). The tracer is looked up at call time.
 */
import { VizTracerError } from '../viztracer-error.js';
import { currentRecorder, wrapFunction, isDecoratorContext, type AnyFunction } from './wrap-function.js';

export interface LogSparseOptions {
  /** Also record this many levels of calls below the marked function. @default 0 */
  stackDepth?: number;
}

export function logSparse<F extends AnyFunction>(fn: F, context?: unknown): F;
export function logSparse(options: LogSparseOptions): <F extends AnyFunction>(fn: F, context?: unknown) => F;
export function logSparse(target: AnyFunction | LogSparseOptions, context?: unknown): unknown {
  if (typeof target === 'function') return sparse(target, 0, context);
  const depth = target?.stackDepth ?? 0;
  if (typeof depth !== 'number' || !Number.isInteger(depth) || depth < 0) {
    throw new VizTracerError('INVALID_OPTION', `logSparse(): "stackDepth" must be an integer >= 0, got ${String(depth)}`);
  }
  for (const key of Object.keys(target ?? {})) {
    if (key !== 'stackDepth') throw new VizTracerError('UNKNOWN_OPTION', `unknown logSparse option "${key}"`);
  }
  return (fn: AnyFunction, ctx?: unknown) => sparse(fn, depth, ctx);
}

function sparse(fn: AnyFunction, stackDepth: number, context: unknown): AnyFunction {
  const name = isDecoratorContext(context) && typeof context.name === 'string' ? context.name : fn.name || '<anonymous>';
  return wrapFunction(fn, (call) => {
    const rec = currentRecorder();
    if (rec === undefined || !rec.isRecording || !rec.options.logSparse) return call();
    const start = rec.now();
    const d = rec.depth;
    const previous = stackDepth > 0 ? rec.probeWindow({ from: d + 1, to: d + 1 + stackDepth }) : undefined;
    const done = (): void => {
      if (rec.isRecording) rec.logs.span(start, rec.now(), { ph: 'X', name, cat: 'FEE', args: undefined, track: undefined });
    };
    try {
      return call(done);
    } finally {
      if (stackDepth > 0) rec.probeWindow(previous);
    }
  });
}
