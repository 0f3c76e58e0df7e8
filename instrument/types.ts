/** Public types of the instrumentation core (instrument/index.ts exports them). */

/** A source map as JSON (version 3). */
export interface RawSourceMap {
  version: number;
  file?: string;
  sources: (string | null)[];
  sourcesContent?: (string | null)[];
  names: string[];
  mappings: string;
  sourceRoot?: string;
}

/** How the parser should treat the file. */
export type SourceKind =
  | 'module' // ES module: strict, import/export, top-level await
  | 'script' // classic script (sloppy unless it says "use strict")
  | 'commonjs' // Node CommonJS: a script that may `return` at top level
  | 'unambiguous'; // decide from the presence of import/export

export interface InstrumentOptions {
  /** Absolute path of the file (its extension picks JS/TS/JSX/TSX parsing). */
  filename: string;
  /** Project root: paths written into the trace are relative to it. */
  root: string;
  /** @default 'unambiguous' */
  sourceKind?: SourceKind;
  /** Map of `code` back to its original source (e.g. from tsc); positions and names follow it. */
  inputMap?: RawSourceMap | string | null;
  /** Build a source map (composed with `inputMap`). @default true */
  sourceMap?: boolean;
  /** Compile-time logs (issue 4). Empty or absent: output is exactly the plain instrumentation. */
  logs?: LogRewriteOptions;
}

/**
 * Which code gets log calls (runtime/probe-protocol.ts, "Compile-time logs"). Each RegEx is a
 * JavaScript RegExp source matched against the whole name (as VizTracer's fullmatch).
 */
export interface LogRewriteOptions {
  /** Variables (declarations, assignments, destructuring, for-of/in targets, parameters). */
  logVar?: readonly string[];
  /** Same targets as logVar, logged as counters. */
  logNumber?: readonly string[];
  /** Attribute names of `obj.attr =` / `obj["attr"] =` targets. */
  logAttr?: readonly string[];
  /** Function names: every assignment inside goes to the call's args.exec_steps. */
  logFuncExec?: readonly string[];
  /** Function names: an instant at entry. */
  logFuncEntry?: readonly string[];
  /** Every `throw` records its value. @default false */
  logException?: boolean;
  /** true: every function's arguments; a RegExp source: functions whose name matches. @default false */
  logFuncArgs?: boolean | string;
  /** true: every function's return value; a RegExp source: functions whose name matches. @default false */
  logFuncRetval?: boolean | string;
}

/** One instrumented function, as the trace will name it. */
export interface FunctionSite {
  /** Qualified name: `fn`, `Class.method`, `Class.get prop`, `obj.key`, `<anonymous>@3:14`. */
  name: string;
  /** Original source path relative to the root (the TS file, not emitted JS). */
  file: string;
  /** 1-based line and column of the function's start in the original source. */
  line: number;
  column: number;
}

export interface InstrumentResult {
  code: string;
  /** Null when nothing changed or `sourceMap: false`. */
  map: RawSourceMap | null;
  /** False when the file was left as it was (no functions, ignored, already instrumented, or unparsable). */
  instrumented: boolean;
  sites: FunctionSite[];
  /** One line each, `file:line:col: message`; a file our parser rejects gives one and passes through. */
  warnings: string[];
}
