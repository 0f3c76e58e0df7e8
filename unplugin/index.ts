/**
 * The one unplugin core behind viztracer/vite, /rollup, /rolldown, /webpack, /rspack and /esbuild.
 * It instruments each module's original source (`enforce: 'pre'`, before any TS stripping, so
 * names and lines are the TypeScript ones) and makes every instrumented module import one virtual
 * runtime module, so the bundle installs the runtime once, before the first probe runs.
 */
import { resolve } from 'node:path';
import { createUnplugin, type UnpluginFactory, type UnpluginInstance } from 'unplugin';
import { injectRuntime, moduleSyntax, sourceKindOf, type ModuleSyntax } from './inject-runtime.js';
import { instrumentInPool } from './instrument-pool.js';
import { resolvePluginOptions, toIdPatterns, type VizTracerPluginOptions } from './options.js';
import { targetFromEsbuild, targetFromVite, targetFromWebpack, type BundlerFacts } from './platform.js';
import { DEFAULT_ENDPOINT, viteDevServer } from './vite-dev-server.js';
import { clearParts, combineParts, partsDirOf, underVitest } from './vitest-parts.js';
import { wantsSourceMap } from './wants-source-map.js';
import { OWN_DIST, RUNTIME_ID, runtimeModuleCode, runtimeSpecifier } from './runtime-module.js';

export type { Platform, VizTracerPluginOptions } from './options.js';

/** The only files we parse: JS and TS, with or without JSX (a query such as `?v=1` is ignored). */
const SCRIPT_FILE = /\.[cm]?[jt]sx?$/;

/**
 * webpack/Rspack: the virtual module lives under the project (`_virtual_%00viztracer-runtime`),
 * so a project's `"sideEffects": false` would drop our binding-less import of it.
 */
const KEEP_RUNTIME_RULE = { test: /%00viztracer-runtime$/, sideEffects: true };

const escapeRegExp = (text: string): string => text.replace(/[\\^$*+?.()|[\]{}]/g, '\\$&');

export const unpluginFactory: UnpluginFactory<VizTracerPluginOptions | undefined> = (rawOptions, meta) => {
  const options = resolvePluginOptions(rawOptions);
  const facts: BundlerFacts = { framework: meta.framework };
  const root = (): string => options.root ?? facts.root ?? process.cwd();
  // Relative patterns are resolved against the root; the bundler's root is only known once its
  // config hook ran, so the filter is rebuilt then (esbuild, webpack, Rspack and Vite read it after).
  const idFilter: { include?: string[]; exclude: (string | RegExp)[] } = { exclude: [] };
  const setFilterRoot = (patternRoot: string): void => {
    idFilter.include = options.include?.flatMap((p) => toIdPatterns(p, patternRoot));
    idFilter.exclude = [/^\0/, ...(optInNodeModules ? [] : [/[\\/]node_modules[\\/]/]), `${OWN_DIST.replace(/\\/g, '/')}**`, ...options.exclude.flatMap((p) => toIdPatterns(p, patternRoot))];
  };
  const optInNodeModules = options.include?.some((p) => p.includes('node_modules')) === true;
  setFilterRoot(root());
  const learnRoot = (bundlerRoot: string | undefined): void => {
    facts.root = bundlerRoot;
    if (options.root === undefined && bundlerRoot !== undefined) setFilterRoot(bundlerRoot);
  };
  const specifier = runtimeSpecifier(meta.framework);
  // Under Vitest: the parts of the test processes being combined (vitest-parts.ts).
  let combining: Promise<void> | undefined;
  // Rollup reads every module as ESM (`require` needs a plugin) and Vite serves scripts as ESM in dev:
  // import there. Elsewhere a script without import/export gets a `require`, so it stays a
  // (possibly sloppy-mode) script; CommonJS always does, or the bundler would read it as ESM.
  const asImport = (syntax: ModuleSyntax): boolean =>
    meta.framework === 'rollup' || syntax === 'esm' || (syntax === 'none' && meta.framework === 'vite');

  return {
    name: 'viztracer',
    enforce: 'pre',

    resolveId: {
      filter: { id: new RegExp(`^${escapeRegExp(specifier)}$`) },
      // esbuild keeps it in our namespace and would print a `\0` into the bundle's comments.
      // moduleSideEffects: an import with no bindings from a `"sideEffects": false` package stays.
      handler: (id) => (id !== specifier ? null : { id: meta.framework === 'esbuild' ? RUNTIME_ID.slice(1) : RUNTIME_ID, moduleSideEffects: true }),
    },

    load: {
      filter: { id: new RegExp(`^\\0?${escapeRegExp(RUNTIME_ID.slice(1))}$`) },
      handler(this: unknown, id: string, ...rest: unknown[]) {
        if (id.replace(/^\0/, '') !== RUNTIME_ID.slice(1)) return null;
        const target = options.platform !== 'auto' ? options.platform : facts.target?.() ?? targetFromVite(this, rest[0]) ?? 'node';
        // In `vite serve` the page posts its trace to the dev server (vite-dev-server.ts).
        const endpoint = facts.serving ? DEFAULT_ENDPOINT : undefined;
        const output = resolve(root(), options.outputFile);
        // Vitest runs each test file in its own process: one part each, combined at the end.
        const partsDir = target === 'node' && underVitest() ? partsDirOf(output) : undefined;
        return runtimeModuleCode(options, { target, root: root(), output, endpoint, partsDir });
      },
    },

    transform: {
      filter: { id: idFilter },
      async handler(code, id) {
        const file = id.replace(/[?#].*$/, '');
        if (!SCRIPT_FILE.test(file)) return null;
        const syntax = moduleSyntax(file, code);
        let result;
        try {
          const instrumentOptions = { filename: file, root: root(), sourceKind: sourceKindOf(syntax), sourceMap: wantsSourceMap(this, facts), logs: options.logs };
          // esbuild parses in its own process: our thread is free to share the work.
          result = await instrumentInPool(code, instrumentOptions, meta.framework === 'esbuild');
        } catch (error) {
          // A bug of ours must not fail the user's build: the file is bundled as it is.
          this.warn(`viztracer: ${file}: not instrumented: ${error instanceof Error ? error.message : String(error)}`);
          return null;
        }
        for (const warning of result.warnings) this.warn(`viztracer: ${warning} (file not instrumented)`);
        if (!result.instrumented) return null;
        return injectRuntime(result.code, result.map, specifier, asImport(syntax));
      },
    },

    rolldown: {
      options(inputOptions) {
        learnRoot(inputOptions.cwd);
      },
    },
    vite: {
      configResolved(config) {
        learnRoot(config.root);
        facts.serving = config.command === 'serve';
        facts.sourcemap = Boolean(config.build.sourcemap);
      },
      configureServer: viteDevServer({ root: options.root, outputFile: options.outputFile, quiet: options.quiet }) as never,
      buildStart() {
        if (underVitest()) clearParts(resolve(root(), options.outputFile));
      },
      // Vitest closes its server at the end of the run (once per environment: combine once).
      async closeBundle() {
        if (!underVitest()) return;
        combining ??= combineParts(resolve(root(), options.outputFile)).then((message) => {
          if (message !== undefined && !options.quiet) process.stderr.write(`${message}\n`);
        });
        await combining;
      },
    },
    esbuild: {
      // Only our own specifier goes through our onResolve; everything else stays on esbuild's fast path.
      onResolveFilter: new RegExp(`^${escapeRegExp(specifier)}$`),
      // And only scripts and our runtime through our onLoad: a JS round trip per asset is wasted.
      onLoadFilter: new RegExp(`${SCRIPT_FILE.source}|^${escapeRegExp(RUNTIME_ID.slice(1))}$`),
      config(initialOptions) {
        learnRoot(initialOptions.absWorkingDir);
        facts.target = () => targetFromEsbuild(initialOptions.platform);
        // esbuild ignores an input map unless it writes one ('linked', 'inline', 'external', 'both', true).
        facts.sourcemap = Boolean(initialOptions.sourcemap);
      },
    },
    webpack(compiler) {
      learnRoot(compiler.options.context);
      facts.target = () => targetFromWebpack(compiler.options.target);
      compiler.options.module.rules.push(KEEP_RUNTIME_RULE);
    },
    rspack(compiler) {
      learnRoot(compiler.options.context);
      facts.target = () => targetFromWebpack(compiler.options.target);
      compiler.options.module.rules.push(KEEP_RUNTIME_RULE);
    },
  };
};

const core = createUnplugin<VizTracerPluginOptions | undefined, false>(unpluginFactory);

/** webpack and Rspack call the factory only in `apply`: validate when the config is written instead. */
const validatingFirst = <F extends (options?: VizTracerPluginOptions) => unknown>(make: F): F =>
  ((options?: VizTracerPluginOptions) => {
    resolvePluginOptions(options);
    return make(options);
  }) as F;

export const unplugin: UnpluginInstance<VizTracerPluginOptions | undefined, false> = {
  ...core,
  webpack: validatingFirst(core.webpack),
  rspack: validatingFirst(core.rspack),
};

export default unplugin;
