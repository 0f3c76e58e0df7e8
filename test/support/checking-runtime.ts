import type { FunctionTable, LogTable, ProbeHandle, ProbeRuntime } from '../../runtime/probe-protocol.js';
import { LOG_STRIDE, NOT_RECORDING, PROTOCOL_VERSION, TABLE_STRIDE } from '../../runtime/probe-protocol.js';

/**
 * A protocol runtime for instrumenter tests that checks, on every probe, what the real recorder
 * relies on: tokens come back in strict LIFO order (slices nest), each closed exactly once.
 * Like magic-string's IntegrityCheckingMagicString: invariants checked for free on every test.
 */
export interface CheckingRuntime extends ProbeRuntime {
  /** Closed slices as `name` strings, in closing order. */
  readonly closed: string[];
  readonly violations: string[];
  readonly openDepth: () => number;
  /**
   * Compile-time logs as `kind text = value` lines (`l`), `args f(a,b) = 1,2` (`g`), `return f = v`
   * (`v`) and `instant name` / `var name = v` (the tracer API of magic comments). Values are
   * String()-ed only for primitives, so logging never calls program code here either.
   */
  readonly logged: string[];
  readonly tracer: { logInstant(name: string): void; logVar(name: string, value: unknown): void };
}

const show = (v: unknown): string => (v === null || (typeof v !== 'object' && typeof v !== 'function') ? typeof v === 'symbol' ? v.toString() : String(v) : `<${typeof v}>`);

export function createCheckingRuntime(): CheckingRuntime {
  const names: string[] = [];
  const stack: number[] = [];
  const closed: string[] = [];
  const violations: string[] = [];
  const logged: string[] = [];
  const logSites: (string | number)[] = [];

  const close = (d: number, how: string): void => {
    if (d < 0) return;
    if (d !== stack.length - 1) {
      violations.push(`${how}(${d}) while the open depth is ${stack.length} (${stack.map((id) => names[id]).join(' > ')})`);
      stack.length = Math.min(stack.length, d);
      return;
    }
    closed.push(names[stack.pop()!]!);
  };

  /** `g`/`v` must name the innermost open call: a stale token (read before an await) is a bug. */
  const checkToken = (d: number, how: string): void => {
    if (d >= 0 && d !== stack.length - 1) violations.push(`${how}(${d}) while the open depth is ${stack.length}`);
  };

  const logMethods = (logBase: number): Partial<ProbeHandle> => ({
    l(k, v) {
      logged.push(`${String(logSites[(logBase + k) * LOG_STRIDE])} ${String(logSites[(logBase + k) * LOG_STRIDE + 1])} = ${show(v)}`);
      return v;
    },
    r(v) {
      return v;
    },
    g(d, k, ...values) {
      checkToken(d, 'g');
      if (d >= 0) logged.push(`args ${String(logSites[(logBase + k) * LOG_STRIDE + 1])} = ${values.map(show).join(',')}`);
    },
    t(d, e) {
      checkToken(d, 't');
      if (d >= 0) logged.push(`threw ${names[stack[d]!]} = ${show(e)}`);
    },
    v(d, v) {
      checkToken(d, 'v');
      if (d >= 0) logged.push(`return ${names[stack[d]!]} = ${show(v)}`);
      return v;
    },
  });

  const handleFor = (base: number, logBase: number): ProbeHandle => ({
    ...logMethods(logBase),
    // On every handle, as on the real runtime's: --log-exception's catch calls it without a log table.
    t: logMethods(logBase).t,
    on: true,
    e(k) {
      stack.push(base + k);
      return stack.length - 1;
    },
    x(d) {
      close(d, 'x');
    },
    s(v, d) {
      close(d, 's');
      return v;
    },
    a(v) {
      return v;
    },
  });

  return {
    protocol: PROTOCOL_VERSION,
    register(_files: readonly string[], table: FunctionTable, logs?: LogTable) {
      const base = names.length;
      for (let i = 0; i < table.length; i += TABLE_STRIDE) names.push(String(table[i]));
      const logBase = logSites.length / LOG_STRIDE;
      logSites.push(...(logs ?? []));
      return handleFor(base, logBase);
    },
    closed,
    logged,
    tracer: {
      logInstant: (name: string) => void logged.push(`instant ${name}`),
      logVar: (name: string, value: unknown) => void logged.push(`var ${name} = ${show(value)}`),
    },
    violations,
    openDepth: () => stack.length,
  };
}

export { NOT_RECORDING };
