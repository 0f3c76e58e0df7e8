/**
 * The one table of `viztracer` run options. Argument parsing, validation, `--help` text and the
 * validation of `.viztracerrc` / package.json `"viztracer"` keys all derive from it.
 * Shared by every front end (CLI, bundler plugins, tsc transformer, API): no Node imports.
 */
import { parseDuration as parseDurationNs } from './parse-duration.js';

/** How an option's value is read. */
export type OptionType =
  | 'flag' // boolean switch; `--x` sets true; rc files say True/False
  | 'integer' // whole number
  | 'string' // one value
  | 'list' // one or more values: `--x a b c` (stops at the next `-...`), rc: space-separated
  | 'regex-list' // like 'list', each a JavaScript RegExp source that must compile
  | 'flag-or-regex' // `--x` alone = true (all); `--x=RE` (inline only, so a script name is never eaten) = RegExp source
  | 'duration'; // `<number>[s|ms|us|ns]`, no unit = microseconds; stored as nanoseconds

/** Where an option may be given. */
export type OptionScope =
  | 'all' // command line, rc file and package.json
  | 'cli'; // command line only (e.g. --rcfile, --help)

export interface OptionSpec {
  /** Canonical kebab-case name without dashes. */
  name: string;
  /** One-letter alias, without the dash. */
  short?: string;
  type: OptionType;
  scope: OptionScope;
  /** Shown in --help as `@default`; `undefined` means "not set". */
  default: unknown;
  /** Placeholder shown in --help for the value. */
  metavar?: string;
  help: string;
}

export const OPTIONS: readonly OptionSpec[] = [
  { name: 'output-file', short: 'o', type: 'string', scope: 'all', default: 'result.json', metavar: 'FILE',
    help: 'trace file to write: .json, .json.gz, or .html (a standalone report with the viewer)' },
  { name: 'output-dir', type: 'string', scope: 'all', default: undefined, metavar: 'DIR',
    help: 'directory for the output file (created if missing)' },
  { name: 'unique-output-file', short: 'u', type: 'flag', scope: 'all', default: false,
    help: 'name the output <script>_<YYYYMMDD>_<HHMMSS>_<pid>.json (not with --output-file)' },
  { name: 'tracer-entries', type: 'integer', scope: 'all', default: 1_000_000, metavar: 'N',
    help: 'ring buffer size in events; the newest N are kept' },
  { name: 'max-stack-depth', type: 'integer', scope: 'all', default: -1, metavar: 'N',
    help: 'do not record calls deeper than N (-1: unlimited)' },
  { name: 'min-duration', type: 'duration', scope: 'all', default: '0', metavar: 'T',
    help: 'drop calls shorter than T, e.g. 10us, 0.5ms, 1s (no unit: us)' },
  { name: 'include-files', type: 'list', scope: 'all', default: undefined, metavar: 'PATH...',
    help: 'instrument only files under these path prefixes (end the list with --)' },
  { name: 'exclude-files', type: 'list', scope: 'all', default: undefined, metavar: 'PATH...',
    help: 'do not instrument files under these path prefixes (end the list with --)' },
  { name: 'log-var', type: 'regex-list', scope: 'all', default: undefined, metavar: 'RE...',
    help: 'log every assignment to a variable whose whole name matches RE (instant events)' },
  { name: 'log-number', type: 'regex-list', scope: 'all', default: undefined, metavar: 'RE...',
    help: 'like --log-var, as counter events (numbers and bigints; others skipped with a warning)' },
  { name: 'log-attr', type: 'regex-list', scope: 'all', default: undefined, metavar: 'RE...',
    help: 'log assignments to obj.attr / this.attr whose attribute name matches RE' },
  { name: 'log-func-exec', type: 'regex-list', scope: 'all', default: undefined, metavar: 'RE...',
    help: 'inside functions whose name matches RE, add every assignment to the call\'s args' },
  { name: 'log-func-entry', type: 'regex-list', scope: 'all', default: undefined, metavar: 'RE...',
    help: 'an instant event when a function whose name matches RE is entered' },
  { name: 'log-exception', type: 'flag', scope: 'all', default: false,
    help: 'an instant event for every throw, with the thrown value' },
  { name: 'log-func-args', type: 'flag-or-regex', scope: 'all', default: false, metavar: '[=RE]',
    help: 'record the arguments of every call (or of functions whose name matches RE)' },
  { name: 'log-func-retval', type: 'flag-or-regex', scope: 'all', default: false, metavar: '[=RE]',
    help: 'record the return value of every call (or of functions whose name matches RE)' },
  { name: 'log-print', type: 'flag', scope: 'all', default: false,
    help: 'record console.log/info/warn/error/debug calls as instant events' },
  { name: 'hide-print', type: 'flag', scope: 'all', default: false,
    help: 'with --log-print: do not also write the console output' },
  { name: 'log-gc', type: 'flag', scope: 'all', default: false,
    help: 'record garbage collections (Node: perf_hooks) as events and a counter' },
  { name: 'log-sparse', type: 'flag', scope: 'all', default: false,
    help: 'record only functions marked with logSparse() and custom events' },
  { name: 'repr-limit', type: 'integer', scope: 'all', default: 256, metavar: 'N',
    help: 'longest text kept for a logged value (arguments, variables, return values)' },
  { name: 'open', type: 'flag', scope: 'all', default: false,
    help: 'open the result when the program ends (.html in the browser, .json through vizviewer --once)' },
  { name: 'quiet', type: 'flag', scope: 'all', default: false,
    help: 'print nothing but errors' },
  { name: 'cmd-string', short: 'c', type: 'string', scope: 'cli', default: undefined, metavar: 'CODE',
    help: 'trace a code string instead of a script' },
  { name: 'combine', type: 'list', scope: 'cli', default: undefined, metavar: 'FILE...',
    help: 'merge these traces into --output-file instead of running a program' },
  { name: 'align-combine', type: 'list', scope: 'cli', default: undefined, metavar: 'FILE...',
    help: 'like --combine, each trace shifted to start at 0 (or at its sync marker)' },
  { name: 'rcfile', type: 'string', scope: 'cli', default: '.viztracerrc', metavar: 'FILE',
    help: 'INI file whose [default] section gives option defaults' },
  { name: 'version', type: 'flag', scope: 'cli', default: false, help: 'print the version and exit' },
  { name: 'help', short: 'h', type: 'flag', scope: 'cli', default: false, help: 'show this help and exit' },
];

/** Pairs that cannot be given together. */
export const EXCLUSIVE: readonly (readonly [string, string])[] = [
  ['output-file', 'unique-output-file'],
  ['include-files', 'exclude-files'],
];

/** Parsed values keyed by canonical option name. */
export type OptionValues = Record<string, unknown>;

/** `log_func_args`, `logFuncArgs`, `log-func-args` all become `log-func-args`. */
export function canonicalName(key: string): string {
  return key
    .replace(/_/g, '-')
    .replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)
    .replace(/^-+/, '');
}

export function findOption(nameOrShort: string): OptionSpec | undefined {
  if (nameOrShort.length === 1) return OPTIONS.find((o) => o.short === nameOrShort);
  const name = canonicalName(nameOrShort);
  return OPTIONS.find((o) => o.name === name);
}

/** `'10ms'` -> 10_000_000n; null when malformed (runtime/parse-duration.ts has the rules). */
export function parseDuration(text: string): bigint | null {
  try {
    return parseDurationNs(text);
  } catch {
    return null;
  }
}

/**
 * Convert a raw value (string from argv/rc, or JSON value from package.json) to the option's type.
 * Returns an error text (without the option name) when the value does not fit.
 */
export function coerce(spec: OptionSpec, raw: unknown): { value: unknown } | { error: string } {
  const shown = typeof raw === 'string' ? JSON.stringify(raw) : String(raw);
  switch (spec.type) {
    case 'flag':
      if (typeof raw === 'boolean') return { value: raw };
      if (typeof raw === 'string' && /^(true|1|yes|on)$/i.test(raw)) return { value: true };
      if (typeof raw === 'string' && /^(false|0|no|off)$/i.test(raw)) return { value: false };
      return { error: `expects True or False, got ${shown}` };
    case 'integer': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^-?\d+$/.test(raw.trim()) ? Number(raw) : NaN;
      if (!Number.isSafeInteger(n)) return { error: `expects an integer, got ${shown}` };
      if (spec.name === 'tracer-entries' && n < 1) return { error: `expects a positive integer, got ${shown}` };
      if (spec.name === 'max-stack-depth' && n < -1) return { error: `expects -1 or more, got ${shown}` };
      if (spec.name === 'repr-limit' && n < 8) return { error: `expects 8 or more, got ${shown}` };
      return { value: n };
    }
    case 'duration': {
      const text = typeof raw === 'number' ? String(raw) : raw;
      if (typeof text !== 'string' || parseDuration(text) === null) {
        return { error: `expects a duration like 10us, 2ms or 1s, got ${shown}` };
      }
      return { value: text.trim() };
    }
    case 'string':
      if (typeof raw !== 'string' || raw === '') return { error: `expects a non-empty string, got ${shown}` };
      return { value: raw };
    case 'list': {
      const items = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/\s+/).filter(Boolean) : null;
      if (!items || items.length === 0 || !items.every((x) => typeof x === 'string' && x !== '')) {
        return { error: `expects one or more paths, got ${Array.isArray(raw) ? JSON.stringify(raw) : shown}` };
      }
      return { value: items as string[] };
    }
    case 'regex-list': {
      const items = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/\s+/).filter(Boolean) : null;
      if (!items || items.length === 0 || !items.every((x) => typeof x === 'string' && x !== '')) {
        return { error: `expects one or more regular expressions, got ${Array.isArray(raw) ? JSON.stringify(raw) : shown}` };
      }
      for (const item of items as string[]) {
        const bad = regexError(item);
        if (bad) return { error: bad };
      }
      return { value: items as string[] };
    }
    case 'flag-or-regex': {
      if (typeof raw === 'boolean') return { value: raw };
      if (typeof raw === 'string' && /^(true|1|yes|on)$/i.test(raw)) return { value: true };
      if (typeof raw === 'string' && /^(false|0|no|off)$/i.test(raw)) return { value: false };
      if (typeof raw !== 'string' || raw === '') return { error: `expects True, False or a regular expression, got ${shown}` };
      const bad = regexError(raw);
      return bad ? { error: bad } : { value: raw };
    }
  }
}

/** Null when `source` compiles as a RegExp, else the message naming it. */
function regexError(source: string): string | null {
  try {
    new RegExp(source);
    return null;
  } catch (error) {
    return `invalid regular expression ${JSON.stringify(source)} (${error instanceof Error ? error.message : String(error)})`;
  }
}

/** `--help` text, generated from OPTIONS. */
export function helpText(): string {
  const rows = OPTIONS.map((o) => {
    const gap = o.type === 'flag-or-regex' ? '' : ' ';
    const names = `${o.short ? `-${o.short}, ` : '    '}--${o.name}${o.metavar ? `${gap}${o.metavar}` : ''}`;
    const dflt = o.default === undefined || o.default === false ? '' : ` (@default ${String(o.default)})`;
    return `  ${names.padEnd(34)} ${o.help}${dflt}`;
  });
  return [
    'usage: viztracer [options] script.(ts|tsx|mts|cts|js|mjs|cjs) [args...]',
    '       viztracer [options] -- node [node options] app.js [args...]',
    '       viztracer [options] <bin in node_modules/.bin or PATH> [args...]',
    '       viztracer [options] -c "code"',
    '',
    'Trace every function call of a JavaScript/TypeScript program into a Chrome trace.',
    'Options also come from .viztracerrc ([default] section) and package.json "viztracer";',
    'underscore spellings (--max_stack_depth) are accepted. Everything after the script',
    'or after -- is passed to the program.',
    '',
    'options:',
    ...rows,
    '',
  ].join('\n');
}
