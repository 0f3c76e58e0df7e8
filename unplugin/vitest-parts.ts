/**
 * "Trace a test" with Vitest: each test file runs in its own worker process, and each would write
 * the trace to `outputFile` at exit, the last one winning. Under Vitest the runtime therefore
 * writes one part per process (`<outputFile>.parts/<pid>.json`, runtime option `partsDir`), after
 * announcing itself (`<pid>.started`). When Vitest closes its Vite server, the parts are awaited
 * (Vitest does not wait for its last workers to exit: measured with Vitest 4.1, a worker saved
 * after the server closed), combined into `outputFile` by `viztracer --combine` (one process
 * track per test worker) and removed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The CLI (this file is dist/unplugin/vitest-parts.js); cli/ is the outer layer, so it is run, not imported. */
const CLI = fileURLToPath(new URL('../../bin/viztracer.js', import.meta.url));

/** Is this the main process of a Vitest run (where the plugin transforms what the workers run)? */
export function underVitest(): boolean {
  return process.env['VITEST'] !== undefined && process.env['VITEST_WORKER_ID'] === undefined;
}

export const partsDirOf = (output: string): string => `${output}.parts`;

/** Forgets the parts of an earlier run, so they are not combined into this one. */
export function clearParts(output: string): void {
  rmSync(partsDirOf(output), { recursive: true, force: true });
}

/** How long a test process that announced itself may take to write its part once Vitest is done. */
const PART_WAIT_MS = 15_000;

const namesIn = (dir: string, ext: string): string[] => {
  try {
    return readdirSync(dir).filter((name) => name.endsWith(ext)).sort();
  } catch {
    return [];
  }
};

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Waits until every process that announced a part wrote it or is gone; returns the pids still missing. */
async function awaitParts(dir: string): Promise<number[]> {
  const deadline = Date.now() + PART_WAIT_MS;
  for (;;) {
    const pending = namesIn(dir, '.started').map((name) => Number.parseInt(name, 10))
      .filter((pid) => !existsSync(path.join(dir, `${pid}.json`)) && isAlive(pid));
    if (pending.length === 0 || Date.now() > deadline) return pending;
    await sleep(20);
  }
}

/**
 * Combines the parts into `output` once every test process wrote its own, and removes them;
 * returns what to print, or undefined when no test process wrote a trace.
 */
export async function combineParts(output: string): Promise<string | undefined> {
  const dir = partsDirOf(output);
  const missing = await awaitParts(dir);
  const parts = namesIn(dir, '.json').map((name) => path.join(dir, name));
  if (parts.length === 0) return undefined;
  const late = missing.length > 0 ? ` (no trace from process ${missing.join(', ')} after ${PART_WAIT_MS / 1000} s)` : '';
  let message: string;
  if (parts.length === 1 && !/\.(html|gz)$/.test(output)) {
    renameSync(parts[0]!, output);
    message = `viztracer: saved the trace of 1 test process to ${output}${late}`;
  } else {
    const run = spawnSync(process.execPath, [CLI, '--combine', ...parts, '-o', output], { encoding: 'utf8' });
    if (run.status !== 0) return `viztracer: could not combine the test processes' traces in ${dir}: ${run.stderr.trim()}`;
    message = `viztracer: saved the traces of ${parts.length} test processes to ${output}${late}`;
  }
  rmSync(dir, { recursive: true, force: true });
  return message;
}
