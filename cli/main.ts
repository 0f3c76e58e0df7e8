/**
 * `viztracer [options] <script|command> [args...]`: parse, merge defaults, resolve what to run,
 * and run it under the --import preload. Usage errors: one line on stderr, exit code 2.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { VERSION } from '../runtime/version.js';
import { VizTracerError } from '../runtime/viztracer-error.js';
import { evalLaunch } from './eval-launch.js';
import { helpText, type OptionValues } from '../runtime/options-schema.js';
import { parseArgs } from './parse-args.js';
import { loadPackageJsonConfig, loadRcFile } from './rc-config.js';
import { resolveCommand } from './resolve-command.js';
import { checkOutputFile, childConfig, mergeLayers, outputPath } from './resolve-config.js';
import { runChild } from './run-child.js';
import { buildCommand } from './build/build-command.js';
import { planRunFinish } from './report/finish-run.js';
import { combineCommand, isCombine } from './combine/combine-command.js';

/** Exit code for usage errors (bad option, value, rc file, missing script), as argparse uses. */
export const USAGE_ERROR = 2;

export function resolveValues(argvValues: OptionValues, cwd: string): OptionValues {
  const rcfile = argvValues['rcfile'] as string | undefined;
  return mergeLayers([
    { name: 'package.json "viztracer"', values: loadPackageJsonConfig(cwd) },
    { name: rcfile ?? '.viztracerrc', values: loadRcFile(cwd, rcfile) },
    { name: 'command line', values: argvValues },
  ]);
}

export async function main(argv: readonly string[], cwd = process.cwd()): Promise<void> {
  try {
    if (argv[0] === 'build') return await buildCommand(argv.slice(1), cwd);
    const parsed = parseArgs(argv);
    if (parsed.values['help'] === true) {
      process.stdout.write(helpText());
      return;
    }
    if (parsed.values['version'] === true) {
      process.stdout.write(`${VERSION}\n`);
      return;
    }
    const values = resolveValues(parsed.values, cwd);
    if (values['unique-output-file'] !== true) checkOutputFile(values);
    // --combine / --align-combine merge trace files: no program runs.
    if (isCombine(parsed.values)) return await combineCommand(parsed, values, cwd);
    const code = parsed.values['cmd-string'];
    const launch = typeof code === 'string'
      ? await evalLaunch(code, parsed.command, cwd)
      : resolveCommand(parsed.command, cwd, parsed.afterSeparator);
    const outputFile = outputPath(values, cwd, launch.label, new Date(), process.pid);
    try {
      mkdirSync(dirname(outputFile), { recursive: true });
    } catch (e) {
      throw new VizTracerError('WRITE_FAILED', `cannot create ${dirname(outputFile)}: ${(e as Error).message}`);
    }
    const finish = planRunFinish(outputFile, values['open'] === true, values['quiet'] === true);
    const config = { ...childConfig(values, cwd, finish.childOutput), quiet: finish.childQuiet };
    await runChild([...launch.nodeFlags, ...launch.entryArgs], config, cwd, finish.afterExit);
  } catch (e) {
    if (!(e instanceof VizTracerError)) throw e;
    process.stderr.write(`viztracer: error: ${e.message.replace(/^\[viztracer\] /, '')}\n`);
    process.exit(e.code === 'WRITE_FAILED' || e.code === 'INTERNAL' ? 1 : USAGE_ERROR);
  }
}
