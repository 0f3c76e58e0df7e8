/**
 * "Trace a test": a project with viztracer/vite in its vitest.config (fixtures/vitest-project,
 * Node environment) runs `vitest run`; the test worker writes a trace of the code under test at
 * exit, with the TypeScript names and lines, nested as called.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, expect, test } from 'vitest';
import { callTree } from '../support/trace-tree.js';
import type { BrowserTrace } from './trace-checks.js';
import { validateWithTraceEngine } from '../support/validate-trace.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const project = join(repo, 'fixtures/vitest-project');
const tmp = mkdtempSync(join(tmpdir(), 'vt-vitest-'));

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The outer vitest's own variables would make the inner run think it is a nested worker. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(VITEST|TINYPOOL|NODE_OPTIONS$)/.test(k)) env[k] = v;
  return { ...env, ...extra };
}

test('vitest run with the plugin in vitest.config writes a trace of the tested code', async () => {
  const output = join(tmp, 'traces/test-run.json');
  const { stdout, stderr } = await promisify(execFile)(
    process.execPath, [join(repo, 'node_modules/vitest/vitest.mjs'), 'run', '--root', project],
    { cwd: project, env: cleanEnv({ VT_OUTPUT: output, VT_CACHE_DIR: join(tmp, 'cache'), NO_COLOR: '1' }) },
  );
  expect(stdout).toContain('1 passed');
  const trace = JSON.parse(readFileSync(output, 'utf8')) as BrowserTrace;
  const calls = trace.traceEvents.filter((e) => e.ph === 'X');
  expect(`${stdout}${stderr}`).toContain(`viztracer: saved ${calls.length} events to ${output}`);
  // The test's callback (instrumented too), and under it the code it tested.
  expect(callTree(trace.traceEvents)).toBe([
    'thread 0',
    '  <anonymous>@4:39 (test/shapes.test.ts:4) x1',
    '    Polygon.constructor (src/shapes.ts:11) x1',
    '    Polygon.perimeter (src/shapes.ts:13) x1',
    '      distance (src/shapes.ts:6) x4',
    '',
  ].join('\n'));
  expect(calls.map((e) => e.name)).toContain('Polygon.constructor (src/shapes.ts:11)');
  expect(trace.file_info.files['src/shapes.ts']?.[0]).toBe(readFileSync(join(project, 'src/shapes.ts'), 'utf8'));
  const v = await validateWithTraceEngine(trace.traceEvents);
  expect(v.inTree).toBe(v.expected);
});
