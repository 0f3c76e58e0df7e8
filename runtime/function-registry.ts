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

export function createFunctionRegistry(): FunctionRegistry {
  const names: string[] = [];
  const files: string[] = [];
  const lines: number[] = [];
  const columns: number[] = [];

  function add(moduleFiles: readonly string[], table: FunctionTable): number {
    const base = names.length;
    // Lenient with data: a malformed table registers what it can, never throws into user code.
    const list = Array.isArray(table) ? (table as FunctionTable) : [];
    const paths = Array.isArray(moduleFiles) ? moduleFiles : [];
    const count = Math.ceil(list.length / TABLE_STRIDE);
    for (let k = 0; k < count; k++) {
      const at = k * TABLE_STRIDE;
      const name = list[at];
      const fileIndex = list[at + 1];
      const file = typeof fileIndex === 'number' ? paths[fileIndex] : undefined;
      names.push(typeof name === 'string' ? name : `<unknown>#${k}`);
      files.push(typeof file === 'string' ? file : UNKNOWN_FILE);
      lines.push(toPositive(list[at + 2]));
      columns.push(toPositive(list[at + 3]));
    }
    return base;
  }

  return { names, files, lines, columns, add };
}

function toPositive(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}
