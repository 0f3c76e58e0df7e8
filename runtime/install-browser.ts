/**
 * The browser runtime: a recorder on the performance.now clock, installed as
 * globalThis.__viztracer__ in the page and in every web worker (each its own thread track),
 * recording from the start. `__viztracer__.save()` gathers the page's and the workers' threads
 * into one Chrome trace and POSTs it to the Vite dev server (which writes it to the configured
 * outputFile with the sources attached) or, in any other build, downloads `result.json`.
 * With `saveOnPageHide` it also saves whenever the page becomes hidden.
 */
import { browserGlobals, isDedicatedWorker, type BrowserGlobals } from './browser-globals.js';
import { createPerformanceClock, createWallClock } from './browser-clock.js';
import { resolveBrowserRuntimeOptions, type BrowserRuntimeOptions, type ResolvedBrowserRuntimeOptions } from './browser-runtime-options.js';
import { downloadTrace, postTrace, traceBlob, type SaveResult } from './browser-save.js';
import { fromThreadData, toThreadData, type ThreadData } from './browser-thread-data.js';
import { linkToParent, linkWorkers, type WorkerChild } from './browser-worker-link.js';
import { createLogFacade, type LogFacade } from './api/custom-events.js';
import { installPrintLog, safeJoin } from './print-log.js';
import { GLOBAL_NAME, PROTOCOL_VERSION, type ProbeRuntime } from './probe-protocol.js';
import { createRecorder, type Recorder } from './recorder.js';
import type { TraceThread } from './trace-body.js';
import { VizTracerError } from './viztracer-error.js';

export type { BrowserRuntimeOptions } from './browser-runtime-options.js';
export type { SaveResult } from './browser-save.js';

export interface BrowserRuntime extends ProbeRuntime {
  readonly recorder: Recorder;
  readonly options: ResolvedBrowserRuntimeOptions;
  /** What magic comments call: a small facade until a VizTracer is created, then that VizTracer. */
  tracer: LogFacade;
  /** Saves the page's and its workers' threads (from a worker: asks the page to); `name` names a download. */
  save(name?: string): Promise<SaveResult | undefined>;
  /** Resume / pause recording in this context. */
  start(): void;
  stop(): void;
  /** Forget what this context recorded so far. */
  clear(): void;
  /** Stops recording, restores `Worker` and removes the global (for tests). */
  uninstall(): void;
}

/** How long save() waits for a worker busy in a long task. */
const WORKER_TIMEOUT_MS = 3000;

export function installBrowserRuntime(options: BrowserRuntimeOptions = {}): BrowserRuntime {
  const g = browserGlobals();
  const slot = globalThis as Record<string, unknown>;
  const existing = slot[GLOBAL_NAME];
  if (existing !== undefined) {
    if (isBrowserRuntime(existing)) return existing;
    throw new VizTracerError('INTERNAL', `globalThis.${GLOBAL_NAME} is already set by something else (another viztracer copy?)`);
  }
  const opts = resolveBrowserRuntimeOptions(options);
  const recorder = createRecorder({
    clock: createPerformanceClock(g.performance),
    wallClock: createWallClock(g.performance),
    tracerEntries: opts.tracerEntries,
    maxStackDepth: opts.maxStackDepth,
    minDuration: opts.minDuration,
    reprLimit: opts.reprLimit,
    logSparse: opts.logSparse,
  });
  const inWorker = g.WorkerGlobalScope !== undefined;
  const ownThread = (): ThreadData => toThreadData(recorder.snapshot(), g.name || undefined, g.performance.timeOrigin);
  const workers = linkWorkers(g, () => void saveQuietly(save));
  const collect = async (): Promise<ThreadData[]> => {
    const nested = await workers.collect(WORKER_TIMEOUT_MS);
    return [ownThread(), ...nested];
  };
  const parent: WorkerChild | undefined = isDedicatedWorker(g) ? linkToParent(g, ownThread, collect) : undefined;

  async function save(name?: string): Promise<SaveResult | undefined> {
    if (parent) {
      parent.requestSave();
      return undefined;
    }
    const nested = await workers.collect(WORKER_TIMEOUT_MS);
    // Taken after the await and consumed right away: a snapshot is a view into the live ring.
    const threads: TraceThread[] = [{ tid: 1, name: inWorker ? g.name || 'Worker' : 'MainThread', snapshot: recorder.snapshot() }];
    nested.forEach((data, i) => {
      threads.push({ tid: i + 2, name: data.name ?? `Worker ${i + 1}`, snapshot: fromThreadData(data, g.performance.timeOrigin) });
    });
    const { blob, events } = traceBlob(threads, 'browser');
    const result = { events, threads: threads.length };
    if (opts.endpoint !== undefined) {
      try {
        const path = await postTrace(g, opts.endpoint, blob);
        g.console.info(`viztracer: saved ${events} events to ${path}`);
        return { ...result, via: 'dev-server', path };
      } catch (error) {
        g.console.warn(`viztracer: could not send the trace to ${opts.endpoint} (${String(error)}); downloading it instead`);
      }
    }
    if (!downloadTrace(g, blob, name)) {
      throw new VizTracerError('WRITE_FAILED', 'save(): no dev server endpoint and no document to download from (a worker without a traced page)');
    }
    return { ...result, via: 'download' };
  }

  const runtime: BrowserRuntime = {
    protocol: PROTOCOL_VERSION,
    register: recorder.register,
    recorder,
    options: opts,
    tracer: createLogFacade(recorder),
    save,
    start: () => recorder.start(),
    stop: () => recorder.stop(),
    clear: () => recorder.clear(),
    uninstall() {
      recorder.stop();
      workers.restore();
      if (slot[GLOBAL_NAME] === runtime) delete slot[GLOBAL_NAME];
    },
  };
  slot[GLOBAL_NAME] = runtime;
  if (opts.logPrint) {
    // The original methods get the original arguments: the DevTools console keeps live objects.
    installPrintLog(g.console as unknown as Record<string, unknown>, recorder, {
      hide: opts.hidePrint, format: (args) => safeJoin(args, recorder), write: 'args',
    });
  }
  if (opts.logGcAsked) g.console.warn('viztracer: --log-gc is Node-only: browsers report no garbage collections to pages; no GC events are recorded');
  if (opts.autoStart) recorder.start();
  if (opts.saveOnPageHide && g.document) {
    const doc = g.document;
    doc.addEventListener('visibilitychange', () => {
      if (doc.visibilityState === 'hidden') void saveQuietly(save);
    });
  }
  return runtime;
}

export function isBrowserRuntime(value: unknown): value is BrowserRuntime {
  return typeof value === 'object' && value !== null && typeof (value as BrowserRuntime).save === 'function'
    && typeof (value as BrowserRuntime).register === 'function';
}

/** Saves started by the runtime itself (page hide, a worker's request) report instead of rejecting. */
async function saveQuietly(save: () => Promise<unknown>): Promise<void> {
  try {
    await save();
  } catch (error) {
    (globalThis as unknown as BrowserGlobals).console.error(`viztracer: ${error instanceof Error ? error.message : String(error)}`);
  }
}
