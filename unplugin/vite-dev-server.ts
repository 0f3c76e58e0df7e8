/**
 * The Vite dev server's side of browser tracing (`configureServer`): the page's runtime POSTs its
 * trace (page + one thread per web worker, runtime/install-browser.ts) to ENDPOINT; this writes it
 * to `outputFile` (relative to root, `.json` or `.json.gz`), fills `file_info` from the project's
 * files on disk (the browser has no sources), and prints where it went in the server's terminal.
 *
 * The browser's bytes are written as they came; only the trailing empty `file_info` is replaced,
 * through the same writer pieces a Node run uses, so both produce the same file.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { ByteWriter } from '../runtime/byte-writer.js';
import { writeFileInfo } from '../runtime/file-info-writer.js';
import type { FunctionInfo } from '../runtime/function-registry.js';
import { EMPTY_FILE_INFO } from '../runtime/trace-body.js';
import { writeTraceFile } from '../runtime/trace-writer.js';

/** Where the browser runtime POSTs its trace in a dev session. */
export const DEFAULT_ENDPOINT = '/__viztracer/save';

/** A trace bigger than this is refused (the browser would have struggled to build it anyway). */
const MAX_BODY_BYTES = 1 << 30;

export interface ViteDevServerOptions {
  /** Project root: `outputFile` and the trace's source paths are relative to it. @default the Vite root */
  root?: string;
  /** The trace file, relative to root (`.json` or `.json.gz`). @default "result.json" */
  outputFile?: string;
  /** URL path the page posts to. @default DEFAULT_ENDPOINT */
  endpoint?: string;
  /** No `viztracer: saved ...` line in the terminal. @default false */
  quiet?: boolean;
}

/** The part of Vite's ViteDevServer this uses (no vite import: unplugin/ must not need vite). */
export interface DevServerLike {
  config: { root: string; logger: { info(msg: string, options?: { timestamp?: boolean }): void; error(msg: string, options?: { timestamp?: boolean }): void } };
  middlewares: { use(route: string, handle: (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void): unknown };
}

export function viteDevServer(options: ViteDevServerOptions = {}): (server: DevServerLike) => void {
  const endpoint = options.endpoint ?? DEFAULT_ENDPOINT;
  return (server) => {
    const root = path.resolve(options.root ?? server.config.root);
    const output = path.resolve(root, options.outputFile ?? 'result.json');
    const log = server.config.logger;
    server.middlewares.use(endpoint, (req, res, next) => {
      if (req.method !== 'POST') return next();
      if (!sameOrigin(req)) return reply(res, 403, { error: 'cross-origin trace upload refused' });
      readBody(req).then((body) => {
        const events = saveTrace(body, output, root);
        if (!options.quiet) log.info(`viztracer: saved ${events} events to ${output}`, { timestamp: true });
        reply(res, 200, { path: output, events });
      }).catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        log.error(`viztracer: could not save the trace from the page: ${message}`, { timestamp: true });
        reply(res, 400, { error: message });
      });
    });
  };
}

/**
 * Writes a trace the browser runtime produced to `output`, with `file_info` read from `root`;
 * returns the number of call events. A trace that already carries file_info is written unchanged.
 */
export function saveTrace(body: Buffer, output: string, root: string): number {
  const trace = JSON.parse(body.toString('utf8')) as { traceEvents?: unknown };
  if (!Array.isArray(trace.traceEvents)) throw new Error('the request body is not a trace (no "traceEvents" array)');
  const calls = (trace.traceEvents as { ph?: unknown; name?: unknown }[]).filter((e) => e?.ph === 'X');
  const tail = Buffer.from(`"file_info":${EMPTY_FILE_INFO}}\n`);
  const at = body.lastIndexOf(tail);
  return writeTraceFile(output, undefined, (w: ByteWriter) => {
    if (at === -1 || at + tail.length !== body.length) {
      w.bytes(body);
    } else {
      w.bytes(body.subarray(0, at));
      w.text('"file_info":');
      const { functions, ids } = functionsFromNames(calls.map((e) => e.name), root);
      writeFileInfo(w, [{ functions, ids }], root);
      w.text('}\n');
    }
    w.end();
    return calls.length;
  });
}

const EVENT_NAME = /^(.*) \((.+):(\d+)\)$/;

/**
 * The functions the events name (`fn (src/a.ts:3)`), as the table file-info-writer reads; only
 * those whose file lies inside root (a page must not make the server read other files).
 */
function functionsFromNames(names: unknown[], root: string): { functions: FunctionInfo; ids: number[] } {
  const functions = { names: [] as string[], files: [] as string[], lines: [] as number[], columns: [] as number[] };
  const seen = new Set<string>();
  const ids: number[] = [];
  for (const name of names) {
    if (typeof name !== 'string' || seen.has(name)) continue;
    seen.add(name);
    const m = EVENT_NAME.exec(name);
    if (!m) continue;
    const file = m[2]!;
    const abs = path.resolve(root, file);
    if (path.isAbsolute(file) || (abs !== root && !abs.startsWith(root + path.sep))) continue;
    ids.push(functions.names.length);
    functions.names.push(m[1]!);
    functions.files.push(file);
    functions.lines.push(Number(m[3]));
    functions.columns.push(0);
  }
  return { functions, ids };
}

/** A browser sends Origin on a POST; a page from another site must not write into the project. */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined || origin === 'null') return origin === undefined;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error(`the trace is larger than ${MAX_BODY_BYTES} bytes`));
        req.destroy();
      } else {
        chunks.push(chunk);
      }
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function reply(res: ServerResponse, status: number, body: object): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(body));
}
