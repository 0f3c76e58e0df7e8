/**
 * `viztracer -c "code"`: load hooks never see `--eval` code, so the CLI instruments the string
 * itself and hands node the result.
 */
import { join } from 'node:path';
import type { Launch } from './resolve-command.js';

export async function evalLaunch(code: string, args: string[], cwd: string): Promise<Launch> {
  const filename = join(cwd, '[eval]');
  const [{ instrumentCode }, { parseSync }] = await Promise.all([
    import('../instrument/index.js'),
    import('oxc-parser'),
  ]);
  const isModule = parseSync(`${filename}.js`, code, { sourceType: 'unambiguous' }).module.hasModuleSyntax;
  const result = instrumentCode(code, { filename, root: cwd, sourceKind: isModule ? 'module' : 'script', sourceMap: false });
  for (const w of result.warnings) process.stderr.write(`viztracer: warning: ${w}${result.instrumented ? '' : ' (code runs uninstrumented)'}\n`);
  return {
    nodeFlags: isModule ? ['--input-type=module'] : [],
    // `--` keeps the program's own arguments away from node's option parser.
    entryArgs: ['--eval', result.code, '--', ...args],
    label: 'eval',
  };
}
