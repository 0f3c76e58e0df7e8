import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { BIN, callNames, plainNode, readTrace, tempProject, viztracer } from './helpers.js';

describe('viztracer <entry> runs every kind of entry file', () => {
  const dir = tempProject('basic');

  it.each([
    ['fib.ts', 'fib(10) = 55\n', ['fib (fib.ts:1)']],
    ['module.mts', 'module.mts 5 tla\n', ['norm (module.mts:2)']],
    ['common.cts', 'common.cts 42\n', ['main (common.cts:3)', 'twice (helper.ts:1)']],
    ['view.tsx', '<ul><li>1</li><li>2</li></ul>\n', ['Row (view.tsx:6)', 'h (view.tsx:3)']],
    ['plain.js', 'plain.js 49 27 function object\n', ['obj.cube (plain.js:4)', 'square (plain.js:1)']],
    ['plain.mjs', 'plain.mjs hello esm plain.mjs\n', ['greet (plain.mjs:1)']],
    ['plain.cjs', 'plain.cjs 3 plain.cjs\n', ['add (plain.cjs:3)']],
  ])('%s', (entry, stdout, names) => {
    const out = `${entry}.trace.json`;
    const r = viztracer(['-o', out, entry], dir);
    expect(r.stdout).toBe(stdout);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`^viztracer: saved \\d+ events to ${join(dir, out).replace(/[.]/g, '\\.')}\\n$`));
    expect(callNames(readTrace(join(dir, out)))).toEqual(names);
  });

  it.each([['plain.js'], ['plain.mjs'], ['plain.cjs', 'all'], ['fail.js']])('%s: stdout and exit code as with plain node', (...args) => {
    const traced = viztracer(['--quiet', ...args], dir);
    const plain = plainNode(args, dir);
    expect(traced.stdout).toBe(plain.stdout);
    expect(traced.status).toBe(plain.status);
  });

  it('keeps argv, cwd, __dirname and the exit code of the script', () => {
    const sub = join(dir, 'sub');
    mkdirSync(sub, { recursive: true });
    const r = viztracer(['--quiet', '-o', 'args.json', '../args.ts', '3', '--quiet', '-o', 'x'], sub);
    expect(r.status).toBe(3);
    expect(JSON.parse(r.stdout)).toEqual({ script: join(dir, 'args.ts'), args: ['3', '--quiet', '-o', 'x'], cwd: sub, dirname: dir });
    expect(existsSync(join(sub, 'args.json'))).toBe(true);
  });

  it('shows original lines in stack traces of thrown errors', () => {
    const r = viztracer(['--quiet', 'fail.js'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Error: boom from fixture');
    expect(r.stderr).toMatch(/at boom \(.*fail\.js:2:9\)/);
  });

  it('reports a TypeScript syntax error at its file:line:col, exit code 1', () => {
    const d = tempProject();
    writeFileSync(join(d, 'bad.ts'), 'const x: number = ;\n');
    writeFileSync(join(d, 'main.mts'), "import './bad.ts';\n");
    const r = viztracer(['--quiet', 'main.mts'], d);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`SyntaxError: ${join(d, 'bad.ts')}:1:19: Unexpected ";"`);
    expect(r.stderr).not.toContain('transform-file');
  });

  it('passes stdin through', () => {
    writeFileSync(join(dir, 'echo.cjs'), "process.stdin.on('data', (d) => process.stdout.write(String(d).toUpperCase()));\n");
    expect(viztracer(['--quiet', 'echo.cjs'], dir, {}, 'hello stdin\n').stdout).toBe('HELLO STDIN\n');
  });

  it('writes .json.gz', () => {
    const r = viztracer(['--quiet', '-o', 'fib.json.gz', 'fib.ts'], dir);
    expect(r.status).toBe(0);
    expect(callNames(readTrace(join(dir, 'fib.json.gz')))).toEqual(['fib (fib.ts:1)']);
  });

  it('takes options from .viztracerrc and package.json', () => {
    const d = tempProject('basic');
    writeFileSync(join(d, 'package.json'), JSON.stringify({ viztracer: { outputFile: 'from-pkg.json', quiet: true } }));
    expect(viztracer(['fib.ts'], d).stderr).toBe('');
    expect(existsSync(join(d, 'from-pkg.json'))).toBe(true);
    writeFileSync(join(d, '.viztracerrc'), '[default]\noutput_file = from-rc.json\n');
    viztracer(['fib.ts'], d);
    expect(existsSync(join(d, 'from-rc.json'))).toBe(true);
    viztracer(['-o', 'from-cli.json', 'fib.ts'], d);
    expect(existsSync(join(d, 'from-cli.json'))).toBe(true);
  });

  it('--exclude-files and --include-files choose what is instrumented', () => {
    viztracer(['--quiet', '-o', 'ex.json', '--exclude-files', 'helper.ts', '--', 'common.cts'], dir);
    expect(callNames(readTrace(join(dir, 'ex.json')))).toEqual(['main (common.cts:3)']);
    viztracer(['--quiet', '-o', 'in.json', '--include-files=helper.ts', 'common.cts'], dir);
    expect(callNames(readTrace(join(dir, 'in.json')))).toEqual(['twice (helper.ts:1)']);
  });
});

describe('module resolution', () => {
  it('ESM TypeScript importing .ts files through .js specifiers, a directory index and JSON', () => {
    const dir = tempProject('esm-project');
    const r = viztracer(['--quiet', 'main.ts'], dir);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('area=6 true\n');
    expect(callNames(readTrace(join(dir, 'result.json')))).toEqual(
      ['Box.constructor (main.ts:6)', 'Box.size (main.ts:7)', 'area (shapes.ts:2)', 'label (lib/index.ts:1)'],
    );
  });

  it('require() of .ts files from CommonJS, with and without extension or via .js', () => {
    const dir = tempProject('cjs-require');
    const r = viztracer(['--quiet', 'main.cjs'], dir);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('cjs-require 42 2 -1 object\n');
    expect(callNames(readTrace(join(dir, 'result.json')))).toEqual(
      ['module.exports.neg (neg.ts:1)', 'mul (math.ts:1)', 'run (main.cjs:4)', 'sub (sub.ts:1)'],
    );
  });

  it('compiled JS with a source map is traced and stack-traced as its TypeScript source', () => {
    const dir = tempProject();
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src', 'app.ts'), [
      'interface Opts { n: number }',
      'function fib(n: number): number {',
      '  return n < 2 ? n : fib(n - 1) + fib(n - 2);',
      '}',
      'function main(o: Opts): void {',
      '  console.log(fib(o.n), new Error().stack!.split("\\n")[1]!.trim());',
      '}',
      'main({ n: 6 });',
    ].join('\n'));
    buildSync({ entryPoints: [join(dir, 'src', 'app.ts')], outdir: join(dir, 'dist'), format: 'cjs', sourcemap: true, platform: 'node', logLevel: 'silent' });
    const r = viztracer(['--quiet', 'dist/app.js'], dir);
    expect(r.stdout).toBe(`8 at main (${join(dir, 'src', 'app.ts')}:6:25)\n`);
    expect(callNames(readTrace(join(dir, 'result.json')))).toEqual(['fib (src/app.ts:2)', 'main (src/app.ts:5)']);
  });

  it('worker threads running TypeScript', () => {
    const dir = tempProject();
    writeFileSync(join(dir, 'main.mts'), [
      "import { Worker } from 'node:worker_threads';",
      "const w = new Worker(new URL('./worker.mts', import.meta.url));",
      "w.on('message', (m: string) => console.log('from worker:', m));",
    ].join('\n'));
    writeFileSync(join(dir, 'worker.mts'), [
      "import { parentPort } from 'node:worker_threads';",
      'const shout = (s: string): string => s.toUpperCase();',
      "parentPort!.postMessage(shout('hi'));",
    ].join('\n'));
    const r = viztracer(['--quiet', 'main.mts'], dir);
    expect(r.stdout).toBe('from worker: HI\n');
    expect(r.status).toBe(0);
  });
});

describe('other ways to name the program', () => {
  it('-c "code", script and module forms, with arguments', () => {
    const dir = tempProject();
    const r = viztracer(['-c', 'function f(x) { return x * 2 } console.log(f(21), process.argv.slice(1))', 'a', '--b'], dir);
    expect(r.stdout).toBe("42 [ 'a', '--b' ]\n");
    expect(r.status).toBe(0);
    expect(callNames(readTrace(join(dir, 'result.json')))).toEqual(['f ([eval]:1)']);
    const esm = viztracer(['--quiet', '-c', 'export const g = () => 1; console.log(await Promise.resolve(g()))'], dir);
    expect(esm.stdout).toBe('1\n');
    expect(esm.status).toBe(0);
  });

  it('-- node --flags app.js args', () => {
    const dir = tempProject('basic');
    writeFileSync(join(dir, 'flags.js'), 'console.log(process.noDeprecation, process.argv.slice(2));\n');
    const r = viztracer(['--quiet', '--', 'node', '--no-deprecation', 'flags.js', '--x'], dir);
    expect(r.stdout).toBe("true [ '--x' ]\n");
    expect(r.status).toBe(0);
  });

  it('a bin from node_modules/.bin (walking up from cwd), run with node', () => {
    const dir = tempProject();
    mkdirSync(join(dir, 'node_modules', 'hello'), { recursive: true });
    mkdirSync(join(dir, 'node_modules', '.bin'));
    writeFileSync(join(dir, 'node_modules', 'hello', 'cli.js'), [
      '#!/usr/bin/env node',
      'function hello(args) { return `hello ${args.join(" ")}`; }',
      'console.log(hello(process.argv.slice(2)));',
    ].join('\n'));
    chmodSync(join(dir, 'node_modules', 'hello', 'cli.js'), 0o755);
    symlinkSync('../hello/cli.js', join(dir, 'node_modules', '.bin', 'hello'));
    const sub = join(dir, 'packages', 'a');
    mkdirSync(sub, { recursive: true });
    const r = viztracer(['--quiet', '--include-files', join(dir, 'node_modules', 'hello'), '--', 'hello', 'run', '--fast'], sub);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('hello run --fast\n');
    expect(callNames(readTrace(join(sub, 'result.json')))).toEqual(['hello (../../node_modules/hello/cli.js:2)']);
    // node_modules is not instrumented unless asked for
    viztracer(['--quiet', '-o', 'none.json', 'hello'], sub);
    expect(callNames(readTrace(join(sub, 'none.json')))).toEqual([]);
  });

  it('refuses a bin that is not a Node script', () => {
    const dir = tempProject();
    mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', '.bin', 'shelly'), '#!/bin/sh\necho hi\n');
    chmodSync(join(dir, 'node_modules', '.bin', 'shelly'), 0o755);
    const r = viztracer(['shelly'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^viztracer: error: shelly \(.*\) is not a Node\.js script/);
  });
});

describe('signals', () => {
  it('forwards SIGTERM to the program, saves the trace and dies by the same signal', async () => {
    const dir = tempProject();
    writeFileSync(join(dir, 'wait.js'), "function tick() {}\nsetInterval(tick, 10);\nconsole.log('ready');\n");
    const child = spawn(process.execPath, [BIN, 'wait.js'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += String(d)));
    await new Promise<void>((resolve) => child.stdout.on('data', (d: Buffer) => String(d).includes('ready') && resolve()));
    await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGTERM');
    const [code, signal] = await new Promise<[number | null, string | null]>((resolve) => child.on('exit', (c, s) => resolve([c, s])));
    expect({ code, signal }).toEqual({ code: null, signal: 'SIGTERM' });
    expect(stderr).toContain('viztracer: saved');
    expect(callNames(readTrace(join(dir, 'result.json')))).toEqual(['tick (wait.js:1)']);
  });

  it('Ctrl-C (SIGINT to the process group): the program decides, the CLI follows', async () => {
    const dir = tempProject();
    writeFileSync(join(dir, 'wait.js'), "function tick() {}\nsetInterval(tick, 10);\nconsole.log('ready');\n");
    writeFileSync(join(dir, 'handled.js'), [
      "process.on('SIGINT', function onInt() { console.log('bye'); process.exit(5); });",
      "setInterval(() => {}, 10);",
      "console.log('ready');",
    ].join('\n'));
    for (const [script, expected] of [['wait.js', { code: null, signal: 'SIGINT' }], ['handled.js', { code: 5, signal: null }]] as const) {
      const child = spawn(process.execPath, [BIN, '--quiet', script], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
      let stdout = '';
      await new Promise<void>((resolve) => child.stdout.on('data', (d: Buffer) => {
        stdout += String(d);
        if (stdout.includes('ready')) resolve();
      }));
      await new Promise((r) => setTimeout(r, 100));
      process.kill(-child.pid!, 'SIGINT');
      const [code, signal] = await new Promise<[number | null, string | null]>((resolve) => child.on('exit', (c, s) => resolve([c, s])));
      expect({ code, signal }).toEqual(expected);
    }
    expect(callNames(readTrace(join(dir, 'result.json')))).toContain('onInt (handled.js:1)');
  });
});
