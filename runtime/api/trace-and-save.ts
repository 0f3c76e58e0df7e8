/**
 * traceAndSave: each call of the wrapped function is traced on its own and saved to
 * `<outputDir>/result_<name>_<time>.json` (time in 10 µs units since the epoch, as VizTracer
 * names them). Uses the current tracer (getTracer()), or creates one with `options`; what that
 * tracer recorded before the call is cleared, as VizTracer's decorator starts a fresh tracer.
 */
import type { VizTracerOptions } from './api-options.js';
import { getTracer, VizTracer } from './viztracer.js';
import { isDecoratorContext, wrapFunction, type AnyFunction } from './wrap-function.js';
import { VizTracerError } from '../viztracer-error.js';

export interface TraceAndSaveOptions extends Omit<VizTracerOptions, 'outputFile'> {
  /** Directory the traces go to. @default './' */
  outputDir?: string;
}

export function traceAndSave<F extends AnyFunction>(fn: F, context?: unknown): F;
export function traceAndSave(options: TraceAndSaveOptions): <F extends AnyFunction>(fn: F, context?: unknown) => F;
export function traceAndSave(target: AnyFunction | TraceAndSaveOptions, context?: unknown): unknown {
  if (typeof target === 'function') return wrap(target, {}, context);
  if (typeof target !== 'object' || target === null) {
    throw new VizTracerError('INVALID_ARGUMENT', `traceAndSave() expects a function or options, got ${String(target)}`);
  }
  return (fn: AnyFunction, ctx?: unknown) => wrap(fn, target, ctx);
}

function wrap(fn: AnyFunction, options: TraceAndSaveOptions, context: unknown): AnyFunction {
  const { outputDir = '.', ...tracerOptions } = options;
  const name = isDecoratorContext(context) && typeof context.name === 'string' ? context.name : fn.name || 'anonymous';
  let own: VizTracer | undefined;
  return wrapFunction(fn, (call) => {
    const tracer = getTracer() ?? (own ??= new VizTracer(tracerOptions));
    tracer.clear();
    tracer.start();
    return call(() => {
      tracer.stop();
      const file = `${outputDir.replace(/[\\/]+$/, '')}/result_${name}_${Math.floor((performance.timeOrigin + performance.now()) * 100)}.json`;
      const saved = tracer.save(file);
      if (typeof saved !== 'number') saved.catch((error: unknown) => console.error(`viztracer: ${String(error)}`));
    });
  });
}
