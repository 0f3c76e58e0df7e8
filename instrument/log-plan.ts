import type { LogKind } from '../runtime/probe-protocol.js';

/**
 * Compile-time log sites as a plan both emitters apply: instrument/ writes them as text
 * (log-text.ts), transformer/ as ts.factory nodes (transformer/log-nodes.ts). Ranges are offsets
 * in the parsed source; the transformer finds its nodes again by `node.getStart()`/`node.end`.
 * runtime/probe-protocol.ts ("Compile-time logs") gives the emitted shape of each edit.
 */

/** One entry of the module's log table. */
export interface LogSite {
  kind: LogKind;
  text: string;
  file: string;
  line: number;
}

/** `l(site, <expression>)` evaluated after the logged code: `expression` is a binding name or `void 0`. */
export interface LogRead {
  site: number;
  expression: string;
}

export type LogEdit =
  /** `x = e`, `++x`, `o.a = e`, `throw X`: the expression becomes `l(site, ...)`; the first site's call is the innermost. */
  | { type: 'wrap'; start: number; end: number; depth: number; sites: number[] }
  /** `x++`, `[a, b] = e`: `r(<expression>, l(La, a), ...)`. */
  | { type: 'reads'; start: number; end: number; depth: number; reads: LogRead[] }
  /**
   * A declaration (or a magic-comment statement): `;l(La, a);l(Lb, b);` after it, only when
   * `cond` (JS source) holds while recording; `block` when the statement is not in a statement
   * list (`if (c) var x = 1;`), so the logs stay under the same `if`.
   */
  | { type: 'after'; start: number; end: number; depth: number; reads: LogRead[]; cond: string | null; block: boolean }
  /** `for (const x of xs) S` -> `for (const x of xs) {l(L, x);S}`: the range is S. */
  | { type: 'loop-body'; start: number; end: number; depth: number; reads: LogRead[] }
  /**
   * `return X` -> `return v(__vt_d, X)`; the range is X. `deferred`: X suspends (await/yield), so
   * `__vt_d` must be read after X: `(__vt_r=>v(__vt_d,__vt_r))(X)`. `bare`: the range is a whole
   * `return;`, which becomes `{v(__vt_d, void 0);return;}`.
   */
  | { type: 'return'; start: number; end: number; depth: number; deferred: boolean; bare: boolean }
  /** Magic `log if cond` on a value: `(__vt_v=>(on&&(cond)&&l(L,__vt_v),__vt_v))(X)`. */
  | { type: 'cond-wrap'; start: number; end: number; depth: number; site: number; cond: string }
  /** Magic `log_instant(...)`/`log_var(...)` line: a statement at `start` calling the tracer API (`call` is JS source). */
  | { type: 'call'; start: number; end: number; depth: number; call: string; cond: string | null }
  /** `;` in front of an expression statement of a statement list whose first token is now `(`. */
  | { type: 'asi'; start: number; end: number; depth: number };

/** Logs right after a function's entry probe: --log-func-entry, --log-func-args, parameters. */
export interface EntryLogs {
  /** Site of kind 'args' and the parameter bindings passed to `g`, in order. */
  args: { site: number; names: string[] } | null;
  /** 'entry' (expression `void 0`) and parameter 'var'/'number' reads. */
  reads: LogRead[];
}

export interface LogPlan {
  sites: LogSite[];
  edits: LogEdit[];
  /** By function index K (sparse). */
  entries: Map<number, EntryLogs>;
}
