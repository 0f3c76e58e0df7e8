/**
 * vitest globalSetup: build dist/ once before the test files run, because several suites
 * (cli, end-to-end) spawn the built `bin/viztracer.js` and its `--import` preload.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
}
