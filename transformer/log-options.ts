import type { LogRewriteOptions } from '../instrument/index.js';

/** The compile-time log keys of the transformer's options (transformer/options.ts documents them). */
const LIST_KEYS = ['logVar', 'logNumber', 'logAttr', 'logFuncExec', 'logFuncEntry'] as const;
const FLAG_KEYS = ['logFuncArgs', 'logFuncRetval'] as const;
export const LOG_OPTION_KEYS: readonly string[] = [...LIST_KEYS, 'logException', ...FLAG_KEYS];

function regexError(source: string): string | null {
  try {
    new RegExp(source);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The compile-time log options, checked like the CLI checks them (runtime/options-schema.ts). */
export function logOptions(c: Record<string, unknown>, fail: (message: string) => never): LogRewriteOptions {
  const logs: LogRewriteOptions = {};
  const checkRegex = (key: string, source: string) => {
    const bad = regexError(source);
    if (bad) fail(`"${key}": invalid regular expression ${JSON.stringify(source)} (${bad})`);
  };
  for (const key of LIST_KEYS) {
    const v = c[key];
    if (v === undefined) continue;
    const list = typeof v === 'string' ? [v] : v;
    if (!Array.isArray(list) || list.length === 0 || !list.every((x) => typeof x === 'string' && x !== '')) {
      fail(`"${key}" must be an array of regular expressions, got ${JSON.stringify(v)}`);
    }
    for (const source of list as string[]) checkRegex(key, source);
    logs[key] = list as string[];
  }
  if (c.logException !== undefined) {
    if (typeof c.logException !== 'boolean') fail(`"logException" must be true or false, got ${JSON.stringify(c.logException)}`);
    if (c.logException) logs.logException = true;
  }
  for (const key of FLAG_KEYS) {
    const v = c[key];
    if (v === undefined || v === false) continue;
    if (v !== true && (typeof v !== 'string' || v === '')) fail(`"${key}" must be true, false or a regular expression, got ${JSON.stringify(v)}`);
    if (typeof v === 'string') checkRegex(key, v);
    logs[key] = v as true | string;
  }
  return logs;
}
