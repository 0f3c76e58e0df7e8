/**
 * `viztracer build`: esbuild with our esbuild plugin first in the list (esbuild runs one onLoad
 * per file: the first plugin's wins) when --trace, a plain esbuild build otherwise.
 */
import { build, type BuildOptions } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { VizTracerError } from '../../runtime/viztracer-error.js';
import viztracer from '../../unplugin/esbuild.js';
import { BUILD_HELP, parseBuildArgs, type BuildArgs } from './parse-build-args.js';

/** Node reads .js by the nearest package.json "type": pick the extension that runs as built. */
function outExtension(outdir: string, format: BuildArgs['format']): string {
  for (let dir = outdir; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      let type: unknown;
      try {
        type = (JSON.parse(readFileSync(pkg, 'utf8')) as { type?: unknown }).type;
      } catch {
        type = undefined;
      }
      const isModule = type === 'module';
      return format === 'esm' ? (isModule ? '.js' : '.mjs') : isModule ? '.cjs' : '.js';
    }
    if (dirname(dir) === dir) return format === 'esm' ? '.mjs' : '.js';
  }
}

export async function buildCommand(argv: readonly string[], cwd: string): Promise<void> {
  const args = parseBuildArgs(argv);
  if (args.help) {
    process.stdout.write(BUILD_HELP);
    return;
  }
  for (const entry of args.entries) {
    if (!existsSync(resolve(cwd, entry))) throw new VizTracerError('MISSING_SCRIPT', `no such file: ${entry}`);
  }
  const outdir = resolve(cwd, args.outdir);
  const t = args.traceOptions;
  const options: BuildOptions = {
    absWorkingDir: cwd,
    entryPoints: args.entries,
    outdir,
    outExtension: { '.js': outExtension(outdir, args.format) },
    bundle: args.bundle,
    format: args.format,
    platform: args.platform,
    target: args.target ?? (args.platform === 'node' ? `node${process.versions.node}` : 'esnext'),
    sourcemap: args.sourcemap,
    minify: args.minify,
    external: args.external,
    metafile: true,
    logLevel: 'warning',
    plugins: args.trace
      ? [viztracer({
          root: cwd,
          platform: args.platform,
          outputFile: resolve(cwd, (t['output-file'] as string | undefined) ?? 'result.json'),
          tracerEntries: t['tracer-entries'] as number | undefined,
          maxStackDepth: t['max-stack-depth'] as number | undefined,
          minDuration: t['min-duration'] as string | undefined,
          quiet: t['quiet'] as boolean | undefined,
        })]
      : [],
  };
  let result;
  try {
    result = await build(options);
  } catch {
    // esbuild has printed the errors with their file:line:col (logLevel 'warning'); exit 1 as esbuild does.
    process.stderr.write('viztracer: error: build failed\n');
    process.exitCode = 1;
    return;
  }
  if (t['quiet'] === true) return;
  for (const out of Object.keys(result.metafile?.outputs ?? {})) {
    if (!out.endsWith('.map')) process.stderr.write(`viztracer: built ${relative(cwd, resolve(cwd, out))}${args.trace ? ' (traced)' : ''}\n`);
  }
}
