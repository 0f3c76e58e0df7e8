/**
 * Build rows of `npm run bench` (issue 3): how much our plugin adds to a real build. The project
 * is webpack's own source (node_modules/webpack/lib: ~500 CommonJS modules, a real mid-size JS
 * code base), bundled for Node with and without the plugin, interleaved, median of N builds.
 * Targets: the plugin adds at most 30% to an esbuild build and at most 15% to a webpack build.
 */
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const entry = path.join(root, 'node_modules/webpack/lib/index.js');
// Opt webpack's sources into instrumentation (node_modules is skipped by default).
const pluginOptions = { include: ['node_modules/webpack/lib/**'], root, quiet: true };

async function esbuildOnce(withPlugin, outdir) {
  const { build } = await import('esbuild');
  const { default: viztracer } = await import('../dist/unplugin/esbuild.js');
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: path.join(outdir, 'out.cjs'),
    external: ['webpack/*', 'watchpack', 'enhanced-resolve', 'terser-webpack-plugin', 'schema-utils', 'loader-runner', 'graceful-fs'],
    packages: 'external',
    logLevel: 'silent',
    absWorkingDir: root,
    plugins: withPlugin ? [viztracer(pluginOptions)] : [],
  });
}

async function webpackOnce(withPlugin, outdir) {
  const webpack = require('webpack');
  const { default: viztracer } = await import('../dist/unplugin/webpack.js');
  const compiler = webpack({
    mode: 'none',
    context: root,
    target: 'node',
    entry,
    output: { path: outdir, filename: 'out.cjs', library: { type: 'commonjs2' } },
    externalsPresets: { node: true },
    externals: [({ request }, callback) => (/^[a-z@]/.test(request ?? '') && !request.startsWith('webpack/lib') ? callback(null, `commonjs ${request}`) : callback())],
    optimization: { minimize: false },
    infrastructureLogging: { level: 'error' },
    plugins: withPlugin ? [viztracer(pluginOptions)] : [],
  });
  await new Promise((resolve, reject) =>
    compiler.run((err, stats) => {
      compiler.close(() => {});
      if (err || stats.hasErrors()) reject(err ?? new Error(stats.toString('errors-only')));
      else resolve();
    }),
  );
}

const BUILDERS = [
  { name: 'esbuild', run: esbuildOnce, target: 1.3 },
  { name: 'webpack', run: webpackOnce, target: 1.15 },
];

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** Returns the markdown table. */
export async function buildBench({ rounds = Number(process.env.BENCH_BUILD_ROUNDS ?? 5), log = () => {} } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'viztracer-build-bench-'));
  const rows = [];
  try {
    for (const b of BUILDERS) {
      const times = { plain: [], plugin: [] };
      await b.run(false, dir); // warm-up: module loading, JIT
      await b.run(true, dir);
      for (let r = 0; r < rounds; r++) {
        for (const variant of r % 2 === 0 ? ['plain', 'plugin'] : ['plugin', 'plain']) {
          const t0 = performance.now();
          await b.run(variant === 'plugin', dir);
          times[variant].push(performance.now() - t0);
        }
        log(`${b.name}: round ${r + 1}/${rounds}`);
      }
      const plain = median(times.plain);
      const plugin = median(times.plugin);
      const ratio = plugin / plain;
      rows.push(`| ${b.name} | ${plain.toFixed(0)} | ${plugin.toFixed(0)} | ${ratio.toFixed(2)}x | <= ${b.target}x ${ratio <= b.target ? 'met' : 'NOT met'} |`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const files = fs.readdirSync(path.dirname(entry), { recursive: true }).filter((f) => String(f).endsWith('.js')).length;
  return [
    `## Build: bundling webpack/lib (${files} CommonJS files) for Node, median of ${rounds} interleaved builds`,
    '| bundler | plain ms | with plugin ms | ratio | target |',
    '|---|---:|---:|---:|---|',
    ...rows,
    '',
  ].join('\n');
}
