/**
 * The API in browsers and web workers: attach to the runtime a bundler plugin installed, or
 * install the browser runtime (waiting for start()). save() downloads the trace, or POSTs it to
 * the Vite dev server when the plugin configured one.
 */
import { installBrowserRuntime, isBrowserRuntime, type BrowserRuntime } from '../install-browser.js';
import { GLOBAL_NAME } from '../probe-protocol.js';
import { VizTracerError } from '../viztracer-error.js';
import { resetForNewTracer, type Platform, type RuntimeLink } from './platform.js';

function linkTo(runtime: BrowserRuntime, owned: boolean): RuntimeLink {
  return {
    recorder: runtime.recorder,
    owned,
    save: async (output) => {
      // A download is named by the last path segment; the dev server writes where it was configured.
      const name = output === undefined ? undefined : output.slice(output.lastIndexOf('/') + 1);
      const result = await runtime.save(name);
      return result?.events ?? 0;
    },
    setTracer(tracer) {
      runtime.tracer = tracer;
    },
  };
}

/** Runtimes a VizTracer installed: a new VizTracer takes one over with a clean slate, as a new tracer. */
const installedByApi = new WeakSet<object>();

function installedRuntime(): BrowserRuntime | undefined {
  const existing = (globalThis as Record<string, unknown>)[GLOBAL_NAME];
  if (existing === undefined) return undefined;
  if (isBrowserRuntime(existing)) return existing;
  throw new VizTracerError('INTERNAL', `globalThis.${GLOBAL_NAME} is set by something other than the browser runtime`);
}

export const browserPlatform: Platform = {
  name: 'browser',
  installed() {
    const runtime = installedRuntime();
    return runtime === undefined ? undefined : linkTo(runtime, false);
  },
  recorder: () => installedRuntime()?.recorder,
  link(o) {
    if (o.logGc) throw new VizTracerError('NOT_SUPPORTED', 'option "logGc" is Node-only: browsers report no garbage collections to pages');
    const existing = installedRuntime();
    if (existing !== undefined && installedByApi.has(existing)) {
      resetForNewTracer(existing.recorder);
      return linkTo(existing, true);
    }
    if (existing !== undefined) return linkTo(existing, false);
    const runtime = installBrowserRuntime({
      tracerEntries: o.tracerEntries,
      maxStackDepth: o.maxStackDepth,
      minDuration: o.minDurationText,
      logPrint: o.logPrint,
      hidePrint: o.hidePrint,
      logSparse: o.logSparse,
      reprLimit: o.reprLimit,
      autoStart: false,
    });
    installedByApi.add(runtime);
    return linkTo(runtime, true);
  },
};
