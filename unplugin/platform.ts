/**
 * Which runtime a bundle gets when `platform` is 'auto': what the bundler itself was told about
 * where the code runs. Rollup and Rolldown are told nothing we can rely on: Node.
 */
import type { Target } from './runtime-module.js';

/** What the bundler's own configuration says, collected by the per-bundler hooks. */
export interface BundlerFacts {
  framework: string;
  /** Vite `root`, webpack/Rspack `context`, esbuild `absWorkingDir`. */
  root?: string | undefined;
  /** Vite `serve` (dev server): browser pages save through its endpoint. */
  serving?: boolean;
  /** esbuild `sourcemap`, Vite `build.sourcemap`: whether the bundle gets a map (wants-source-map.ts). */
  sourcemap?: boolean;
  /** Read lazily: webpack applies its target defaults after the plugins. */
  target?: () => Target;
}

/** esbuild's own default platform is 'browser'; 'neutral' code cannot use node: built-ins either. */
export const targetFromEsbuild = (platform: string | undefined): Target => (platform === 'node' ? 'node' : 'browser');

/** webpack/Rspack `target`: 'node', 'node20', 'async-node', 'electron-main', or a list of them. */
export function targetFromWebpack(target: unknown): Target {
  const list = Array.isArray(target) ? target : [target];
  return list.some((t) => typeof t === 'string' && /^(?:async-)?node|^electron-(?:main|preload)|^nwjs/.test(t)) ? 'node' : 'browser';
}

/**
 * Vite: per environment. `this.environment.config.consumer` (Vite 6+) is 'server' for SSR; older
 * hooks pass `{ ssr: true }` to load. Undefined outside Vite.
 */
export function targetFromVite(context: unknown, loadOptions: unknown): Target | undefined {
  const consumer = (context as { environment?: { config?: { consumer?: string } } } | undefined)?.environment?.config?.consumer;
  if (consumer === 'server') return 'node';
  if (consumer === 'client') return 'browser';
  const ssr = (loadOptions as { ssr?: boolean } | undefined)?.ssr;
  return ssr === undefined ? undefined : ssr ? 'node' : 'browser';
}
