import type { FunctionTable, ProbeHandle, ProbeRuntime } from '../../runtime/probe-protocol.js';
import { NOT_RECORDING, PROTOCOL_VERSION, TABLE_STRIDE } from '../../runtime/probe-protocol.js';

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
}

export function createCheckingRuntime(): CheckingRuntime {
  const names: string[] = [];
  const stack: number[] = [];
  const closed: string[] = [];
  const violations: string[] = [];

  const close = (d: number, how: string): void => {
    if (d < 0) return;
    if (d !== stack.length - 1) {
      violations.push(`${how}(${d}) while the open depth is ${stack.length} (${stack.map((id) => names[id]).join(' > ')})`);
      stack.length = Math.min(stack.length, d);
      return;
    }
    closed.push(names[stack.pop()!]!);
  };

  const handleFor = (base: number): ProbeHandle => ({
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
    register(_files: readonly string[], table: FunctionTable) {
      const base = names.length;
      for (let i = 0; i < table.length; i += TABLE_STRIDE) names.push(String(table[i]));
      return handleFor(base);
    },
    closed,
    violations,
    openDepth: () => stack.length,
  };
}

export { NOT_RECORDING };
