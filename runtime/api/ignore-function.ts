/**
 * ignoreFunction: the marked function and every call made inside it are not recorded. The probes
 * are silenced for the synchronous part of the call only (an async function's later slices are
 * recorded as usual, since other tasks run in between). Custom events logged inside still are.
 * A TS 5 method decorator (`@ignoreFunction`) or a wrapper (`ignoreFunction(fn)`).
 */
import { currentRecorder, isDecoratorContext, wrapFunction, type AnyFunction } from './wrap-function.js';

export function ignoreFunction<F extends AnyFunction>(fn: F, context?: unknown): F {
  void isDecoratorContext(context); // the same wrapper serves both forms
  return wrapFunction(fn, (call) => {
    const rec = currentRecorder();
    if (rec === undefined || !rec.probesOn) return call();
    // An empty window: probes keep the depth right but record nothing.
    const previous = rec.probeWindow({ from: 0, to: 0 });
    try {
      return call();
    } finally {
      rec.probeWindow(previous);
    }
  });
}
