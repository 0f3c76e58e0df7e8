/**
 * The shared shape of logSparse, ignoreFunction and traceAndSave: a wrapper that keeps `this`
 * and the arguments, and finishes when the call returns or, for a promise, when it settles.
 */
import { getPlatform } from './platform.js';
import type { Recorder } from '../recorder.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyFunction = (this: any, ...args: any[]) => any;

/** Runs the wrapped call; `finish` (if given) runs when it returns, throws or its promise settles. */
export type Call = (finish?: () => void) => unknown;

export function wrapFunction<F extends AnyFunction>(fn: F, around: (call: Call) => unknown): F {
  const wrapped = function (this: unknown, ...args: unknown[]): unknown {
    return around((finish) => {
      let result: unknown;
      try {
        result = fn.apply(this, args);
      } catch (error) {
        finish?.();
        throw error;
      }
      if (finish !== undefined && isThenable(result)) {
        return Promise.resolve(result).finally(finish);
      }
      finish?.();
      return result;
    });
  };
  Object.defineProperty(wrapped, 'name', { value: fn.name, configurable: true });
  return wrapped as F;
}

/** A TS 5 standard decorator context (`kind`, `name`, ...). */
export function isDecoratorContext(value: unknown): value is { kind: string; name: string | symbol } {
  return typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string';
}

/** The installed runtime's recorder, or undefined. */
export function currentRecorder(): Recorder | undefined {
  return getPlatform().recorder();
}

export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null
    && typeof (value as { then?: unknown }).then === 'function';
}
