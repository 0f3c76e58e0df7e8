/**
 * Why an input of --combine cannot be used: missing, not gzip, not JSON, not a trace, truncated.
 * Such an input is skipped with one line naming it and the reason, so it is a VizTracerError
 * the combine command catches, never one that ends the run.
 */
import { VizTracerError } from '../../runtime/viztracer-error.js';

/** `why` completes "skipping FILE: …", e.g. "it is truncated". */
export function invalidTrace(why: string): VizTracerError {
  return new VizTracerError('PARSE_ERROR', why);
}

/** The reason of an invalidTrace() error, or undefined for any other error. */
export function invalidTraceReason(error: unknown): string | undefined {
  if (!(error instanceof VizTracerError) || error.code !== 'PARSE_ERROR') return undefined;
  return error.message.replace(/^\[viztracer\] /, '');
}
