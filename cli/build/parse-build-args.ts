/**
 * `viztracer build <entry...> --outdir DIR [esbuild-like options] [--trace [trace options]]`.
 * esbuild's own spellings for the build options; the trace options are the run command's
 * (runtime/options-schema.ts), so `-o`, `--tracer-entries`, `--min-duration` mean the same here.
 */
import { coerce, findOption } from '../../runtime/options-schema.js';
import { VizTracerError } from '../../runtime/viztracer-error.js';

export interface BuildArgs {
  entries: string[];
  outdir: string;
  trace: boolean;
  format: 'esm' | 'cjs';
  platform: 'node' | 'browser';
  bundle: boolean;
  sourcemap: boolean;
  minify: boolean;
  external: string[];
  /** esbuild target; undefined = the running Node for --platform node, esnext for browsers. */
  target: string | undefined;
  /** Trace options, by the run command's canonical names. */
  traceOptions: Record<string, unknown>;
  help: boolean;
}

const FLAGS = new Set(['trace', 'bundle', 'sourcemap', 'minify', 'help']);
const CHOICES: Record<string, readonly string[]> = { format: ['esm', 'cjs'], platform: ['node', 'browser'] };
/** Run options that mean something for a built program. */
const TRACE_OPTIONS = new Set(['output-file', 'tracer-entries', 'max-stack-depth', 'min-duration', 'quiet']);

export function parseBuildArgs(argv: readonly string[]): BuildArgs {
  const args: BuildArgs = {
    entries: [], outdir: '', trace: false, format: 'esm', platform: 'node', bundle: false,
    sourcemap: false, minify: false, external: [], target: undefined, traceOptions: {}, help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('-')) {
      args.entries.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = (eq < 0 ? arg : arg.slice(0, eq)).replace(/^--?/, '').replace(/_/g, '-');
    const inline = eq < 0 ? undefined : arg.slice(eq + 1);
    const shown = eq < 0 ? arg : arg.slice(0, eq);
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith('-'))) throw new VizTracerError('INVALID_OPTION', `${shown} expects a value`);
      return v;
    };
    if (name === 'h' || FLAGS.has(name)) {
      if (inline !== undefined) throw new VizTracerError('INVALID_OPTION', `${shown} takes no value`);
      if (name === 'h' || name === 'help') args.help = true;
      else args[name as 'trace' | 'bundle' | 'sourcemap' | 'minify'] = true;
    } else if (name === 'outdir') {
      args.outdir = value();
    } else if (name === 'target') {
      args.target = value();
    } else if (name === 'external') {
      args.external.push(value());
    } else if (name in CHOICES) {
      const v = value();
      if (!CHOICES[name]!.includes(v)) throw new VizTracerError('INVALID_OPTION', `${shown}: expects ${CHOICES[name]!.join(' or ')}, got ${JSON.stringify(v)}`);
      (args as unknown as Record<string, string>)[name] = v;
    } else {
      const spec = findOption(name);
      if (!spec || !TRACE_OPTIONS.has(spec.name)) throw new VizTracerError('UNKNOWN_OPTION', `unrecognized build option ${shown} (see viztracer build --help)`);
      const r = coerce(spec, spec.type === 'flag' ? (inline ?? true) : value());
      if ('error' in r) throw new VizTracerError('INVALID_OPTION', `${shown}: ${r.error}`);
      args.traceOptions[spec.name] = r.value;
    }
  }
  if (args.help) return args;
  if (args.entries.length === 0) throw new VizTracerError('MISSING_SCRIPT', 'viztracer build needs at least one entry file');
  if (args.outdir === '') throw new VizTracerError('INVALID_OPTION', 'viztracer build needs --outdir DIR');
  const traceOnly = Object.keys(args.traceOptions);
  if (!args.trace && traceOnly.length > 0) throw new VizTracerError('INVALID_OPTION', `--${traceOnly[0]} only applies with --trace`);
  if (args.trace && !args.bundle) throw new VizTracerError('INVALID_OPTION', '--trace needs --bundle: the runtime is bundled into the output');
  return args;
}

export const BUILD_HELP = `usage: viztracer build <entry...> --outdir DIR [options]

Build with esbuild. With --trace the output is instrumented (functions of your files, not of
node_modules) and, when run, writes a trace like \`viztracer app.ts\` does; without it this is a
plain build, so one build command serves both. \`viztracer app.ts\` instruments on the fly instead,
with nothing written to disk.

options:
  --outdir DIR                 output directory (required)
  --trace                      instrument the output (needs --bundle)
  --bundle                     bundle imports into the output
  --format esm|cjs             output module format (@default esm)
  --platform node|browser      where the output runs (@default node)
  --sourcemap                  write .map files (stack traces point at your TS)
  --minify                     minify the output
  --external X                 leave import X out of the bundle (repeatable)
  --target T                   esbuild target, e.g. node20, es2022 (@default the running node, or esnext)
trace options (with --trace):
  -o, --output-file FILE       trace written when the program exits (@default result.json)
  --tracer-entries N           ring buffer size in calls (@default 1000000)
  --max-stack-depth N          do not record calls deeper than N (@default -1: unlimited)
  --min-duration T             drop calls shorter than T, e.g. 10us
  --quiet                      no "saved" line when the program exits
`;
