import type { LogRewriteOptions } from './types.js';

/**
 * The compile-time log options compiled once per file: which names get which log sites.
 * Every RegEx matches the whole name (VizTracer uses `re.fullmatch`), so `--log-var x` does not
 * log `xs`.
 */
export interface LogRules {
  /** --log-var / --log-number: does an assignment to this variable get a 'var' / 'number' site? */
  variable(name: string): { var: boolean; number: boolean };
  /** --log-attr: the attribute name of `obj.attr =` / `obj["attr"] =`. */
  attribute(name: string): boolean;
  /**
   * Function rules take the qualified name (`Cls.method`, `obj.key`, `<anonymous>@3:14`): a RegEx
   * matches when it matches the qualified name or the simple one (`method`), so `--log-func-entry
   * run` finds `Server.run`, and `'Server\.run'` only that one.
   */
  funcExec(qualified: string): boolean;
  funcEntry(qualified: string): boolean;
  funcArgs(qualified: string): boolean;
  funcRetval(qualified: string): boolean;
  readonly exception: boolean;
}

type Matcher = (name: string) => boolean;

const never: Matcher = () => false;
const always: Matcher = () => true;

function fullMatcher(sources: readonly string[] | undefined): Matcher {
  if (!sources || sources.length === 0) return never;
  const re = new RegExp(`^(?:${sources.map((s) => `(?:${s})`).join('|')})$`);
  return (name) => re.test(name);
}

function flagOrRegex(value: boolean | string | undefined): Matcher {
  if (value === true) return always;
  if (typeof value === 'string') return fullMatcher([value]);
  return never;
}

/** `Cls.get prop` -> `prop`, `a.b.c` -> `c`: what the source spells at the definition. */
export function simpleName(qualified: string): string {
  if (qualified.startsWith('<anonymous>')) return qualified;
  const last = qualified.slice(qualified.lastIndexOf('.') + 1);
  return last.replace(/^(?:get|set|static) /, '');
}

function functionMatcher(match: Matcher): Matcher {
  if (match === never || match === always) return match;
  return (qualified) => match(qualified) || match(simpleName(qualified));
}

/** Null when no option asks for a log site: the file is then instrumented exactly as without logs. */
export function compileLogRules(options: LogRewriteOptions | undefined): LogRules | null {
  if (!options) return null;
  const o = options;
  const empty = (l: readonly string[] | undefined) => !l || l.length === 0;
  if (empty(o.logVar) && empty(o.logNumber) && empty(o.logAttr) && empty(o.logFuncExec) && empty(o.logFuncEntry) &&
      !o.logException && !o.logFuncArgs && !o.logFuncRetval) {
    return null;
  }
  const isVar = fullMatcher(o.logVar);
  const isNumber = fullMatcher(o.logNumber);
  return {
    variable: (name) => ({ var: isVar(name), number: isNumber(name) }),
    attribute: fullMatcher(o.logAttr),
    funcExec: functionMatcher(fullMatcher(o.logFuncExec)),
    funcEntry: functionMatcher(fullMatcher(o.logFuncEntry)),
    funcArgs: functionMatcher(flagOrRegex(o.logFuncArgs)),
    funcRetval: functionMatcher(flagOrRegex(o.logFuncRetval)),
    exception: o.logException === true,
  };
}

/** Rules that match nothing: magic comments still work in a file without log options. */
export const NO_LOG_RULES: LogRules = {
  variable: () => ({ var: false, number: false }),
  attribute: never,
  funcExec: never,
  funcEntry: never,
  funcArgs: never,
  funcRetval: never,
  exception: false,
};
