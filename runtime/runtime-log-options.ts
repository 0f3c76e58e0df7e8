/** The runtime-log options both runtimes take (Node: node-runtime-options.ts, browsers: browser-runtime-options.ts). */
export interface RuntimeLogOptions {
  /** --log-print: console.log/info/warn/error/debug calls become instant events. @default false */
  logPrint?: boolean;
  /** With logPrint: do not also write the console output. @default false */
  hidePrint?: boolean;
  /**
   * --log-gc: garbage collections as slices on a "GC" track and a counter. Node only: in a browser
   * the runtime says so on the console and records no GC (the API throws). @default false
   */
  logGc?: boolean;
  /** --log-sparse: only logSparse() calls and custom events are recorded. @default false */
  logSparse?: boolean;
  /** Longest text kept for a logged value. @default 256 */
  reprLimit?: number;
  /** Start recording at once (the API installs a runtime that waits for start()). @default true */
  autoStart?: boolean;
}
