/**
 * Spawn the traced program and mirror its fate: same stdio, cwd and exit code; death by a
 * signal is re-raised on ourselves so the shell sees 128+n.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { CONFIG_ENV, type ChildConfig } from './child-config.js';

/** Absolute file URL of the --import preload, next to this file in dist/. */
export const REGISTER_URL = new URL('./loader/register.js', import.meta.url).href;

/**
 * `afterExit` runs once the child has exited (by code or signal), before we mirror its fate:
 * `-o x.html` and `--open` (cli/report/finish-run.ts). A non-zero result replaces an exit code 0.
 */
export function runChild(nodeArgs: string[], config: ChildConfig, cwd: string, afterExit?: () => Promise<number>): Promise<never> {
  const child = spawn(process.execPath, ['--import', REGISTER_URL, ...nodeArgs], {
    cwd,
    stdio: 'inherit',
    env: { ...process.env, [CONFIG_ENV]: JSON.stringify(config) },
  });
  // Ctrl-C goes to the whole process group: the child gets it too and decides; we wait for it.
  const ignore = (): void => {};
  const forward = (sig: NodeJS.Signals) => (): void => {
    child.kill(sig);
  };
  const onTerm = forward('SIGTERM');
  const onHup = forward('SIGHUP');
  process.on('SIGINT', ignore);
  process.on('SIGTERM', onTerm);
  process.on('SIGHUP', onHup);

  return new Promise<never>(() => {
    child.on('error', (err) => {
      process.stderr.write(`viztracer: error: cannot start ${process.execPath}: ${err.message}\n`);
      process.exit(1);
    });
    child.on('exit', (code, signal) => {
      process.off('SIGINT', ignore);
      process.off('SIGTERM', onTerm);
      process.off('SIGHUP', onHup);
      void (afterExit ? afterExit() : Promise.resolve(0)).then((failed) => mirror(failed === 0 ? code : code || failed, signal));
    });
  });
}

/** Exit as the child did: same code, or the same signal re-raised on ourselves. */
function mirror(code: number | null, signal: NodeJS.Signals | null): void {
  if (signal) {
    process.kill(process.pid, signal);
    // Signals whose default action is not to terminate (or that were blocked): fall back.
    setTimeout(() => process.exit(128 + (constants.signals[signal] ?? 0)), 100);
    return;
  }
  process.exit(code ?? 1);
}
