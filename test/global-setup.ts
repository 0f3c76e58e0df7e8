/**
 * vitest globalSetup: build dist/ (tsc, then the viewer page) once before the test files run,
 * because several suites spawn the built `bin/viztracer.js`, its `--import` preload, the bundler
 * plugins and the viewer page, so a plain `npx vitest run` works. `npm test` builds first (the
 * type check reads dist/ types) and sets VIZTRACER_BUILT=1 so the build is not done twice.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  if (process.env.VIZTRACER_BUILT === '1') return;
  const root = fileURLToPath(new URL('..', import.meta.url));
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, ['scripts/build-viewer.mjs', '--quiet'], { cwd: root, stdio: 'inherit' });
}
