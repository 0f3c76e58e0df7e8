/**
 * Turn the command words (`app.ts a b`, `node --flag app.js`, `vitest run`) into what node
 * must run: node flags, the entry file and its arguments.
 */
import { closeSync, existsSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { basename, delimiter, dirname, extname, join, resolve } from 'node:path';
import { VizTracerError } from '../runtime/viztracer-error.js';

export interface Launch {
  /** The user's node flags (from `-- node --flag ...`). */
  nodeFlags: string[];
  /** Entry file and its arguments (empty for `-- node -e ...` style runs). */
  entryArgs: string[];
  /** Base name used by --unique-output-file. */
  label: string;
}

const SCRIPT_EXT = /\.(?:[cm]?[jt]s|[jt]sx)$/;

/** node flags that take their value as the next argument. */
const NODE_FLAGS_WITH_VALUE = new Set([
  '-r', '--require', '--import', '--loader', '--experimental-loader', '-C', '--conditions',
  '--input-type', '--env-file', '--title', '--inspect-port', '--stack-trace-limit', '--max-old-space-size',
  '--redirect-warnings', '--disable-warning', '--watch-path', '-e', '--eval', '-p', '--print',
]);

function labelOf(file: string): string {
  return basename(file).replace(/\.[^.]*$/, '') || 'node';
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The bin's real target, if it is a Node script (JS extension or a node shebang). */
function nodeScriptOf(binPath: string): string | null {
  const real = realpathSync(binPath);
  if (/\.[cm]?js$/.test(real)) return real;
  const head = Buffer.alloc(256);
  const fd = openSync(real, 'r');
  try {
    const n = readSync(fd, head, 0, head.length, 0);
    const first = head.toString('utf8', 0, n).split('\n')[0] ?? '';
    return /^#!.*\bnode(?:\s|$)/.test(first) ? real : null;
  } finally {
    closeSync(fd);
  }
}

/** Look `name` up in node_modules/.bin from cwd upwards, then on PATH. */
export function findBin(name: string, cwd: string, path = process.env['PATH'] ?? ''): string | null {
  for (let dir = cwd; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', '.bin', name);
    if (isFile(candidate)) return candidate;
    if (dirname(dir) === dir) break;
  }
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    if (isFile(candidate)) return candidate;
  }
  return null;
}

function isNodeCommand(word: string): boolean {
  return word === process.execPath || /^node(?:\.exe)?$/.test(basename(word));
}

function splitNodeCommand(words: string[]): Launch {
  const flags: string[] = [];
  let i = 1;
  while (i < words.length) {
    const w = words[i]!;
    if (w === '--') {
      i++;
      break;
    }
    if (!w.startsWith('-') || w === '-') break;
    flags.push(w);
    i++;
    if (NODE_FLAGS_WITH_VALUE.has(w) && i < words.length) flags.push(words[i++]!);
  }
  const entryArgs = words.slice(i);
  return { nodeFlags: flags, entryArgs, label: entryArgs[0] ? labelOf(entryArgs[0]) : 'node' };
}

export function resolveCommand(words: string[], cwd: string, afterSeparator: boolean): Launch {
  const first = words[0];
  if (first === undefined) {
    throw new VizTracerError('MISSING_SCRIPT', 'no script or command given (usage: viztracer [options] script [args...])');
  }
  if (afterSeparator && isNodeCommand(first)) return splitNodeCommand(words);
  const args = words.slice(1);
  const abs = resolve(cwd, first);
  if (existsSync(abs)) {
    if (/\.json(?:\.gz)?$/.test(first)) {
      throw new VizTracerError('MISSING_SCRIPT', `${first} is a trace, not a script; did you mean vizviewer ${first}?`);
    }
    return { nodeFlags: [], entryArgs: [abs, ...args], label: labelOf(abs) };
  }
  if (SCRIPT_EXT.test(first) || first.includes('/') || first.includes('\\') || extname(first) !== '') {
    throw new VizTracerError('MISSING_SCRIPT', `script not found: ${first}`);
  }
  const bin = findBin(first, cwd);
  if (!bin) throw new VizTracerError('MISSING_SCRIPT', `script or command not found: ${first} (looked in node_modules/.bin and PATH)`);
  const script = nodeScriptOf(bin);
  if (!script) {
    throw new VizTracerError('MISSING_SCRIPT', `${first} (${bin}) is not a Node.js script; viztracer can only trace Node programs`);
  }
  return { nodeFlags: [], entryArgs: [script, ...args], label: labelOf(first) };
}
