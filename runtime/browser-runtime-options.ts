/** Options of installBrowserRuntime, validated once here (unknown keys are rejected). */
import { parseDuration } from './parse-duration.js';
import type { RuntimeLogOptions } from './runtime-log-options.js';
import { VizTracerError } from './viztracer-error.js';

export interface BrowserRuntimeOptions extends RuntimeLogOptions {
  /** Ring-buffer capacity in calls, per thread (page and each worker); the newest are kept. @default 1_000_000 */
  tracerEntries?: number;
  /** Calls at stack depth >= N (0-based) are not recorded. @default unlimited */
  maxStackDepth?: number;
  /** Calls shorter than this are not recorded ("10us", "0.2ms"; a bare number is µs). @default "0" */
  minDuration?: string;
  /**
   * Where `save()` POSTs the trace: the Vite dev server's endpoint (vite-dev-server.ts). Without
   * one, or when the POST fails, `save()` downloads `result.json` instead.
   * @default undefined (download)
   */
  endpoint?: string;
  /** Also save whenever the page becomes hidden (tab switched or closed). @default false */
  saveOnPageHide?: boolean;
  /** Project root, for information (sources are attached by the dev server, which knows it). @default undefined */
  root?: string;
}

export interface ResolvedBrowserRuntimeOptions {
  tracerEntries: number | undefined;
  maxStackDepth: number | undefined;
  minDuration: bigint;
  endpoint: string | undefined;
  saveOnPageHide: boolean;
  logPrint: boolean;
  hidePrint: boolean;
  logSparse: boolean;
  reprLimit: number | undefined;
  autoStart: boolean;
  /** logGc was asked for: the runtime warns that it is Node-only (a page must not fail to load over it). */
  logGcAsked: boolean;
}

const FLAGS = ['saveOnPageHide', 'logPrint', 'hidePrint', 'logGc', 'logSparse', 'autoStart'] as const;
const KEYS = new Set(['tracerEntries', 'maxStackDepth', 'minDuration', 'endpoint', 'root', 'reprLimit', ...FLAGS]);

export function resolveBrowserRuntimeOptions(options: BrowserRuntimeOptions | undefined): ResolvedBrowserRuntimeOptions {
  const o = options ?? {};
  if (typeof o !== 'object') throw new VizTracerError('INVALID_OPTION', 'installBrowserRuntime expects an options object');
  for (const key of Object.keys(o)) {
    if (!KEYS.has(key)) throw new VizTracerError('UNKNOWN_OPTION', `unknown browser runtime option "${key}"`);
  }
  if (o.endpoint !== undefined && (typeof o.endpoint !== 'string' || o.endpoint === '')) {
    throw new VizTracerError('INVALID_OPTION', `"endpoint" must be a URL path, got ${JSON.stringify(o.endpoint)}`);
  }
  for (const flag of FLAGS) {
    const v = o[flag];
    if (v !== undefined && typeof v !== 'boolean') throw new VizTracerError('INVALID_OPTION', `"${flag}" must be a boolean, got ${String(v)}`);
  }

  return {
    tracerEntries: o.tracerEntries,
    maxStackDepth: o.maxStackDepth === -1 ? undefined : o.maxStackDepth,
    minDuration: o.minDuration === undefined ? 0n : parseDuration(o.minDuration),
    endpoint: o.endpoint,
    saveOnPageHide: o.saveOnPageHide ?? false,
    logPrint: o.logPrint ?? false,
    hidePrint: o.hidePrint ?? false,
    logSparse: o.logSparse ?? false,
    reprLimit: o.reprLimit,
    autoStart: o.autoStart ?? true,
    logGcAsked: o.logGc === true,
  };
}
