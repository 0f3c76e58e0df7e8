/**
 * The probe protocol: the contract between instrumented code (written by instrument/ and, later,
 * transformer/) and the runtime. Instrumented code only ever talks to the runtime through the
 * shapes declared here, so this file is the spec; change it only together with PROTOCOL_VERSION.
 *
 * What an instrumented module looks like (H = base-36 hash of the module's path, K = the
 * function's index in the module's table):
 *
 *   <#! line><directive prologue;>var __vt_H;function __vt_H_i(){return __vt_H=globalThis.__viztracer__
 *     ?.register(FILES,TABLE)??{on:false,e(){return -1},x(){},s(v){return v},a(v){return v}}}__vt_H_i();
 *
 *   function f(a) {                               // plain function, method, arrow...
 *     <directives;>const __vt_d=__vt_H?.on?__vt_H.e(K):-1;try{ <original body> }
 *     finally{if(__vt_d>=0)__vt_H.x(__vt_d)}
 *   }
 *   (Body-level function declarations stay inside the try block, so they still close over the
 *   body's let/const. A function whose declarations share a name with a parameter, a var, another
 *   declaration or a nested-block function is left without probes: see instrument/hoisting-conflicts.ts.
 *   A derived-class constructor with TypeScript parameter properties opens the try after its
 *   top-level `super(...)` statement, where type strippers put `this.x = x`.)
 *   x => expr   becomes   x => {const __vt_d=...;try{return(expr)}finally{if(__vt_d>=0)__vt_H.x(__vt_d)}}
 *
 * Why the flag is read in the probe and `x` is guarded: a stopped tracer then costs a property
 * load and a branch per call, and V8 never inlines `e`/`x` into a function that has not recorded,
 * so dormant probes do not eat the program's own inlining budget (bench: acorn).
 *
 * Generators and async functions declare `let __vt_d=(__vt_H||__vt_H_i()).on?...` and slice at
 * every suspension:
 *   await X   ->  __vt_H.a(await __vt_H.s(X,__vt_d,__vt_d=-1),__vt_d=__vt_H.e(K))
 *   yield X   ->  __vt_H.a(yield __vt_H.s(X,__vt_d,__vt_d=-1),__vt_d=__vt_H.e(K))   (also yield*)
 *   for await (...) body  ->  {__vt_H.s(0,__vt_d,__vt_d=-1);for await (...){__vt_d=__vt_H.e(K);
 *                              try{body}finally{__vt_H.s(0,__vt_d,__vt_d=-1)}}__vt_d=__vt_H.e(K)}
 *   return X  (async generators only: it awaits X)  ->  return __vt_H.s(X,__vt_d,__vt_d=-1)
 *   catch/finally blocks of such functions start with  if(__vt_d<0)__vt_d=__vt_H.e(K);
 * so a slice never stays open while other code runs, and slices on a thread always nest.
 *
 * Compile-time logs (issue 4: --log-var, --log-number, --log-attr, --log-func-exec, --log-func-entry,
 * --log-exception, --log-func-args, --log-func-retval and `// !viztracer:` magic comments). Only a
 * module with at least one log site changes: it passes a third table to `register` and its dormant
 * fallback gets `l`,`r`,`g`,`v`; a module without log sites is byte-identical to plain instrumentation.
 * Log calls go through `(__vt_H||__vt_H_i())` (an ES module cycle may run them before the prologue):
 *   x = e; x += e; ++x              ->  (__vt_H||__vt_H_i()).l(L, x = e)          (l returns its value)
 *   x++ / destructuring assignment  ->  (__vt_H||__vt_H_i()).r(x++, __vt_H.l(L, x))
 *                                       (__vt_H||__vt_H_i()).r([a,b] = e, __vt_H.l(La, a), __vt_H.l(Lb, b))
 *   const {a, b} = e;               ->  const {a, b} = e;(__vt_H||__vt_H_i()).l(La, a);__vt_H.l(Lb, b);
 *   for (const x of xs) S           ->  for (const x of xs) {(__vt_H||__vt_H_i()).l(L, x);S}
 *   obj.attr = e / obj.attr op= e   ->  (__vt_H||__vt_H_i()).l(L, obj.attr = e)   (the assigned value; no getter runs)
 *   parameters / --log-func-entry   ->  after the entry probe: (__vt_H||__vt_H_i()).l(L, a);  /  ….l(L, void 0);
 *   throw X   (--log-exception)     ->  throw (__vt_H||__vt_H_i()).l(L, X)
 *   --log-func-args                 ->  after the entry probe: if(__vt_d>=0)__vt_H.g(__vt_d, L, a, b, ...rest-as-one-value)
 *   try{...}finally{...} (--log-exception) ->  try{...}catch(__vt_e){if(__vt_d>=0)__vt_H.t(__vt_d,__vt_e);throw __vt_e}finally{...}
 *                                       (resumable functions first re-enter: if(__vt_d<0)__vt_d=__vt_H.e(K);)
 *   return X  (--log-func-retval)   ->  return (__vt_H||__vt_H_i()).v(__vt_d, X)   (also a concise arrow's body)
 *   return X  where X awaits/yields ->  return (__vt_r=>(__vt_H||__vt_H_i()).v(__vt_d,__vt_r))(X)
 *   magic `// !viztracer: log_instant("n") [if c]` line -> ;(__vt_H||__vt_H_i()).on&&(c)&&globalThis.__viztracer__.tracer.logInstant("n");
 * (Fixes to the first draft of this contract, found while emitting it: `__vt_H.` alone fails in an
 * ES module cycle, where a hoisted function runs before the prologue, so entry and return logs
 * use the lazy handle too; `g` is only called with a live token, which is also what keeps the
 * cycle case safe; and `__vt_d` changes at every await/yield inside X, so when X suspends the
 * token is read once X has its value, not before, or `v` would name a slice already closed.)
 * `l`, `g`, `v` check `on` themselves and never throw, never call program code (reprs are safe:
 * runtime/safe-repr.ts), and `l`/`v`/`r` return their value argument unchanged.
 *
 * Why `__vt_H?.` and the lazy `__vt_H||__vt_H_i()`: in an ES module cycle another module may call
 * one of this module's hoisted functions before this module's body ran (and registered it). A
 * plain function then just goes unrecorded; a generator or async function, whose `s`/`a` calls
 * need a handle, registers through the hoisted `__vt_H_i`, the only code that exists that early.
 */

/** The property of `globalThis` the runtime installs. */
export const GLOBAL_NAME = '__viztracer__';

/** Bumped on any change of the shapes below. */
export const PROTOCOL_VERSION = 3;

/** Token returned by `e` when nothing is being recorded; `x`, `s` ignore negative tokens. */
export const NOT_RECORDING = -1;

/**
 * One module's function table, flattened: for function K (0-based) the entries at
 * TABLE_STRIDE*K are [qualified name, index into FILES, line (1-based), column (1-based)].
 */
export const TABLE_STRIDE = 4;
export type FunctionTable = readonly (string | number)[];

/**
 * One module's log-site table (compile-time logs), flattened: for log site L the entries at
 * LOG_STRIDE*L are [kind, text, index into FILES, line (1-based)].
 */
export const LOG_STRIDE = 4;
export type LogTable = readonly (LogKind | string | number)[];

/** What a log site records; `text` is the table's second entry. */
export type LogKind =
  | 'var' // --log-var / magic `log`: instant "Variable Assign - <text>" with args {object: repr}
  | 'number' // --log-number: counter "Variable Assign - <text>" with args {<text>: value}; non-numbers skipped (one warning)
  | 'attr' // --log-attr: instant "Attribute Assign - <text>" (text = the target's source, `this.a.b`) with args {object: repr}
  | 'exec' // --log-func-exec: "(<line>) <text> = <repr>" appended to the open call's args.exec_steps
  | 'entry' // --log-func-entry: instant "Function Entry - <text>" (text = function name)
  | 'exception' // --log-exception: instant "Exception - <repr of the thrown value>" (text unused)
  | 'args'; // --log-func-args: text = parameter names joined by ","; values go to the call's args.func_args

/** What `globalThis.__viztracer__` must provide to instrumented code. */
export interface ProbeRuntime {
  readonly protocol: typeof PROTOCOL_VERSION;
  /**
   * Called once per module when its first probe runs. `files` are original source paths
   * relative to the project root (the TypeScript file, not emitted JS). Never throws.
   */
  register(files: readonly string[], table: FunctionTable, logs?: LogTable): ProbeHandle;
  /**
   * What `// !viztracer: log_instant(...)` / `log_var(...)` magic comments call, guarded by the
   * module handle's `on`. Both runtimes (Node, browser) always provide it: a small facade, or the
   * current API VizTracer once one exists. Never throws. Optional here only so test runtimes that
   * record calls alone still satisfy the interface (no protocol change: v3 already emits it).
   */
  tracer?: {
    logInstant(name: string, args?: unknown): void;
    logVar(name: string, value: unknown): void;
  };
}

/** The per-module object probes call. Every method is allocation-free and never throws. */
export interface ProbeHandle {
  /** True while recording: the runtime updates it on every handle when it starts or stops. */
  on: boolean;
  /** Enter (or resume) function K of this module: returns a depth token, or NOT_RECORDING. */
  e(k: number): number;
  /** Close the slice opened with token `d` (no-op for negative tokens); restores the depth to `d`. */
  x(d: number): void;
  /** Suspend: close the slice of token `d` before a yield/await; returns `v` unchanged. */
  s<T>(v: T, d: number, cleared: number): T;
  /** After resumption: returns `v` unchanged; the second argument re-entered the function. */
  a<T>(v: T, reentered: number): T;
  /** Log site L (compile-time logs) saw value `v`; returns `v`. Present when `logs` was registered. */
  l?<T>(k: number, v: T): T;
  /** Returns `v`; the further arguments are log calls evaluated after it. */
  r?<T>(v: T, ...logs: unknown[]): T;
  /** Function arguments of the call with token `d`, names from log site L (kind 'args'). */
  g?(d: number, k: number, ...values: unknown[]): void;
  /**
   * --log-exception: `e` propagated out of the call with token `d` (recorded on that call as
   * args.exception). Present on every handle of a runtime, so code guarded by `d >= 0` may call it.
   */
  t?(d: number, e: unknown): void;
  /** Return value of the call with token `d`; returns `v`. */
  v?<T>(d: number, v: T): T;
}
