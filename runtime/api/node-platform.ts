/**
 * The API on Node: attach to the runtime `viztracer` (or a preload) installed, or install one
 * that waits for start() and saves only when asked.
 */
import path from 'node:path';
import { installNodeRuntime, isNodeRuntime, type NodeRuntime } from '../install-node.js';
import { GLOBAL_NAME } from '../probe-protocol.js';
import { VizTracerError } from '../viztracer-error.js';
import type { ResolvedApiOptions } from './api-options.js';
import { resetForNewTracer, type Platform, type RuntimeLink } from './platform.js';

function linkTo(runtime: NodeRuntime, owned: boolean): RuntimeLink {
  return {
    recorder: runtime.recorder,
    owned,
    save: (output) => runtime.saveTrace(output === undefined ? undefined : path.resolve(output)),
    setTracer(tracer) {
      runtime.tracer = tracer;
    },
  };
}

/** Runtimes a VizTracer installed: a new VizTracer takes one over with a clean slate, as a new tracer. */
const installedByApi = new WeakSet<object>();

function installedRuntime(): NodeRuntime | undefined {
  const existing = (globalThis as Record<string, unknown>)[GLOBAL_NAME];
  if (existing === undefined) return undefined;
  if (isNodeRuntime(existing)) return existing;
  throw new VizTracerError('INTERNAL', `globalThis.${GLOBAL_NAME} is set by something other than the Node runtime (a browser build?)`);
}

export const nodePlatform: Platform = {
  name: 'node',
  installed() {
    const runtime = installedRuntime();
    return runtime === undefined ? undefined : linkTo(runtime, false);
  },
  recorder: () => installedRuntime()?.recorder,
  link(o) {
    const existing = installedRuntime();
    if (existing !== undefined && installedByApi.has(existing)) {
      resetForNewTracer(existing.recorder);
      return linkTo(existing, true);
    }
    if (existing !== undefined) {
      warnIgnored(o, existing);
      return linkTo(existing, false);
    }
    const runtime = installNodeRuntime({
      output: path.resolve(o.outputFile),
      root: process.cwd(),
      tracerEntries: o.tracerEntries,
      maxStackDepth: o.maxStackDepth,
      minDuration: o.minDurationNs,
      quiet: o.quiet,
      ...(o.processName === undefined ? {} : { processName: o.processName }),
      logPrint: o.logPrint,
      hidePrint: o.hidePrint,
      logGc: o.logGc,
      logSparse: o.logSparse,
      reprLimit: o.reprLimit,
      autoStart: false,
      saveOnExit: false,
    });
    installedByApi.add(runtime);
    return linkTo(runtime, true);
  },
};

/** Options a runtime installed by the CLI (or a plugin build) fixed already: say so instead of ignoring them silently. */
function warnIgnored(o: ResolvedApiOptions, runtime: NodeRuntime): void {
  const r = runtime.options;
  const ignored = [
    o.logPrint && !r.logPrint ? 'logPrint (--log-print)' : '',
    o.logGc && !r.logGc ? 'logGc (--log-gc)' : '',
    o.logSparse && !r.logSparse ? 'logSparse (--log-sparse)' : '',
  ].filter(Boolean);
  if (ignored.length > 0) {
    process.stderr.write(`viztracer: new VizTracer(): ${ignored.join(', ')} ignored: the runtime is already installed `
      + '(the program runs under viztracer or a plugin build); give these options to it\n');
  }
}
