import { GLOBAL_NAME } from '../runtime/probe-protocol.js';

/** The prologue's parts that depend on whether the module has log sites (probe-text.ts). */

/** The dormant handle's log methods, appended to the plain fallback when a module has log sites. */
export const DORMANT_LOG_METHODS = ',l(k,v){return v},r(v){return v},g(){},v(d,v){return v}';

/** `register`'s third argument (LogTable: [kind, text, fileIndex, line]*). */
export function registerCall(filesJson: string, tableJson: string, logsJson: string | null): string {
  return `globalThis.${GLOBAL_NAME}?.register(${filesJson},${tableJson}${logsJson === null ? '' : `,${logsJson}`})`;
}
