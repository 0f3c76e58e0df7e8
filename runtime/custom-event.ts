/**
 * Custom events (the API, --log-print, --log-gc, logSparse): finished descriptions kept in the log
 * ring and written as they are. Their args are plain data built when the event is logged
 * (json-args.ts), so the program can neither change them later nor run code when they are written.
 */
import type { ArgRecord } from './json-args.js';

/** Instant scope, as Chrome's trace format defines it. */
export type InstantScope =
  | 'g' // global: drawn across every process
  | 'p' // process: drawn across the process
  | 't'; // thread: on the thread's track (the default)

export type CustomEvent =
  | { ph: 'I'; name: string; scope: InstantScope; args: ArgRecord | undefined } // instant
  | { ph: 'C'; name: string; args: ArgRecord } // counter: every arg is a number
  | { ph: 'N' | 'O' | 'D'; name: string; id: string; args: ArgRecord | undefined } // object created / snapshot / destroyed
  | { ph: 'X'; name: string; cat: string; args: ArgRecord | undefined; track: 'gc' | undefined }; // duration (start/end in the ring)

/** Category of custom duration events (logEvent): calls keep "FEE". */
export const CUSTOM_CATEGORY = 'custom';
/** Category of instants, as VizTracer writes them. */
export const INSTANT_CATEGORY = 'INSTANT';
