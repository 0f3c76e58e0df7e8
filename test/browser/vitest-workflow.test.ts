/**
 * "Trace a test": a project with viztracer/vite in its vitest.config (fixtures/vitest-project,
 * Node environment) runs `vitest run`; each test worker writes a part at exit, and the parts are
 * combined into one trace of the code under test, one process per test file, with the TypeScript
 * names and lines, nested as called.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

async function vitestRun(output: string, ...args: string[]): Promise<{ stdout: string; log: string; trace: BrowserTrace }> {
  const { stdout, stderr } = await promisify(execFile)(
    process.execPath, [join(repo, 'node_modules/vitest/vitest.mjs'), 'run', '--root', project, ...args],
    { cwd: project, env: cleanEnv({ VT_OUTPUT: output, VT_CACHE_DIR: join(tmp, 'cache'), NO_COLOR: '1' }) },
  );
  return { stdout, log: `${stdout}${stderr}`, trace: JSON.parse(readFileSync(output, 'utf8')) as BrowserTrace };
}

/** Each process's call tree, under its name. */
function treesByProcess(trace: BrowserTrace): Record<string, string> {
  const names = new Map<number | undefined, string>();
  for (const e of trace.traceEvents) if (e.ph === 'M' && e.name === 'process_name') names.set(e.pid, (e.args as { name: string }).name);
  const out: Record<string, string> = {};
  for (const [pid, name] of names) out[name] = callTree(trace.traceEvents.filter((e) => e.pid === pid));
  return out;
}

const SHAPES_TREE = [
  'thread 0',
  '  <anonymous>@4:39 (test/shapes.test.ts:4) x1',
  '    Polygon.constructor (src/shapes.ts:11) x1',
  '    Polygon.perimeter (src/shapes.ts:13) x1',
  '      distance (src/shapes.ts:6) x4',
  '',
].join('\n');

test('vitest run with the plugin in vitest.config writes one trace of every test file\'s process', async () => {
  const output = join(tmp, 'traces/test-run.json');
  // A part left by an earlier, interrupted run is not combined into this one.
  mkdirSync(`${output}.parts`, { recursive: true });
  writeFileSync(`${output}.parts/1.json`, '{"traceEvents": [{"ph": "X", "name": "stale", "pid": 1, "tid": 1, "ts": 0, "dur": 1}]}');
  const { stdout, log, trace } = await vitestRun(output);
  expect(stdout).toContain('2 passed');
  expect(log).toContain(`viztracer: saved the traces of 2 test processes to ${output}`);
  expect(existsSync(`${output}.parts`)).toBe(false);
  expect(treesByProcess(trace)).toEqual({
    'vitest test/shapes.test.ts': SHAPES_TREE,
    'vitest test/distance.test.ts': [
      'thread 0',
      '  <anonymous>@4:48 (test/distance.test.ts:4) x1',
      '    distance (src/shapes.ts:6) x1',
      '',
    ].join('\n'),
  });
  expect(trace.traceEvents.some((e) => e.name === 'stale')).toBe(false);
  expect(trace.file_info.files['src/shapes.ts']?.[0]).toBe(readFileSync(join(project, 'src/shapes.ts'), 'utf8'));
  const v = await validateWithTraceEngine(trace.traceEvents);
  expect(v.inTree).toBe(v.expected);
});

test('vitest run of one test file writes that process\'s trace', async () => {
  const output = join(tmp, 'traces/one-file.json');
  const { stdout, log, trace } = await vitestRun(output, 'test/shapes.test.ts');
  expect(stdout).toContain('1 passed');
  expect(log).toContain(`viztracer: saved the trace of 1 test process to ${output}`);
  expect(treesByProcess(trace)).toEqual({ 'vitest test/shapes.test.ts': SHAPES_TREE });
  const v = await validateWithTraceEngine(trace.traceEvents);
  expect(v.inTree).toBe(v.expected);
});

test('vitest run --no-isolate in one process: one process, named after its first test file and how many more', async () => {
  const output = join(tmp, 'traces/no-isolate.json');
  const { stdout, log, trace } = await vitestRun(output, '--no-isolate', '--maxWorkers=1');
  expect(stdout).toContain('2 passed');
  expect(log).toContain(`viztracer: saved the trace of 1 test process to ${output}`);
  const trees = treesByProcess(trace);
  expect(Object.keys(trees)).toHaveLength(1);
  expect(Object.keys(trees)[0]).toMatch(/^vitest test\/(shapes|distance)\.test\.ts \+1 more$/);
  // Both files' tests, in the one process.
  const tree = Object.values(trees)[0]!;
  expect(tree).toContain('<anonymous>@4:39 (test/shapes.test.ts:4) x1');
  expect(tree).toContain('<anonymous>@4:48 (test/distance.test.ts:4) x1');
});
