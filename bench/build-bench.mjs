/**
 * Build rows of `npm run bench` (issue 3): how much our plugin adds to a real build. The project
 * is webpack's own source (node_modules/webpack/lib: ~800 CommonJS modules, 12.5 MB, a real
 * mid-size JS code base), bundled for Node with and without the plugin, interleaved, median of N
 * builds. Targets: the plugin adds at most 30% to an esbuild build and at most 15% to a webpack
 * build. Environment: BENCH_BUILD_ROUNDS (default 5); BENCH_BUILD_MAPS=1 adds rows with source
 * maps on (esbuild `sourcemap`, webpack `devtool: 'source-map'`), where our maps are made too.
 * Run it alone with `node bench/build-bench.mjs` (after `npm run build`).
 */
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
// The real path: bundlers resolve symlinks (a linked node_modules), and `include` must match that.
const entry = fs.realpathSync(path.join(root, 'node_modules/webpack/lib/index.js'));
// Opt webpack's sources into instrumentation (node_modules is skipped by default).
const pluginOptions = { include: [`${path.dirname(entry)}/**`], root, quiet: true };

async function esbuildOnce(withPlugin, outdir, maps) {
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
    sourcemap: maps,
    plugins: withPlugin ? [viztracer(pluginOptions)] : [],
  });
}

async function webpackOnce(withPlugin, outdir, maps) {
  const webpack = require('webpack');
  const { default: viztracer } = await import('../dist/unplugin/webpack.js');
  const compiler = webpack({
    mode: 'none',
    context: root,
    target: 'node',
    devtool: maps ? 'source-map' : false,
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
const withMaps = process.env.BENCH_BUILD_MAPS === '1';
const VARIANTS = BUILDERS.flatMap((b) => [
  { ...b, maps: false },
  ...(withMaps ? [{ ...b, name: `${b.name} + source maps`, maps: true }] : []),
]);

/** A ratio of 1.0 must not come from a plugin that instrumented nothing. */
function checkInstrumented(outdir) {
  const out = fs.readFileSync(path.join(outdir, 'out.cjs'), 'utf8');
  if ((out.match(/__vt_\w+_i\(\);/g) ?? []).length < 500) throw new Error('build bench: the plugin instrumented (almost) nothing');
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** Returns the markdown table. */
export async function buildBench({ rounds = Number(process.env.BENCH_BUILD_ROUNDS ?? 5), log = () => {} } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'viztracer-build-bench-'));
  const rows = [];
  try {
    for (const b of VARIANTS) {
      const times = { plain: [], plugin: [] };
      await b.run(false, dir, b.maps); // warm-up: module loading, JIT
      await b.run(true, dir, b.maps);
      for (let r = 0; r < rounds; r++) {
        for (const variant of r % 2 === 0 ? ['plain', 'plugin'] : ['plugin', 'plain']) {
          const t0 = performance.now();
          await b.run(variant === 'plugin', dir, b.maps);
          times[variant].push(performance.now() - t0);
          if (variant === 'plugin') checkInstrumented(dir);
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

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(`node ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(await buildBench({ log: (t) => process.stderr.write(`build: ${t}\n`) }));
}
