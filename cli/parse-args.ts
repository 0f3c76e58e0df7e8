/**
 * Command-line parsing for `viztracer`, driven by the OPTIONS table. Stops at the first
 * positional argument (the script or command) or at `--`: what follows belongs to the program.
 */
import { VizTracerError } from '../runtime/viztracer-error.js';
import { coerce, findOption, type OptionSpec, type OptionValues } from '../runtime/options-schema.js';

export interface ParsedArgs {
  /** Options given on the command line, by canonical name. */
  values: OptionValues;
  /** The program and its arguments (may be empty). */
  command: string[];
  /** True when the command came after an explicit `--`. */
  afterSeparator: boolean;
}

function set(values: OptionValues, spec: OptionSpec, raw: unknown, shown: string): void {
  const r = coerce(spec, raw);
  if ('error' in r) throw new VizTracerError('INVALID_OPTION', `${shown}: ${r.error}`);
  values[spec.name] = r.value;
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const values: OptionValues = {};
  let i = 0;
  while (i < argv.length) {
    const arg = argv[i]!;
    if (arg === '--') return { values, command: argv.slice(i + 1), afterSeparator: true };
    if (!arg.startsWith('-') || arg === '-') return { values, command: argv.slice(i), afterSeparator: false };

    let name: string;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq < 0 ? undefined : arg.slice(eq + 1);
    } else {
      // -o FILE, -oFILE, -o=FILE; short flags are single letters.
      name = arg.slice(1, 2);
      const rest = arg.slice(2);
      inline = rest === '' ? undefined : rest.startsWith('=') ? rest.slice(1) : rest;
    }
    const long = arg.startsWith('--');
    const spec = !long || name.length > 1 ? findOption(name) : undefined;
    if (!spec) throw new VizTracerError('UNKNOWN_OPTION', `unrecognized option ${long ? arg.split('=')[0] : arg.slice(0, 2)} (see viztracer --help)`);
    const shown = long ? `--${name}` : `-${name}`;
    i++;

    if (spec.type === 'flag' || spec.type === 'flag-or-regex') {
      set(values, spec, inline ?? true, shown);
    } else if (spec.type === 'list' || spec.type === 'regex-list') {
      const items: string[] = inline !== undefined ? [inline] : [];
      if (inline === undefined) {
        while (i < argv.length && !argv[i]!.startsWith('-')) items.push(argv[i++]!);
      }
      set(values, spec, items, shown);
    } else {
      let raw = inline;
      if (raw === undefined) {
        // Negative numbers are values, not options (--max-stack-depth -1).
        const next = argv[i];
        if (next === undefined || (next.startsWith('-') && !/^-\d/.test(next))) {
          throw new VizTracerError('INVALID_OPTION', `${shown} expects a value`);
        }
        raw = next;
        i++;
      }
      set(values, spec, raw, shown);
    }
  }
  return { values, command: [], afterSeparator: false };
}
