/**
 * `viztracer/transformer`: the tsc front end, a ts-patch `before` transformer.
 *
 *   "compilerOptions": { "plugins": [{ "transform": "viztracer/transformer" }] }   then `tspc`
 *
 * Site discovery, naming and filters come from instrument/ (planModule, run on the file's own
 * text), the probes are built with ts.factory (probe-nodes.ts), so a program compiled by tsc traces
 * with the same names, lines and ids as `viztracer app.ts`, and tsc's source maps stay exact.
 */
import { dirname } from 'node:path';
import type * as TS from 'typescript';
import { planModule, type SourceKind } from '../instrument/index.js';
import { instrumentSourceFile } from './instrument-source-file.js';
import { resolveOptions, shouldInstrument, type ResolvedOptions } from './options.js';
import { createLogNodes } from './log-nodes.js';
import { createProbeNodes } from './probe-nodes.js';
import { typescriptApi } from './typescript-api.js';

export type { TransformerOptions } from './options.js';

/** What ts-patch passes as the third argument of a "program" plugin. */
export interface TransformerExtras {
  ts?: unknown;
}

/** The ts-patch plugin: `(program, config, extras) => before-transformer`. */
export default function viztracerTransformer(
  program: TS.Program | undefined,
  config?: Record<string, unknown>,
  extras?: TransformerExtras,
): TS.TransformerFactory<TS.SourceFile> {
  const configFile = program?.getCompilerOptions().configFilePath;
  const baseDir = typeof configFile === 'string' ? dirname(configFile) : program?.getCurrentDirectory() ?? process.cwd();
  const ts = typescriptApi(extras?.ts, baseDir);
  const options = resolveOptions(config, baseDir);
  return (context) => {
    // Below ES2020, TS lowers `?.`, which would hide the "already instrumented" marker.
    const legacyOptionalChain = emitTarget(ts, context.getCompilerOptions()) < ts.ScriptTarget.ES2020;
    return (sf) => instrumentFile(ts, context, sf, options, legacyOptionalChain);
  };
}

/** Files this module already rewrote: a second `plugins` entry (or pass) leaves them alone. */
const instrumented = new WeakSet<TS.SourceFile>();

function instrumentFile(
  ts: typeof TS,
  context: TS.TransformationContext,
  sf: TS.SourceFile,
  options: ResolvedOptions,
  legacyOptionalChain: boolean,
): TS.SourceFile {
  if (instrumented.has(sf) || sf.isDeclarationFile || /\.json$/i.test(sf.fileName) || !shouldInstrument(sf.fileName, options)) return sf;
  const { plan, warnings } = planModule(sf.text, { filename: sf.fileName, root: options.root, sourceKind: sourceKind(ts, sf), sourceMap: false, logs: options.logs });
  for (const w of warnings) warn(plan ? w : `${w} (file emitted uninstrumented)`);
  if (!plan) return sf;
  const logNodes = plan.logs ? createLogNodes(ts, plan.hash) : null;
  const out = instrumentSourceFile(ts, context, sf, plan, createProbeNodes(ts, plan.hash, legacyOptionalChain, plan.recordThrows), warn, logNodes);
  instrumented.add(out);
  return out;
}

/** As the CLI decides it (cli/loader/transform-file.ts): module syntax or .m* makes a module. */
function sourceKind(ts: typeof TS, sf: TS.SourceFile): SourceKind {
  if (/\.m[jt]s$/i.test(sf.fileName)) return 'module';
  if (/\.c[jt]s$/i.test(sf.fileName)) return 'commonjs';
  return ts.isExternalModule(sf) ? 'module' : 'commonjs';
}

/** The target tsc emits for: TS derives it from `module` when `target` is absent (TS 5: ES5 otherwise). */
function emitTarget(ts: typeof TS, options: TS.CompilerOptions): TS.ScriptTarget {
  // Not in typescript.d.ts, but exported by every TS 5 and 6 release.
  const derive = (ts as { getEmitScriptTarget?: (o: TS.CompilerOptions) => TS.ScriptTarget }).getEmitScriptTarget;
  return derive ? derive(options) : options.target ?? ts.ScriptTarget.ES5;
}

/** tsc's own output is synchronous on stderr too; one line each, like the CLI's warnings. */
function warn(message: string): void {
  process.stderr.write(`viztracer: warning: ${message}\n`);
}
