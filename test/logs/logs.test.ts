import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import vtEsbuild from '../../dist/unplugin/esbuild.js';
import viztracerTransformer from '../../dist/transformer/index.js';
import { repoRoot, runViztracer } from '../support/run-cli.js';
import { LOG_ARGS, LOG_OPTIONS, logEvents } from './log-events.js';

/**
 * Compile-time logs end to end on fixtures/logs/main.ts: the CLI, the esbuild plugin and the tsc
 * transformer write exactly these events (names, counts, values, scopes, call args), from the
 * instrumenter's log sites and the runtime's recording (runtime/probe-protocol.ts LogKind).
 */
const fixture = join(repoRoot, 'fixtures/logs/main.ts');

const EXPECTED = [
  'I Variable Assign - sum {"object":"0"}',
  'C Variable Assign - sum {"sum":0}',
  'X add (main.ts:9) {"func_args":{"a":"0","b":"1","rest":"[1]"},"return_value":"2","exec_steps":["(10) total = 1","(11) total = 2"]}',
  'I Variable Assign - total {"object":"1"}',
  'I Variable Assign - total {"object":"2"}',
  'I Variable Assign - sum {"object":"2"}',
  'C Variable Assign - sum {"sum":2}',
  'X add (main.ts:9) {"func_args":{"a":"2","b":"2","rest":"[2]"},"return_value":"5","exec_steps":["(10) total = 4","(11) total = 5"]}',
  'I Variable Assign - total {"object":"4"}',
  'I Variable Assign - total {"object":"5"}',
  'I Variable Assign - sum {"object":"5"}',
  'C Variable Assign - sum {"sum":5}',
  'X Counter.bump (main.ts:4) {"return_value":"5"}',
  'I Function Entry - Counter.bump',
  'I Attribute Assign - this.count {"object":"5"}',
  'X fail (main.ts:18) {"exception":"RangeError: out of range"}',
  'I Exception - RangeError: out of range',
  'I Variable Assign - label {"object":"\\"x\\""}',
  'I checkpoint',
  'C final {"value":5}',
];

function project(): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'vt-logs-')));
  copyFileSync(fixture, join(dir, 'main.ts'));
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
  return dir;
}

describe('compile-time logs end to end', () => {
  it('viztracer --log-var ... main.ts', () => {
    const dir = project();
    const r = runViztracer(['-o', 'out.json', ...LOG_ARGS, 'main.ts'], dir);
    expect(r.stderr).toMatch(/saved \d+ events/);
    expect(r.stdout).toBe('5 5 x\n');
    expect(logEvents(join(dir, 'out.json'))).toEqual(EXPECTED);
  });

  it('without options, only the magic comments log', () => {
    const dir = project();
    runViztracer(['-o', 'out.json', 'main.ts'], dir);
    expect(logEvents(join(dir, 'out.json'))).toEqual(['I Variable Assign - label {"object":"\\"x\\""}', 'I checkpoint', 'C final {"value":5}']);
  });

  it('the esbuild plugin with the same options', async () => {
    const dir = project();
    await build({
      absWorkingDir: dir, entryPoints: ['main.ts'], bundle: true, platform: 'node', format: 'esm', target: 'node20',
      outfile: join(dir, 'main.mjs'), logLevel: 'silent', plugins: [vtEsbuild({ root: dir, outputFile: 'out.json', quiet: true, ...LOG_OPTIONS })],
    });
    const r = spawnSync(process.execPath, ['main.mjs'], { cwd: dir, encoding: 'utf8' });
    expect(r.stdout).toBe('5 5 x\n');
    expect(logEvents(join(dir, 'out.json'))).toEqual(EXPECTED);
  });

  it('the tsc transformer with the same options (its output run by viztracer, which leaves it as it is)', () => {
    const dir = project();
    const out = ts.transpileModule(readFileSync(join(dir, 'main.ts'), 'utf8'), {
      fileName: join(dir, 'main.ts'),
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
      transformers: { before: [viztracerTransformer(undefined, { root: dir, ...LOG_OPTIONS }, { ts })] },
    }).outputText;
    writeFileSync(join(dir, 'main.mjs'), out);
    const r = runViztracer(['-o', 'out.json', 'main.mjs'], dir);
    expect(r.stdout).toBe('5 5 x\n');
    expect(logEvents(join(dir, 'out.json'))).toEqual(EXPECTED);
  });
});
