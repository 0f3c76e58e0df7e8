/**
 * The one error class of the project. Every message is one line, starts with `[viztracer]`,
 * and names the offending file:line, option or value; `code` lets callers and tests tell
 * the cases apart without matching text.
 */
export type VizTracerErrorCode =
  | 'UNKNOWN_OPTION' // an option name nobody defines (CLI flag, rc key, API key)
  | 'INVALID_OPTION' // a known option with a value of the wrong type or range
  | 'MISSING_SCRIPT' // the script or command to run was not given or does not exist
  | 'PARSE_ERROR' // a source file our parser rejects (the loader passes it through instead)
  | 'RC_FILE' // a .viztracerrc or package.json "viztracer" key that cannot be read
  | 'WRITE_FAILED' // the trace could not be written
  | 'INVALID_ARGUMENT' // an API call with a wrong argument (a counter value that is not a number, a bad scope)
  | 'NOT_SUPPORTED' // an option or call the platform cannot honour (--log-gc in a browser)
  | 'INTERNAL'; // a broken invariant: a bug in viztracer

export class VizTracerError extends Error {
  readonly code: VizTracerErrorCode;

  constructor(code: VizTracerErrorCode, message: string) {
    super(`[viztracer] ${message}`);
    this.name = 'VizTracerError';
    this.code = code;
  }
}
