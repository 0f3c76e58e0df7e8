/**
 * The global function table: every module's table appended once at registration, so probes pass
 * small integer ids (module base + index) and names are only built when the trace is saved.
 * Zero imports beyond the protocol constants: this runs in browsers and workers too.
 */
import { TABLE_STRIDE, type FunctionTable } from './probe-protocol.js';

/** Read-only view of the registered functions, indexed by global function id. */
export interface FunctionInfo {
  /** Qualified names (`fn`, `Class.method`, `<anonymous>@3:14`). */
  readonly names: readonly string[];
  /** Source path relative to the project root. */
  readonly files: readonly string[];
  /** 1-based line of the function's start in the original source. */
  readonly lines: readonly number[];
  /** 1-based column. */
  readonly columns: readonly number[];
}

export interface FunctionRegistry extends FunctionInfo {
  /** Appends one module's table; returns the module's first global id. Never throws. */
  add(files: readonly string[], table: FunctionTable): number;
}

const UNKNOWN_FILE = '<unknown>';

// Captured when the runtime loads, before any program code runs: registration happens lazily, at a
// module's first probe, by which time the program may have replaced builtins or put setters on
// Object.prototype / Array.prototype. A plain `push` or `a[i] = v` would find such a setter (index
// properties are looked up along the prototype chain) and call program code from inside a probe.
const defineProperty = Reflect.defineProperty;
const isArray = Array.isArray;

function append<T>(list: T[], value: T): void {
  defineProperty(list, list.length, { __proto__: null, value, writable: true, enumerable: true, configurable: true } as PropertyDescriptor);
}

export function createFunctionRegistry(): FunctionRegistry {
  const names: string[] = [];
  const files: string[] = [];
  const lines: number[] = [];
  const columns: number[] = [];

  function add(moduleFiles: readonly string[], table: FunctionTable): number {
    const base = names.length;
    // Lenient with data: a malformed table registers what it can, never throws into user code.
    const list = isArray(table) ? (table as FunctionTable) : [];
    const paths = isArray(moduleFiles) ? moduleFiles : [];
    const count = ((list.length + TABLE_STRIDE - 1) / TABLE_STRIDE) | 0;
    for (let k = 0; k < count; k++) {
      const at = k * TABLE_STRIDE;
      const name = list[at];
      const fileIndex = list[at + 1];
      const file = typeof fileIndex === 'number' ? paths[fileIndex] : undefined;
      append(names, typeof name === 'string' ? name : `<unknown>#${k}`);
      append(files, typeof file === 'string' ? file : UNKNOWN_FILE);
      append(lines, toPositive(list[at + 2]));
      append(columns, toPositive(list[at + 3]));
    }
    return base;
  }

  return { names, files, lines, columns, add };
}

/** A 1-based line or column; anything else is 0. No Math/Number calls: see `defineProperty`. */
function toPositive(value: unknown): number {
  return typeof value === 'number' && value >= 1 && value < 2 ** 31 ? value | 0 : 0;
}
