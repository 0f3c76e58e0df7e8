import { NOT_RECORDING } from '../runtime/probe-protocol.js';
import { DORMANT_LOG_METHODS, registerCall } from './register-call.js';

/**
 * The text of every probe the instrumenter inserts (runtime/probe-protocol.ts explains the shapes).
 * All on one line: inserting never adds a line, so emitted JS keeps the lines of its source.
 */
export interface ProbeText {
  /**
   * Module prologue: the handle variable and the lazy registration function. `logsJson` (a module
   * with log sites) is register's third argument, and the dormant fallback gets the log methods.
   */
  prologue(filesJson: string, tableJson: string, logsJson?: string | null): string;
  /** `const|let __vt_d=<enter K>;` */
  entry(k: number, resumable: boolean): string;
  /** `try{` — after the entry and the hoisted declarations. */
  readonly tryOpen: string;
  /** `}finally{...}`, with `catch` first when propagating exceptions are recorded (--log-exception). */
  tryClose(k: number, resumable: boolean): string;
  /** Wrap a concise arrow body; `entryLogs` goes right after the entry probe. */
  conciseOpen(k: number, resumable: boolean, entryLogs?: string): string;
  conciseClose(k: number, resumable: boolean): string;
  /** `await X` / `yield X`: before the keyword, before X, after X, after the whole expression. */
  readonly suspendOuterOpen: string;
  readonly suspendArgOpen: string;
  readonly suspendArgClose: string;
  resumeClose(k: number): string;
  /** A bare `yield`: everything after the keyword. */
  bareYieldClose(k: number): string;
  /** `for await`: around the statement (its iterable is wrapped like an await argument) and its body. */
  readonly forAwaitOpen: string;
  forAwaitClose(k: number): string;
  forAwaitBodyOpen(k: number): string;
  readonly forAwaitBodyClose: string;
  /** First statement of a catch or finally block in a resumable function. */
  reenter(k: number): string;
}

export const DEPTH_VAR = '__vt_d';

/** The catch parameter of --log-exception's catch-and-rethrow. */
export const THROWN_VAR = '__vt_e';

/**
 * `recordThrows` (--log-exception): every body also gets `catch(e){record e on this call; throw e}`,
 * so an exception that propagates out of a call is recorded on that call's slice. The rethrow keeps
 * the very same value (an Error's stack was taken when it was built). `t` exists on every real
 * handle and `__vt_d>=0` implies one, so a dormant or absent runtime is never called. A resumable
 * function whose await rejected is between slices (`__vt_d<0`): it re-enters, so the exception lands
 * on a slice of its own call.
 */
export function createProbeText(hash: string, recordThrows = false): ProbeText {
  const h = `__vt_${hash}`;
  const handle = `(${h}||${h}_i())`;
  const d = DEPTH_VAR;
  const clear = `${d},${d}=${NOT_RECORDING})`;
  const enter = (k: number) => `${d}=${h}.e(${k})`;
  // Plain functions read `__vt_H?.on`: undefined only while an ES module cycle runs this module's
  // hoisted functions before its body (those calls go unrecorded). Measured on acorn, this costs
  // 1.4 ns per dormant call against 5-7 ns for the lazy `(__vt_H||__vt_H_i())`. Generators and
  // async functions keep the lazy form: their `s`/`a` calls need the handle whatever happens.
  const flag = (k: number, resumable: boolean) =>
    `${resumable ? 'let' : 'const'} ${d}=${resumable ? handle : `${h}?`}.on?${h}.e(${k}):${NOT_RECORDING};`;
  const e = THROWN_VAR;
  const catchThrown = (k: number, resumable: boolean): string =>
    recordThrows ? `catch(${e}){${resumable ? `if(${d}<0)${enter(k)};` : ''}if(${d}>=0)${h}.t(${d},${e});throw ${e}}` : '';
  return {
    prologue: (files, table, logs = null) =>
      `var ${h};function ${h}_i(){return ${h}=${registerCall(files, table, logs)}` +
      `??{on:false,e(){return ${NOT_RECORDING}},x(){},s(v){return v},a(v){return v}${logs === null ? '' : DORMANT_LOG_METHODS}}}${h}_i();`,
    entry: (k, resumable) => flag(k, resumable),
    tryOpen: 'try{',
    tryClose: (k, resumable) => `}${catchThrown(k, resumable)}finally{if(${d}>=0)${h}.x(${d})}`,
    conciseOpen: (k, resumable, entryLogs = '') => `{${flag(k, resumable)}${entryLogs}try{return(`,
    conciseClose: (k, resumable) => `)}${catchThrown(k, resumable)}finally{if(${d}>=0)${h}.x(${d})}}`,
    suspendOuterOpen: `${h}.a(`,
    // The leading space keeps `await(x)`, `yield/re/` and `of(x)` from gluing onto the keyword.
    suspendArgOpen: ` ${h}.s(`,
    suspendArgClose: `,${clear}`,
    resumeClose: (k) => `,${enter(k)})`,
    bareYieldClose: (k) => ` ${h}.s(void 0,${clear},${enter(k)})`,
    forAwaitOpen: '{',
    forAwaitClose: (k) => `;${enter(k)}}`,
    forAwaitBodyOpen: (k) => `{${enter(k)};try{`,
    forAwaitBodyClose: `}finally{${h}.s(0,${clear}}}`,
    reenter: (k) => `if(${d}<0)${enter(k)};`,
  };
}
