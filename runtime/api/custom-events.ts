/**
 * Custom events on a recorder, validated (a wrong argument is the caller's bug: VizTracerError)
 * and recorded only while recording. Shared by the VizTracer class and the tracer facade the
 * runtime installs for magic comments (`globalThis.__viztracer__.tracer.logInstant(...)`).
 */
import type { InstantScope } from '../custom-event.js';
import { emptyRecord, setArg, toArgRecord, type ArgValue } from '../json-args.js';
import type { Recorder } from '../recorder.js';
import { dataValue, GETTER, getOwnPropertyDescriptor, ownKeys } from '../safe-builtins.js';
import { VizTracerError } from '../viztracer-error.js';

const SCOPES: readonly string[] = ['g', 'p', 't'];

export function checkName(what: string, name: unknown): string {
  if (typeof name !== 'string' || name === '') {
    throw new VizTracerError('INVALID_ARGUMENT', `${what}: the name must be a non-empty string, got ${typeof name === 'string' ? '""' : String(name)}`);
  }
  return name;
}

export function instant(rec: Recorder, name: string, args?: unknown, scope: InstantScope = 't'): void {
  checkName('instant()', name);
  if (!SCOPES.includes(scope)) {
    throw new VizTracerError('INVALID_ARGUMENT', `instant(): scope must be "g", "p" or "t", got ${JSON.stringify(String(scope))}`);
  }
  if (!rec.isRecording) return;
  rec.logs.custom({ ph: 'I', name, scope, args: toArgRecord(args, rec.repr) });
}

/** Counter values: every own enumerable property must be a number (or bigint). */
export function counterArgs(what: string, values: unknown): Record<string, ArgValue> {
  if (typeof values !== 'object' || values === null) {
    throw new VizTracerError('INVALID_ARGUMENT', `${what}: values must be an object of numbers, got ${String(values)}`);
  }
  const out = emptyRecord();
  const keys = ownKeys(values);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (typeof key !== 'string' || getOwnPropertyDescriptor(values, key)?.enumerable !== true) continue;
    const v = dataValue(values, key);
    if (v === GETTER || (typeof v !== 'number' && typeof v !== 'bigint') || (typeof v === 'number' && !Number.isFinite(v))) {
      throw new VizTracerError('INVALID_ARGUMENT', `${what}: "${key}" must be a finite number, got ${v === GETTER ? 'a getter' : String(v)}`);
    }
    setArg(out, key, Number(v));
  }
  return out;
}

export function counter(rec: Recorder, name: string, values: unknown): void {
  checkName('counter()', name);
  const args = counterArgs(`counter("${name}")`, values);
  if (rec.isRecording) rec.logs.custom({ ph: 'C', name, args });
}

/** VizTracer's log_var: a number becomes a counter {value}; anything else an instant {object: repr}. */
export function logVar(rec: Recorder, name: string, value: unknown): void {
  checkName('logVar()', name);
  if (!rec.isRecording) return;
  if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'bigint') {
    const args = emptyRecord();
    setArg(args, 'value', Number(value));
    rec.logs.custom({ ph: 'C', name, args });
    return;
  }
  const args = emptyRecord();
  setArg(args, 'object', rec.repr(value));
  rec.logs.custom({ ph: 'I', name, scope: 't', args });
}

// Older engines lack the well-known symbols; `Symbol.for('Symbol.dispose')` is what TypeScript's
// and esbuild's lowering of `using` look up then.
export const DISPOSE = (Symbol.dispose ?? Symbol.for('Symbol.dispose')) as typeof Symbol.dispose;
export const ASYNC_DISPOSE = (Symbol.asyncDispose ?? Symbol.for('Symbol.asyncDispose')) as typeof Symbol.asyncDispose;

/** A duration event that ends when disposed (or `end()`ed); a second end does nothing. */
export interface LoggedEvent {
  end(): void;
  [DISPOSE](): void;
}

export function logEvent(rec: Recorder, name: string, cat = 'custom'): LoggedEvent {
  checkName('logEvent()', name);
  const start = rec.now();
  let done = false;
  const end = (): void => {
    if (done) return;
    done = true;
    if (rec.isRecording) rec.logs.span(start, rec.now(), { ph: 'X', name, cat, args: undefined, track: undefined });
  };
  return { end, [DISPOSE]: end };
}

/** What the runtime exposes as `globalThis.__viztracer__.tracer` before any VizTracer exists. */
export interface LogFacade {
  logInstant(name: string, args?: unknown): void;
  logVar(name: string, value: unknown): void;
}

/** Magic comments must never throw into the program: the facade swallows bad arguments. */
export function createLogFacade(rec: Recorder): LogFacade {
  return {
    logInstant(name, args) {
      try {
        instant(rec, name, args);
      } catch {
        // a magic comment with a bad name records nothing
      }
    },
    logVar(name, value) {
      try {
        logVar(rec, name, value);
      } catch {
        // idem
      }
    },
  };
}
