import { readFileSync } from 'node:fs';

/** The options of test/logs, as CLI arguments and as plugin/transformer options. */
export const LOG_ARGS = [
  '--log-var', 'total|sum', '--log-number', 'sum', '--log-attr', 'count', '--log-func-exec', 'add',
  '--log-func-entry', 'bump', '--log-exception', '--log-func-args=add', '--log-func-retval=add|bump', '--',
];
export const LOG_OPTIONS = {
  logVar: ['total|sum'], logNumber: ['sum'], logAttr: ['count'], logFuncExec: ['add'], logFuncEntry: ['bump'],
  logException: true, logFuncArgs: 'add', logFuncRetval: 'add|bump',
};

interface Event { ph: string; name: string; ts: number; args?: Record<string, unknown> }

/**
 * The trace's log events and the calls carrying log args, in time order, as
 * `ph name args-json` lines: what every front end must write for fixtures/logs/main.ts.
 */
export function logEvents(traceFile: string): string[] {
  const trace = JSON.parse(readFileSync(traceFile, 'utf8')) as { traceEvents: Event[] };
  return trace.traceEvents
    .filter((e) => e.ph !== 'M' && (e.ph !== 'X' || (e.args && Object.keys(e.args).length > 0)))
    .sort((a, b) => a.ts - b.ts)
    .map((e) => `${e.ph} ${e.name}${e.args ? ` ${JSON.stringify(e.args)}` : ''}`);
}
