/**
 * The `args` of a call's X event (VizTracer's shape): `func_args` {parameter: repr},
 * `return_value` repr, `exec_steps` ["(<line>) <name> = <repr>"]. Built at save time from the
 * stored values (log-value.ts); parameter names come from the 'args' log site's text.
 */
import type { CallArgs } from './recorder-call-args.js';
import type { LogSiteInfo } from './recorder-log-sites.js';
import { storedText } from './log-value.js';
import type { SafeRepr } from './safe-repr.js';

/** `{"func_args":...}` without the braces' owner key; `unfinished` adds `"unfinished":true`. */
export function callArgsJson(a: CallArgs, sites: LogSiteInfo | undefined, repr: SafeRepr, unfinished: boolean): string {
  const parts: string[] = [];
  if (a.argValues !== undefined) {
    const names = splitNames(a.argsSite >= 0 ? sites?.texts[a.argsSite] ?? '' : '');
    const fields: string[] = [];
    for (let i = 0; i < a.argValues.length; i++) {
      fields.push(`${JSON.stringify(names[i] ?? `arg${i}`)}:${JSON.stringify(storedText(a.argValues[i], repr))}`);
    }
    parts.push(`"func_args":{${fields.join(',')}}`);
  }
  if (a.hasReturn) parts.push(`"return_value":${JSON.stringify(storedText(a.returnValue, repr))}`);
  if (a.hasException) parts.push(`"exception":${JSON.stringify(storedText(a.exception, repr))}`);
  if (a.exec !== undefined) {
    const steps: string[] = [];
    for (let step: typeof a.exec | undefined = a.exec; step !== undefined; step = step.next) {
      const line = sites?.lines[step.site] ?? 0;
      steps.push(JSON.stringify(`(${line}) ${sites?.texts[step.site] ?? '?'} = ${storedText(step.value, repr)}`));
    }
    parts.push(`"exec_steps":[${steps.join(',')}]`);
  }
  if (unfinished) parts.push('"unfinished":true');
  return `{${parts.join(',')}}`;
}

/** "a,b,...rest" -> ["a", "b", "...rest"] (an empty text names nothing). */
function splitNames(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === ',') {
      if (i > start) out.push(text.substring(start, i).trim());
      start = i + 1;
    }
  }
  return out;
}
