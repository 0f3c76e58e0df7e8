/**
 * The runtime, injected once per bundle: every instrumented module imports one virtual module,
 * which the bundler includes once and evaluates before the importing module's body. It installs
 * `globalThis.__viztracer__` (probes register lazily, at the first call, so that is early enough).
 * The runtime itself is bundled from this package's dist/, never instrumented.
 */
import { fileURLToPath } from 'node:url';
import type { ResolvedPluginOptions } from './options.js';

/**
 * What instrumented modules import; resolveId maps it to RUNTIME_ID. webpack and Rspack read a
 * `scheme:` request as a URI before any resolver runs, so there it is a relative request instead.
 */
export const runtimeSpecifier = (framework: string): string =>
  framework === 'webpack' || framework === 'rspack' ? './__viztracer_runtime__' : 'virtual:viztracer/runtime';
/** Rollup's convention for virtual modules: `\0` keeps other plugins (and our transform) off it. */
export const RUNTIME_ID = '\0viztracer-runtime';

/** This package's dist/ (this file is dist/unplugin/runtime-module.js): excluded from instrumentation. */
export const OWN_DIST = fileURLToPath(new URL('../', import.meta.url));

const runtimeFile = (name: string): string => fileURLToPath(new URL(`../runtime/${name}.js`, import.meta.url)).replace(/\\/g, '/');

/** Where a runtime goes: decided per bundle (and per Vite environment). */
export type Target =
  | 'node' // installNodeRuntime: save to outputFile at exit
  | 'browser'; // installBrowserRuntime: save through the dev server endpoint or a download

export interface RuntimeModuleOptions {
  target: Target;
  root: string;
  /** Absolute path (Node targets). */
  output: string;
  /** Browser targets in a dev server: where the page posts the trace. */
  endpoint?: string;
  /** Node targets under Vitest: each process writes a part there (vitest-parts.ts). */
  partsDir?: string | undefined;
}

/** The contract of runtime/install-browser.ts `installBrowserRuntime(options)`. */
interface BrowserRuntimeOptions {
  tracerEntries?: number;
  maxStackDepth?: number;
  minDuration?: string;
  endpoint?: string;
  saveOnPageHide?: boolean;
  logPrint?: boolean;
  hidePrint?: boolean;
  logGc?: boolean;
  logSparse?: boolean;
  reprLimit?: number;
}

/** The virtual module's source: one import of the runtime and one call with the build's options. */
export function runtimeModuleCode(options: ResolvedPluginOptions, where: RuntimeModuleOptions): string {
  const common = {
    tracerEntries: options.tracerEntries,
    maxStackDepth: options.maxStackDepth,
    minDuration: options.minDuration,
    // Only the runtime log options that were set: a build without them gets the same module as before.
    ...(options.logPrint ? { logPrint: true } : {}),
    ...(options.hidePrint ? { hidePrint: true } : {}),
    ...(options.logGc ? { logGc: true } : {}),
    ...(options.logSparse ? { logSparse: true } : {}),
    ...(options.reprLimit !== undefined ? { reprLimit: options.reprLimit } : {}),
  };
  if (where.target === 'node') {
    const args = { output: where.output, ...(where.partsDir ? { partsDir: where.partsDir } : {}), root: where.root, ...common, quiet: options.quiet };
    return `import { installNodeRuntime } from ${JSON.stringify(runtimeFile('install-node'))};\n`
      + `installNodeRuntime(${JSON.stringify(args)});\n`;
  }
  const args: BrowserRuntimeOptions = { ...common, ...(where.endpoint ? { endpoint: where.endpoint } : {}), ...(options.saveOnPageHide ? { saveOnPageHide: true } : {}) };
  return `import { installBrowserRuntime } from ${JSON.stringify(runtimeFile('install-browser'))};\n`
    + `installBrowserRuntime(${JSON.stringify(args)});\n`;
}
