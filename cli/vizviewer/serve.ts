/**
 * `vizviewer` as a function: check the input, start the server, open the browser, and with
 * `once` stop after the first complete delivery (or the timeout). Used by the `vizviewer` command
 * and by `viztracer --open`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { VizTracerError } from '../../runtime/viztracer-error.js';
import { readViewerPage } from '../report/viewer-template.js';
import { BinaryCache } from './binary-cache.js';
import { openInBrowser } from './open-browser.js';
import { inspectTraceFile, truncationWarning } from './trace-input.js';
import { listen } from './listen.js';
import { createTraceServer, type TraceSource } from './trace-server.js';
import type { VizviewerOptions } from './vizviewer-options.js';

export interface Serving {
  /** The page to open, e.g. http://127.0.0.1:9001/ */
  url: string;
  port: number;
  /** Resolves with the exit code: 0 after a --once delivery, 1 after a --once timeout. Never without --once. */
  finished: Promise<number>;
  close(): void;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export async function serve(options: VizviewerOptions, log: (line: string) => void, warn: (line: string) => void): Promise<Serving> {
  const source = resolveSource(options.path);
  const needsViewer = !(source.mode === 'file' && source.trace.kind === 'html');
  const viewerPage = needsViewer ? readViewerPage() : null;
  if (source.mode === 'file') {
    const warning = truncationWarning(source.trace);
    if (warning) warn(warning);
  }

  const binaries = new BinaryCache();
  // Convert the one trace now, while the browser starts: the page asks for it first thing.
  if (source.mode === 'file' && source.trace.kind !== 'html') binaries.get(source.trace).catch(() => {});

  let finish: (code: number) => void = () => {};
  const finished = new Promise<number>((resolve) => (finish = resolve));
  let requested = false;
  let timer: NodeJS.Timeout | undefined;
  const server = createTraceServer({
    source,
    viewerPage,
    binaries,
    loopbackOnly: LOOPBACK.has(options.host),
    onTraceRequested: () => {
      requested = true;
      if (timer) clearTimeout(timer);
    },
    onDelivered: (trace) => {
      if (!options.once) return;
      log(`vizviewer: delivered ${trace.name}; exiting (--once)`);
      stop();
      finish(0);
    },
  });
  const stop = (): void => {
    if (timer) clearTimeout(timer);
    server.close();
    server.closeAllConnections();
  };

  const port = await listen(server, options.port, options.host);
  const shownHost = LOOPBACK.has(options.host) || options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1'
    : options.host.includes(':') ? `[${options.host}]` : options.host;
  const url = `http://${shownHost}:${port}/${options.flamegraph && source.mode === 'file' ? '?view=flamegraph' : ''}`;
  const what = source.mode === 'file' ? source.trace.name : `the traces in ${source.dir}`;
  log(`vizviewer: serving ${what} on ${url}${options.once ? ' (--once)' : ' (Ctrl-C to stop)'}`);
  if (!LOOPBACK.has(options.host)) warn(`listening on ${options.host}: anyone who can reach this machine can read the trace and its source code`);

  if (options.once) {
    timer = setTimeout(() => {
      if (requested) return;
      warn(`the trace was not requested within ${options.timeoutSec} s (--timeout); stopping`);
      stop();
      finish(1);
    }, options.timeoutSec * 1000);
  }
  if (!options.serverOnly) {
    const opened = await openInBrowser(url);
    if (!opened.opened && !/disabled/.test(opened.reason ?? '')) warn(`could not open a browser (${opened.reason}); open ${url} yourself`);
  }
  return { url, port, finished, close: stop };
}

function resolveSource(input: string): TraceSource {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(input);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new VizTracerError('INVALID_OPTION', code === 'ENOENT' ? `${input}: no such file or directory` : `${input}: ${(e as Error).message}`);
  }
  if (stat.isDirectory()) return { mode: 'dir', dir: path.resolve(input) };
  try {
    return { mode: 'file', trace: inspectTraceFile(input, stat) };
  } catch (e) {
    if (e instanceof VizTracerError) throw e;
    throw new VizTracerError('INVALID_OPTION', `${input}: ${(e as Error).message}`);
  }
}
