/**
 * `vizviewer FILE|DIR [options]`: serve traces to the viewer on 127.0.0.1 (vizviewer-options.ts).
 * Errors are one line on stderr: exit 2 for usage, 1 for anything else (bad input, port in use).
 */
import { VERSION } from '../../runtime/version.js';
import { VizTracerError } from '../../runtime/viztracer-error.js';
import { serve } from './serve.js';
import { parseVizviewerArgs, vizviewerHelp, type ParsedVizviewerArgs } from './vizviewer-options.js';

export async function vizviewerMain(argv: readonly string[]): Promise<void> {
  let parsed: ParsedVizviewerArgs;
  try {
    parsed = parseVizviewerArgs(argv);
  } catch (e) {
    fail(e, 2);
  }
  if (parsed.action !== 'serve') {
    process.stdout.write(parsed.action === 'help' ? vizviewerHelp() : `${VERSION}\n`);
    return;
  }
  const { options } = parsed;
  try {
    const serving = await serve(
      options,
      (line) => {
        if (!options.quiet) process.stdout.write(`${line}\n`);
      },
      (line) => process.stderr.write(`vizviewer: warning: ${line}\n`),
    );
    if (options.once) process.exit(await serving.finished);
  } catch (e) {
    fail(e, 1);
  }
}

function fail(e: unknown, code: number): never {
  if (!(e instanceof VizTracerError)) throw e;
  process.stderr.write(`vizviewer: error: ${e.message.replace(/^\[viztracer\] /, '')}\n`);
  process.exit(code);
}
