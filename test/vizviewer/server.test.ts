/**
 * The vizviewer HTTP server as a process on an ephemeral port: the allow-list against the raw
 * traversal strings of notes/reliability.md §3, a busy port, --once, directory mode, inputs.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeModel } from '../../viewer/format/decode-model.js';
import { loadTrace } from '../../viewer/model/load-trace.js';
import { tempProject } from '../cli/helpers.js';
import { fibTrace, rawGet, startVizviewer, VIZVIEWER, waitFor, type Vizviewer } from './helpers.js';

function vizviewerSync(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [VIZVIEWER, ...args], { cwd, encoding: 'utf8', env: { ...process.env, VIZTRACER_BROWSER: 'none' }, timeout: 30_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}


/** Sent raw: Node hands `req.url` over unnormalised, so each must be refused by the allow-list. */
const TRAVERSALS = [
  '/../../../../etc/passwd', '/..', '/../', '/%2e%2e/%2e%2e/etc/passwd', '/%2E%2E/etc/passwd', '/..%2f..%2fetc%2fpasswd',
  '/..%5c..%5cwindows%5cwin.ini', '/%252e%252e/%252e%252e/etc/passwd', '/trace%00.json', '/index.html%00',
  '//etc/passwd', '///etc/passwd', '/%', '/%zz', '/%e0%a4%a', '/./trace', '/trace/', '/trace/..', '/index.html/../../etc/passwd',
  '/\\..\\..\\etc\\passwd', '/etc/passwd', '/fib.json', '/fib.ts', '/package.json', '/dist/viewer/index.html',
  '/trace?file=../../etc/passwd', '/trace?file=..%2f..%2fetc%2fpasswd', '/trace?x=%zz', '/traces', '/trace?file=fib.json',
  'http://127.0.0.1/etc/passwd', '*', '/trace.bin?file=fib.json', '/trace.bin/', '/trace.bin%00', '/trace.bin/../trace', '/trace.bin/..%2f..%2fetc%2fpasswd',
];

const DIR_TRAVERSALS = [
  '/trace?file=../../etc/passwd', '/trace?file=..%2f..%2fetc%2fpasswd', '/trace?file=..%5cfib.json', '/trace?file=%2e%2e',
  '/trace?file=%252e%252e%252fetc%252fpasswd', '/trace?file=fib.json%00', '/trace?file=%00', '/trace?file=/etc/passwd',
  '/trace?file=//etc/passwd', '/trace?file=%2fetc%2fpasswd', '/trace?file=%zz', '/trace?file=%e0%a4%a', '/trace?file=sub',
  '/trace?file=fib.ts', '/trace?file=link.json', '/trace?file=fib.json&file=fib.json', '/trace', '/trace?file=',
  '/../fib.json', '/%2e%2e/fib.json', '//fib.json', '/fib.json',
  '/trace.bin?file=../../etc/passwd', '/trace.bin?file=..%2f..%2fetc%2fpasswd', '/trace.bin?file=link.json', '/trace.bin?file=fib.ts', '/trace.bin',
];

describe('vizviewer FILE: only the viewer page and the trace', () => {
  let v: Vizviewer;
  let trace: Buffer;
  beforeAll(async () => {
    const { dir, file } = fibTrace('fib.json');
    trace = readFileSync(file);
    v = await startVizviewer(['--server-only', 'fib.json'], dir);
  });
  afterAll(() => v.stop());

  it('serves the viewer page at / and /index.html and the trace bytes at /trace', async () => {
    for (const path of ['/', '/index.html', '/?view=flamegraph', '/index.html?trace=%2Ftrace']) {
      const r = await rawGet(v.port, path);
      expect(r.status, path).toBe(200);
      expect(r.headers).toMatch(/content-type: text\/html/i);
      expect(r.body.toString()).toContain('<!--VIZTRACER_TRACE-->');
    }
    const t = await rawGet(v.port, '/trace');
    expect(t.status).toBe(200);
    expect(t.headers).toMatch(/content-type: application\/json/i);
    expect(t.headers).toMatch(/cache-control: no-store/i);
    expect(t.headers).toMatch(/content-disposition: inline; filename\*=UTF-8''fib\.json/i);
    expect(t.body.equals(trace)).toBe(true);
    expect((await rawGet(v.port, '/trace', '127.0.0.1', 'HEAD')).status).toBe(200);
  });

  it('serves the trace converted to the viewer\'s binary format at /trace.bin', async () => {
    const b = await rawGet(v.port, '/trace.bin');
    expect(b.status).toBe(200);
    expect(b.headers).toMatch(/content-type: application\/octet-stream/i);
    expect(b.headers).toMatch(/content-disposition: inline; filename\*=UTF-8''fib\.json/i);
    expect(b.headers).toMatch(/x-viztracer-original: \/trace\r?$/im);
    expect(decodeModel(b.body)).toEqual(loadTrace(trace));
    expect(b.body.length).toBeLessThan(trace.length / 4);
    expect((await rawGet(v.port, '/trace.bin', '127.0.0.1', 'HEAD')).status).toBe(200);
  });

  it.each(TRAVERSALS)('%s -> 4xx, never a file', async (path) => {
    const r = await rawGet(v.port, path);
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    expect(r.body.toString()).not.toMatch(/root:|\[fonts\]|"traceEvents"|"name":\s*"viztracer"/);
  });

  it('refuses other methods (405) and foreign Host headers (403: DNS rebinding)', async () => {
    expect((await rawGet(v.port, '/trace', '127.0.0.1', 'POST')).status).toBe(405);
    expect((await rawGet(v.port, '/trace', '127.0.0.1', 'DELETE')).status).toBe(405);
    expect((await rawGet(v.port, '/trace', 'evil.example')).status).toBe(403);
    expect((await rawGet(v.port, '/trace', 'localhost')).status).toBe(200);
  });
});

describe('vizviewer DIR', () => {
  it('lists the traces (names, sizes, mtimes), picks up a new file, serves only listed ones', async () => {
    const { dir, file } = fibTrace('fib.json');
    writeFileSync(join(dir, 'notes.txt'), 'not a trace');
    spawnSync('ln', ['-s', '/etc/passwd', join(dir, 'link.json')]);
    const v = await startVizviewer(['--server-only', '.'], dir);
    try {
      const list = async (): Promise<{ name: string; size: number; mtime: number; kind: string }[]> =>
        JSON.parse((await rawGet(v.port, '/traces')).body.toString()) as { name: string; size: number; mtime: number; kind: string }[];
      const first = await list();
      expect(first.map((t) => t.name)).toEqual(['fib.json']);
      expect(first[0]!.size).toBe(readFileSync(file).length);
      expect(Math.abs(first[0]!.mtime - Date.now())).toBeLessThan(600_000);
      const page = await rawGet(v.port, '/');
      expect(page.status).toBe(200);
      expect(page.body.toString()).toContain('/traces');

      writeFileSync(join(dir, 'new.json.gz'), gzipSync(readFileSync(file)));
      expect((await list()).map((t) => t.name).sort()).toEqual(['fib.json', 'new.json.gz']);
      const gz = await rawGet(v.port, '/trace?file=new.json.gz');
      expect(gz.status).toBe(200);
      expect(gz.headers).toMatch(/content-type: application\/gzip/i);
      expect(gz.body.equals(readFileSync(join(dir, 'new.json.gz')))).toBe(true);
      expect((await rawGet(v.port, '/trace?file=fib.json')).body.equals(readFileSync(file))).toBe(true);
      const bin = await rawGet(v.port, '/trace.bin?file=new.json.gz');
      expect(bin.status).toBe(200);
      expect(bin.headers).toMatch(/x-viztracer-original: \/trace\?file=new\.json\.gz\r?$/im);
      expect(decodeModel(bin.body)).toEqual(loadTrace(readFileSync(file)));
      expect(page.body.toString()).toContain('/trace.bin?file=');
      expect((await rawGet(v.port, '/index.html')).status).toBe(200);

      for (const path of DIR_TRAVERSALS) {
        const r = await rawGet(v.port, path);
        expect(r.status, path).toBeGreaterThanOrEqual(400);
        expect(r.status, path).toBeLessThan(500);
        expect(r.body.toString(), path).not.toMatch(/root:/);
      }
    } finally {
      v.stop();
    }
  });
});

describe('vizviewer process behaviour', () => {
  it('a port in use is one line and exit code 1', async () => {
    const { dir } = fibTrace('fib.json');
    const blocker = http.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    try {
      const r = vizviewerSync(['--server-only', '--port', String(port), 'fib.json'], dir);
      expect(r.status).toBe(1);
      expect(r.stderr).toBe(`vizviewer: error: port ${port} on 127.0.0.1 is in use (try --port 0 or another port)\n`);
    } finally {
      blocker.close();
    }
  });

  it('--once exits 0 after the trace was delivered once', async () => {
    const { dir, file } = fibTrace('fib.json');
    const v = await startVizviewer(['--server-only', '--once', 'fib.json'], dir);
    expect((await rawGet(v.port, '/')).status).toBe(200);
    expect((await rawGet(v.port, '/trace')).body.equals(readFileSync(file))).toBe(true);
    expect(await v.exited).toBe(0);
    expect(v.stdout()).toContain('vizviewer: delivered fib.json; exiting (--once)');
  });

  it('--once --timeout: exit 1 with one line when nobody asks for the trace', async () => {
    const { dir } = fibTrace('fib.json');
    const v = await startVizviewer(['--server-only', '--once', '--timeout', '0.5', 'fib.json'], dir);
    expect(await v.exited).toBe(1);
    expect(v.stderr()).toBe('vizviewer: warning: the trace was not requested within 0.5 s (--timeout); stopping\n');
  });

  it('serves an .html report as the page itself, and --once ends after it', async () => {
    const { dir, file } = fibTrace('fib.html');
    const v = await startVizviewer(['--server-only', '--once', 'fib.html'], dir);
    const r = await rawGet(v.port, '/');
    expect(r.body.equals(readFileSync(file))).toBe(true);
    expect(await v.exited).toBe(0);
  });

  it('--flamegraph puts ?view=flamegraph in the URL it opens; VIZTRACER_BROWSER names the browser', async () => {
    const { dir } = fibTrace('fib.json');
    const fake = join(dir, 'fake-browser.mjs');
    writeFileSync(fake, `import fs from 'node:fs'; fs.writeFileSync(${JSON.stringify(join(dir, 'opened.txt'))}, process.argv[2]);\n`);
    const v = await startVizviewer(['--flamegraph', 'fib.json'], dir, { VIZTRACER_BROWSER: `${process.execPath} ${fake}` });
    try {
      expect(v.url).toBe(`http://127.0.0.1:${v.port}/?view=flamegraph`);
      await waitFor(() => { try { return readFileSync(join(dir, 'opened.txt'), 'utf8') === v.url; } catch { return false; } }, 'the fake browser');
    } finally {
      v.stop();
    }
  });

  it('warns about a truncated JSON trace but serves it (the viewer loads what it can)', async () => {
    const { dir, file } = fibTrace('fib.json');
    const text = readFileSync(file, 'utf8');
    writeFileSync(join(dir, 'cut.json'), text.slice(0, Math.floor(text.length / 2)));
    const v = await startVizviewer(['--server-only', 'cut.json'], dir);
    try {
      expect(v.stderr()).toMatch(/^vizviewer: warning: cut\.json looks truncated \(it ends with .*, not \} or \]\): the viewer will load what it can\n$/);
      expect((await rawGet(v.port, '/trace')).status).toBe(200);
      const bin = await rawGet(v.port, '/trace.bin');
      expect(bin.status).toBe(200);
      const m = decodeModel(bin.body);
      expect(m.warnings.join(' ')).toMatch(/truncated/);
      expect(m.start.length).toBeGreaterThan(0);
    } finally {
      v.stop();
    }
  });

  it('--once also ends after the converted trace was delivered', async () => {
    const { dir } = fibTrace('fib.json');
    const v = await startVizviewer(['--server-only', '--once', 'fib.json'], dir);
    expect((await rawGet(v.port, '/trace.bin')).status).toBe(200);
    expect(await v.exited).toBe(0);
  });

  it.each([
    [['missing.json'], 1, 'vizviewer: error: missing.json: no such file or directory'],
    [['empty.json'], 1, 'vizviewer: error: empty.json: the file is empty'],
    [['text.json'], 1, 'vizviewer: error: text.json: not a Chrome trace (JSON must start with { or [, found "h")'],
    [['plain.json.gz'], 1, 'vizviewer: error: plain.json.gz: not gzip data (a .gz trace starts with the bytes 1f 8b)'],
    [['fib.ts'], 1, 'vizviewer: error: fib.ts: not a trace file (expected .json, .json.gz or .html, or a directory)'],
    [['page.html'], 1, 'vizviewer: error: page.html: not an HTML report (found "{" at the start)'],
    [[], 2, 'vizviewer: error: missing the trace file or directory (see vizviewer --help)'],
    [['a.json', 'b.json'], 2, 'vizviewer: error: expects one trace file or directory, got 2'],
    [['--bogus', 'fib.json'], 2, 'vizviewer: error: unrecognized option --bogus (see vizviewer --help)'],
    [['--port', '99999', 'fib.json'], 2, 'vizviewer: error: --port expects an integer from 0 to 65535, got "99999"'],
    [['--timeout', '-1', 'fib.json'], 2, 'vizviewer: error: --timeout expects a value'],
    [['--timeout', 'soon', 'fib.json'], 2, 'vizviewer: error: --timeout expects a positive number of seconds, got "soon"'],
  ])('%j -> one clear line, exit %i', (args, status, line) => {
    const dir = tempProject();
    writeFileSync(join(dir, 'empty.json'), '');
    writeFileSync(join(dir, 'text.json'), 'hello');
    writeFileSync(join(dir, 'plain.json.gz'), '{"traceEvents":[]}');
    writeFileSync(join(dir, 'fib.ts'), '');
    writeFileSync(join(dir, 'page.html'), '{}');
    const r = vizviewerSync(args, dir);
    expect(r.status).toBe(status);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${line}\n`);
  });

  it('--help lists every option; the underscore spelling --server_only is accepted', () => {
    const dir = tempProject();
    const help = vizviewerSync(['--help'], dir);
    expect(help.status).toBe(0);
    for (const o of ['--port', '--host', '--server-only', '--once', '--timeout', '--flamegraph', '--quiet']) expect(help.stdout).toContain(o);
    writeFileSync(join(dir, 'fib.json'), '{"traceEvents":[]}');
    const r = vizviewerSync(['--server_only', '--once', '--timeout=0.3', '--quiet', 'fib.json'], dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('not requested within 0.3 s');
  });
});
