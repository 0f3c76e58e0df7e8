/**
 * The Node runtime: a recorder on the hrtime clock, installed as globalThis.__viztracer__,
 * recording from the start, saved to `output` on exit and on SIGINT/SIGTERM (save-triggers.ts).
 * Worker threads record but do not save yet (merging workers comes later).
 */
import fs from 'node:fs';
import path from 'node:path';
import { format, types } from 'node:util';
import { isMainThread } from 'node:worker_threads';
import { createLogFacade, type LogFacade } from './api/custom-events.js';
import { installGcLog, type GcLog } from './gc-log.js';
import { installPrintLog } from './print-log.js';
import { collectWorkerThreads, removeWorkerThreads, saveWorkerThread } from './node-worker-threads.js';
import { hrtimeClock, wallClock } from './node-clock.js';
import { resolveNodeRuntimeOptions, type NodeRuntimeOptions, type ResolvedNodeRuntimeOptions } from './node-runtime-options.js';
import { GLOBAL_NAME, PROTOCOL_VERSION, type ProbeRuntime } from './probe-protocol.js';
import { createRecorder, type Recorder } from './recorder.js';
import { installSaveTriggers, type SaveTriggers } from './save-triggers.js';
import { writeTrace } from './trace-writer.js';
import { VizTracerError } from './viztracer-error.js';

export interface NodeRuntime extends ProbeRuntime {
  readonly recorder: Recorder;
  readonly options: ResolvedNodeRuntimeOptions;
  /**
   * What magic comments call (`__viztracer__.tracer.logInstant(...)`): a small facade until a
   * VizTracer is created, then that VizTracer.
   */
  tracer: LogFacade;
  /** Writes the trace now (open calls closed now, marked unfinished) to `output` (default: the option); returns the events written. */
  saveTrace(output?: string): number;
  /** Stops recording, removes the save triggers and the global (for tests). */
  uninstall(): void;
}

export function installNodeRuntime(options: NodeRuntimeOptions): NodeRuntime {
  const g = globalThis as Record<string, unknown>;
  const existing = g[GLOBAL_NAME];
  if (existing !== undefined) {
    if (isNodeRuntime(existing)) return existing;
    throw new VizTracerError('INTERNAL', `globalThis.${GLOBAL_NAME} is already set by something else (another viztracer copy?)`);
  }
  const opts = resolveNodeRuntimeOptions(options);
  const recorder = createRecorder({
    clock: hrtimeClock,
    wallClock,
    tracerEntries: opts.tracerEntries,
    maxStackDepth: opts.maxStackDepth,
    minDuration: opts.minDuration,
    reprLimit: opts.reprLimit,
    isProxy: types.isProxy,
    warn: (message) => writeStderr(`${message}\n`),
    logSparse: opts.logSparse,
  });
  let triggers: SaveTriggers | undefined;
  let onExit: (() => void) | undefined;
  let gc: GcLog | undefined;
  let restoreConsole: (() => void) | undefined;

  function saveTrace(output: string = opts.output): number {
    gc?.flush();
    const snapshot = recorder.snapshot();
    const processName = opts.partsDir === undefined ? opts.processName : testProcessName(opts.root) ?? opts.processName;
    const count = writeTrace(snapshot, { output, root: opts.root, processName }, collectWorkerThreads(opts.output));
    if (!opts.quiet) {
      // A part's own line is noise: the run prints one line when the parts are combined.
      let text = opts.partsDir === undefined ? `viztracer: saved ${count} events to ${output}\n` : '';
      if (snapshot.dropped > 0) {
        text += `viztracer: warning: the ring buffer overflowed: the oldest ${snapshot.dropped} of ${snapshot.total} calls were dropped; `
          + `raise --tracer-entries (now ${recorder.options.tracerEntries}) or filter (--max-stack-depth, --min-duration)\n`;
      }
      if (text !== '') writeStderr(text);
    }
    return count;
  }

  const runtime: NodeRuntime = {
    protocol: PROTOCOL_VERSION,
    register: recorder.register,
    recorder,
    options: opts,
    tracer: createLogFacade(recorder),
    saveTrace,
    uninstall() {
      recorder.stop();
      triggers?.remove();
      if (onExit !== undefined) process.removeListener('exit', onExit);
      gc?.stop();
      restoreConsole?.();
      if (g[GLOBAL_NAME] === runtime) delete g[GLOBAL_NAME];
    },
  };
  g[GLOBAL_NAME] = runtime;
  if (opts.logPrint) {
    // Formatted once and written as text: a custom inspect hook runs once, as without tracing.
    restoreConsole = installPrintLog(console as unknown as Record<string, unknown>, recorder, {
      hide: opts.hidePrint, format: (args) => format(...args), write: 'text',
    });
  }
  if (opts.logGc) gc = installGcLog(recorder);
  if (opts.autoStart) recorder.start();
  if (isMainThread && opts.saveOnExit) {
    triggers = installSaveTriggers(() => saveQuietly(() => saveTrace()));
    // Registered after the triggers' own exit listener, so it runs after the last save.
    onExit = () => saveQuietly(() => removeWorkerThreads(opts.output));
  } else if (opts.saveOnExit) {
    // A worker thread hands its recording to the main thread's save when it ends.
    onExit = () => saveQuietly(() => saveWorkerThread(recorder.snapshot(), opts.output));
  }
  if (onExit !== undefined) process.on('exit', onExit);
  if (triggers !== undefined && opts.partsDir !== undefined) announcePart(opts.partsDir);
  return runtime;
}

/**
 * A Vitest test process is named after its test files, from Vitest's worker state (best effort:
 * `ctx.files` lists every file the process ran, `filepath` the current one).
 */
function testProcessName(root: string): string | undefined {
  const worker = (globalThis as { __vitest_worker__?: { filepath?: unknown; ctx?: { files?: unknown } } }).__vitest_worker__;
  if (typeof worker !== 'object' || worker === null) return undefined;
  const listed = Array.isArray(worker.ctx?.files) ? worker.ctx.files as unknown[] : [];
  const files = listed.map((f) => (typeof f === 'string' ? f : (f as { filepath?: unknown } | null)?.filepath))
    .filter((f): f is string => typeof f === 'string');
  if (files.length === 0 && typeof worker.filepath === 'string') files.push(worker.filepath);
  if (files.length === 0) return undefined;
  const shown = path.relative(root, files[0]!).split(path.sep).join('/');
  return files.length === 1 ? `vitest ${shown}` : `vitest ${shown} +${files.length - 1} more`;
}

/**
 * `<pid>.started` in the parts directory: whoever combines the parts waits for this process's
 * `<pid>.json` (or its end) before combining.
 */
function announcePart(partsDir: string): void {
  try {
    fs.mkdirSync(partsDir, { recursive: true });
    fs.writeFileSync(path.join(partsDir, `${process.pid}.started`), '');
  } catch (error) {
    writeStderr(`viztracer: ${error instanceof Error ? error.message : String(error)}\n`);
  }
}

export function isNodeRuntime(value: unknown): value is NodeRuntime {
  return typeof value === 'object' && value !== null && typeof (value as NodeRuntime).saveTrace === 'function'
    && typeof (value as NodeRuntime).register === 'function';
}

/** The exit path must not throw (it would replace the program's exit code and error). */
function saveQuietly(save: () => unknown): void {
  try {
    save();
  } catch (error) {
    writeStderr(`viztracer: ${error instanceof Error ? error.message : String(error)}\n`);
  }
}

/** Synchronous even when stderr is a pipe, and safe inside 'exit'. */
function writeStderr(text: string): void {
  try {
    fs.writeSync(2, text);
  } catch {
    // stderr closed: nothing we can do
  }
}

/** Saves the installed Node runtime's trace now (what the exit path calls); returns the events written. */
export function saveTrace(): number {
  const runtime = (globalThis as Record<string, unknown>)[GLOBAL_NAME];
  if (!isNodeRuntime(runtime)) throw new VizTracerError('INTERNAL', 'saveTrace(): the Node runtime is not installed');
  return runtime.saveTrace();
}
