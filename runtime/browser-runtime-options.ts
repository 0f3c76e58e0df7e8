/** Options of installBrowserRuntime, validated once here (unknown keys are rejected). */
import { parseDuration } from './parse-duration.js';
import { VizTracerError } from './viztracer-error.js';

export interface BrowserRuntimeOptions {
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
}

const KEYS = new Set(['tracerEntries', 'maxStackDepth', 'minDuration', 'endpoint', 'saveOnPageHide', 'root']);

export function resolveBrowserRuntimeOptions(options: BrowserRuntimeOptions | undefined): ResolvedBrowserRuntimeOptions {
  const o = options ?? {};
  if (typeof o !== 'object') throw new VizTracerError('INVALID_OPTION', 'installBrowserRuntime expects an options object');
  for (const key of Object.keys(o)) {
    if (!KEYS.has(key)) throw new VizTracerError('UNKNOWN_OPTION', `unknown browser runtime option "${key}"`);
  }
  if (o.endpoint !== undefined && (typeof o.endpoint !== 'string' || o.endpoint === '')) {
    throw new VizTracerError('INVALID_OPTION', `"endpoint" must be a URL path, got ${JSON.stringify(o.endpoint)}`);
  }
  if (o.saveOnPageHide !== undefined && typeof o.saveOnPageHide !== 'boolean') {
    throw new VizTracerError('INVALID_OPTION', `"saveOnPageHide" must be a boolean, got ${String(o.saveOnPageHide)}`);
  }
  return {
    tracerEntries: o.tracerEntries,
    maxStackDepth: o.maxStackDepth === -1 ? undefined : o.maxStackDepth,
    minDuration: o.minDuration === undefined ? 0n : parseDuration(o.minDuration),
    endpoint: o.endpoint,
    saveOnPageHide: o.saveOnPageHide ?? false,
  };
}
