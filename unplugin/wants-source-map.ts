/**
 * Whether the bundler will use the source map a transform returns. On a build without maps,
 * generating ours (and base64-inlining it for esbuild) was about a third of the plugin's cost, so
 * it is made only when asked for. Rollup and Rolldown only learn whether they write maps from the
 * output options, after the transforms ran: they always get one.
 */
import type { BundlerFacts } from './platform.js';

interface TransformContext {
  /** webpack/Rspack (unplugin 3): the loader context, whose `sourceMap` follows `devtool`. */
  getNativeBuildContext?: () => { loaderContext?: { sourceMap?: boolean } } | undefined;
  /** Vite 6+: per-environment config (SSR and client builds can differ). */
  environment?: { config?: { build?: { sourcemap?: unknown } } };
}

export function wantsSourceMap(context: unknown, facts: BundlerFacts): boolean {
  const ctx = (context ?? {}) as TransformContext;
  switch (facts.framework) {
    case 'esbuild':
      return facts.sourcemap ?? true;
    case 'webpack':
    case 'rspack':
      return ctx.getNativeBuildContext?.()?.loaderContext?.sourceMap !== false;
    case 'vite': {
      // The dev server (and Vitest) always serves maps: stack traces and breakpoints use them.
      if (facts.serving !== false) return true;
      const build = ctx.environment?.config?.build;
      return build ? Boolean(build.sourcemap) : facts.sourcemap ?? true;
    }
    default:
      return true;
  }
}
