/**
 * One function per bundler: build a fixture program for Node with our plugin (or without it),
 * the way a project would configure that bundler. TS stripping after our pre-transform is test
 * scaffolding: Vite, Rolldown and esbuild strip TS natively, Rollup and webpack get esbuild in a
 * tiny plugin / loader, Rspack its builtin swc loader.
 */
import { transform, build as esbuildBuild } from 'esbuild';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';
import { rollup, type Plugin as RollupPlugin, type RollupLog } from 'rollup';
import type { VizTracerPluginOptions } from '../../unplugin/index.js';
import vtEsbuild from '../../dist/unplugin/esbuild.js';
import vtRolldown from '../../dist/unplugin/rolldown.js';
import vtRollup from '../../dist/unplugin/rollup.js';
import vtRspack from '../../dist/unplugin/rspack.js';
import vtVite from '../../dist/unplugin/vite.js';
import vtWebpack from '../../dist/unplugin/webpack.js';

export const BUNDLERS = ['esbuild', 'rollup', 'rolldown', 'vite', 'webpack', 'rspack'] as const;
export type Bundler = (typeof BUNDLERS)[number];

export interface BuildInput {
  /** Project dir (the fixture case dir): the bundler's root/context/cwd. */
  dir: string;
  /** Entry file name relative to dir. */
  entry: string;
  outDir: string;
  /** Our plugin's options; null = build without the plugin. */
  plugin: VizTracerPluginOptions | null;
}

export interface BuildOutput {
  /** The file to run with node. */
  file: string;
  /** Warnings the bundler reported (ours go through them). */
  warnings: string[];
}

/** CommonJS entries stay CommonJS (`module.exports` needs it); everything else is bundled as ESM. */
export const formatOf = (entry: string): 'esm' | 'cjs' => (/\.c[jt]s$/.test(entry) ? 'cjs' : 'esm');
const ext = (entry: string): string => (formatOf(entry) === 'cjs' ? 'cjs' : 'mjs');

const TS = /\.[cm]?tsx?$/;

/** Rollup has no TS: `./x.js` → `./x.ts` as tsc's NodeNext resolution does, then esbuild strips types. */
function rollupStripTs(): RollupPlugin {
  return {
    name: 'test-strip-ts',
    resolveId(source, importer) {
      if (!importer || !source.startsWith('.') || !source.endsWith('.js')) return null;
      const ts = join(importer, '..', source.replace(/\.js$/, '.ts'));
      return existsSync(ts) ? ts : null;
    },
    async transform(code, id) {
      if (!TS.test(id)) return null;
      const r = await transform(code, { loader: id.endsWith('x') ? 'tsx' : 'ts', sourcemap: true, sourcefile: id, target: 'node20' });
      return { code: r.code, map: r.map };
    },
  };
}

const logText = (log: RollupLog): string => `${log.id ?? ''}${log.loc ? `:${log.loc.line}:${log.loc.column}` : ''} ${log.message}`;

async function buildEsbuild({ dir, entry, outDir, plugin }: BuildInput): Promise<BuildOutput> {
  const file = join(outDir, `main.${ext(entry)}`);
  const r = await esbuildBuild({
    absWorkingDir: dir, entryPoints: [entry], bundle: true, platform: 'node', format: formatOf(entry), target: 'node20',
    outfile: file, sourcemap: true, logLevel: 'silent', plugins: plugin ? [vtEsbuild(plugin)] : [],
  });
  return { file, warnings: r.warnings.map((w) => `${w.location ? `${w.location.file}:${w.location.line}:${w.location.column} ` : ''}${w.text}`) };
}

async function buildRollup({ dir, entry, outDir, plugin }: BuildInput): Promise<BuildOutput> {
  const warnings: string[] = [];
  const bundle = await rollup({
    input: join(dir, entry),
    external: [/^node:/],
    plugins: [...(plugin ? [vtRollup({ root: dir, ...plugin })] : []), rollupStripTs()],
    onwarn: (w) => void warnings.push(logText(w)),
  });
  const file = join(outDir, `main.${ext(entry)}`);
  await bundle.write({ file, format: formatOf(entry), sourcemap: true });
  await bundle.close();
  return { file, warnings };
}

async function buildRolldown({ dir, entry, outDir, plugin }: BuildInput): Promise<BuildOutput> {
  const warnings: string[] = [];
  const bundle = await rolldown({
    input: join(dir, entry),
    cwd: dir,
    platform: 'node',
    resolve: { extensionAlias: { '.js': ['.ts', '.js'] } },
    plugins: plugin ? [vtRolldown(plugin)] : [],
    onLog: (_level, log) => void warnings.push(logText(log as RollupLog)),
  });
  const file = join(outDir, `main.${ext(entry)}`);
  await bundle.write({ file, format: formatOf(entry), sourcemap: true });
  await bundle.close();
  return { file, warnings };
}

async function buildVite({ dir, entry, outDir, plugin }: BuildInput): Promise<BuildOutput> {
  const { build } = await import('vite');
  const warnings: string[] = [];
  const name = `main.${ext(entry)}`;
  await build({
    root: dir, configFile: false, logLevel: 'silent',
    plugins: plugin ? [vtVite(plugin)] : [],
    customLogger: undefined,
    build: {
      ssr: entry, outDir, emptyOutDir: false, sourcemap: true, minify: false,
      rollupOptions: { output: { format: formatOf(entry), entryFileNames: name }, onwarn: (w) => void warnings.push(logText(w)) },
    },
  });
  return { file: join(outDir, name), warnings };
}

const webpackResolve = { extensions: ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs'], extensionAlias: { '.js': ['.ts', '.js'] } };

async function runCompiler(compiler: { run(cb: (err: Error | null, stats?: unknown) => void): void; close(cb: () => void): void }): Promise<string[]> {
  const stats = await new Promise<{ hasErrors(): boolean; toJson(o: unknown): { errors?: { message: string; moduleName?: string }[]; warnings?: { message: string }[] } }>((res, rej) =>
    compiler.run((err, s) => (err ? rej(err) : res(s as never))));
  await new Promise<void>((res) => compiler.close(() => res()));
  const json = stats.toJson({ all: false, errors: true, warnings: true });
  if (stats.hasErrors()) throw new Error(json.errors!.map((e) => `${e.moduleName ?? ''}: ${e.message}`).join('\n'));
  return (json.warnings ?? []).map((w) => w.message);
}

async function buildWebpack({ dir, entry, outDir, plugin }: BuildInput): Promise<BuildOutput> {
  const { default: webpack } = await import('webpack');
  const compiler = webpack({
    mode: 'none', context: dir, entry: `./${entry}`, target: 'node', devtool: 'source-map',
    output: { path: outDir, filename: 'main.cjs', library: { type: 'commonjs2' } },
    resolve: webpackResolve,
    module: { rules: [{ test: TS, loader: fileURLToPath(new URL('strip-ts-loader.cjs', import.meta.url)), type: 'javascript/auto' }] },
    plugins: plugin ? [vtWebpack(plugin)] : [],
  });
  return { file: join(outDir, 'main.cjs'), warnings: await runCompiler(compiler as never) };
}

async function buildRspack({ dir, entry, outDir, plugin }: BuildInput): Promise<BuildOutput> {
  const { rspack } = await import('@rspack/core');
  const compiler = rspack({
    mode: 'none', context: dir, entry: `./${entry}`, target: 'node', devtool: 'source-map',
    output: { path: outDir, filename: 'main.cjs', library: { type: 'commonjs2' } },
    resolve: webpackResolve,
    module: { rules: [{ test: TS, loader: 'builtin:swc-loader', options: { jsc: { target: 'es2022', parser: { syntax: 'typescript', decorators: true }, transform: { decoratorVersion: '2022-03' } } }, type: 'javascript/auto' }] },
    plugins: plugin ? [vtRspack(plugin)] : [],
  });
  return { file: join(outDir, 'main.cjs'), warnings: await runCompiler(compiler as never) };
}

export const buildWith: Record<Bundler, (input: BuildInput) => Promise<BuildOutput>> = {
  esbuild: buildEsbuild,
  rollup: buildRollup,
  rolldown: buildRolldown,
  vite: buildVite,
  webpack: buildWebpack,
  rspack: buildRspack,
};
