/**
 * What `vizviewer` may serve: a trace file (.json, .json.gz/.gz, .html) checked cheaply up front
 * (exists, not empty, starts like its kind), so a wrong argument is one clear line and exit 1.
 * Deeper damage (a truncated trace) is only warned about: the viewer loads what it can.
 */
import fs from 'node:fs';
import path from 'node:path';
import { VizTracerError } from '../../runtime/viztracer-error.js';

/** How a trace file is served. */
export type TraceKind =
  | 'json' // Chrome trace JSON, served as application/json
  | 'gzip' // gzip-compressed JSON, served raw as application/gzip (the viewer inflates it)
  | 'html'; // a standalone report: served as the page itself

export interface TraceFile {
  /** Absolute path. */
  file: string;
  /** Base name, as listed in directory mode. */
  name: string;
  kind: TraceKind;
  size: number;
  /** Modification time, ms since the epoch. */
  mtimeMs: number;
}

export const CONTENT_TYPES: Record<TraceKind, string> = {
  json: 'application/json',
  gzip: 'application/gzip',
  html: 'text/html; charset=utf-8',
};

/** The kind a file name promises, or null when it is not a trace name. */
export function kindFromName(name: string): TraceKind | null {
  if (/\.json$/i.test(name)) return 'json';
  if (/\.gz$/i.test(name)) return 'gzip';
  if (/\.html?$/i.test(name)) return 'html';
  return null;
}

function fail(message: string): VizTracerError {
  return new VizTracerError('INVALID_OPTION', message);
}

/** Checks a trace file given on the command line; throws one clear line when it cannot be served. */
export function inspectTraceFile(file: string, stat: fs.Stats): TraceFile {
  const shown = file;
  const named = kindFromName(file);
  if (!named) throw fail(`${shown}: not a trace file (expected .json, .json.gz or .html, or a directory)`);
  if (stat.size === 0) throw fail(`${shown}: the file is empty`);
  const head = readAt(file, 0, 512);
  const gzip = head[0] === 0x1f && head[1] === 0x8b;
  const first = firstSignificant(head);
  let kind: TraceKind;
  if (named === 'gzip') {
    if (!gzip) throw fail(`${shown}: not gzip data (a .gz trace starts with the bytes 1f 8b)`);
    kind = 'gzip';
  } else if (named === 'json') {
    // A gzip body named .json still opens: the viewer detects gzip by its magic bytes.
    if (gzip) kind = 'gzip';
    else if (first === '{' || first === '[') kind = 'json';
    else throw fail(`${shown}: not a Chrome trace (JSON must start with { or [, found ${describe(first)})`);
  } else {
    if (first !== '<') throw fail(`${shown}: not an HTML report (found ${describe(first)} at the start)`);
    kind = 'html';
  }
  return { file: path.resolve(file), name: path.basename(file), kind, size: stat.size, mtimeMs: stat.mtimeMs };
}

/** A warning when a JSON trace does not end like one (cheap: reads its last bytes). */
export function truncationWarning(trace: TraceFile): string | null {
  if (trace.kind !== 'json') return null;
  const tail = readAt(trace.file, Math.max(0, trace.size - 256), 256);
  const text = tail.toString('latin1').trimEnd();
  const last = text.at(-1);
  if (last === '}' || last === ']') return null;
  return `${trace.name} looks truncated (it ends with ${describe(last)}, not } or ]): the viewer will load what it can`;
}

function readAt(file: string, position: number, length: number): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(length);
    const n = fs.readSync(fd, buf, 0, length, position);
    return buf.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

/** First character after a UTF-8 BOM and whitespace. */
function firstSignificant(head: Buffer): string | undefined {
  return head.toString('utf8').replace(/^\uFEFF/, '').trimStart()[0];
}

function describe(ch: string | undefined): string {
  if (ch === undefined) return 'only whitespace';
  const code = ch.codePointAt(0)!;
  return code >= 0x20 && code < 0x7f ? JSON.stringify(ch) : `byte 0x${code.toString(16).padStart(2, '0')}`;
}
