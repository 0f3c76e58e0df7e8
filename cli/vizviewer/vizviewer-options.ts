/**
 * `vizviewer` options (Python VizTracer's vizviewer, notes/viztracer-reference.md §3), parsed from
 * argv. Kebab-case with the underscore spellings accepted (`--server_only`), like `viztracer`.
 */
import { canonicalName } from '../../runtime/options-schema.js';
import { VizTracerError } from '../../runtime/viztracer-error.js';

export interface VizviewerOptions {
  /** The trace file (.json, .json.gz, .html) or a directory of traces. */
  path: string;
  /** @default 9001; 0 picks a free port */
  port: number;
  /** Interface to bind; other than loopback is an explicit opt-in. @default '127.0.0.1' */
  host: string;
  /** Do not open a browser. @default false */
  serverOnly: boolean;
  /** Exit once the trace has been delivered. @default false */
  once: boolean;
  /** With --once: give up when the trace was not requested within this many seconds. @default 10 */
  timeoutSec: number;
  /** Start the viewer in the flamegraph. @default false */
  flamegraph: boolean;
  /** Print nothing but errors. @default false */
  quiet: boolean;
}

type Spec = { name: string; short?: string; value?: string; help: string };

const SPECS: readonly Spec[] = [
  { name: 'port', short: 'p', value: 'PORT', help: 'port to listen on, 0 for any free one (@default 9001)' },
  { name: 'host', value: 'HOST', help: 'interface to bind; anything but 127.0.0.1 exposes your trace and source (@default 127.0.0.1)' },
  { name: 'server-only', short: 's', help: 'do not open a browser' },
  { name: 'once', help: 'exit after the trace has been delivered once' },
  { name: 'timeout', value: 'SEC', help: 'with --once: exit 1 if the trace is not requested within SEC seconds (@default 10)' },
  { name: 'flamegraph', help: 'start in the flamegraph view' },
  { name: 'quiet', short: 'q', help: 'print nothing but errors' },
  { name: 'version', help: 'print the version and exit' },
  { name: 'help', short: 'h', help: 'show this help and exit' },
];

export type ParsedVizviewerArgs =
  | { action: 'help' | 'version' }
  | { action: 'serve'; options: VizviewerOptions };

export function parseVizviewerArgs(argv: readonly string[]): ParsedVizviewerArgs {
  const values = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const long = arg.startsWith('--');
    const eq = arg.indexOf('=');
    const key = long ? arg.slice(2, eq < 0 ? undefined : eq) : arg.slice(1, 2);
    const spec = long ? SPECS.find((s) => s.name === canonicalName(key)) : SPECS.find((s) => s.short === key);
    const shown = long ? `--${key}` : `-${key}`;
    if (!spec || (long && key.length < 2)) throw usage(`unrecognized option ${shown} (see vizviewer --help)`);
    let inline: string | undefined = long ? (eq < 0 ? undefined : arg.slice(eq + 1)) : arg.slice(2).replace(/^=/, '') || undefined;
    if (!spec.value) {
      if (inline !== undefined) throw usage(`${shown} takes no value`);
      values.set(spec.name, true);
      continue;
    }
    if (inline === undefined) {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('-')) throw usage(`${shown} expects a value`);
      inline = next;
      i++;
    }
    values.set(spec.name, inline);
  }
  if (values.has('help')) return { action: 'help' };
  if (values.has('version')) return { action: 'version' };
  if (positional.length !== 1) {
    throw usage(positional.length === 0 ? 'missing the trace file or directory (see vizviewer --help)' : `expects one trace file or directory, got ${positional.length}`);
  }
  const port = values.has('port') ? Number(values.get('port')) : 9001;
  if (!/^\d+$/.test(String(values.get('port') ?? '9001')) || port > 65535) {
    throw usage(`--port expects an integer from 0 to 65535, got ${JSON.stringify(values.get('port'))}`);
  }
  const timeoutText = String(values.get('timeout') ?? '10');
  const timeoutSec = Number(timeoutText);
  if (!/^\d+(\.\d+)?$/.test(timeoutText) || !(timeoutSec > 0)) {
    throw usage(`--timeout expects a positive number of seconds, got ${JSON.stringify(timeoutText)}`);
  }
  const host = values.get('host');
  if (host === true || host === '') throw usage('--host expects a value');
  return {
    action: 'serve',
    options: {
      path: positional[0]!,
      port,
      host: host ?? '127.0.0.1',
      serverOnly: values.has('server-only'),
      once: values.has('once'),
      timeoutSec,
      flamegraph: values.has('flamegraph'),
      quiet: values.has('quiet'),
    },
  };
}

function usage(message: string): VizTracerError {
  return new VizTracerError('INVALID_OPTION', message);
}

export function vizviewerHelp(): string {
  const rows = SPECS.map((s) => {
    const names = `${s.short ? `-${s.short}, ` : '    '}--${s.name}${s.value ? ` ${s.value}` : ''}`;
    return `  ${names.padEnd(24)} ${s.help}`;
  });
  return [
    'usage: vizviewer [options] FILE|DIR',
    '',
    'Serve a trace (.json, .json.gz or a standalone .html report) to the viztracer viewer on',
    'http://127.0.0.1:9001/ and open it in the browser. A directory lists the traces in it,',
    'new ones included as they are written.',
    '',
    'options:',
    ...rows,
    '',
  ].join('\n');
}
