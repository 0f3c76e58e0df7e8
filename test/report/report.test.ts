/**
 * The standalone report (`viztracer -o result.html`, cli/report/): streaming pieces, the embedded
 * element (the trace converted to the viewer's binary format: the same model as its JSON), the
 * run command's -o .html and --open, and the file opened in real headless Chromium from file://
 * with every non-file request blocked.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { base64Encoder } from '../../cli/report/base64-encoder.js';
import { convertTrace } from '../../cli/report/convert-trace.js';
import { writeHtmlReport } from '../../cli/report/write-report.js';
import { decodeModel } from '../../viewer/format/decode-model.js';
import { loadTrace } from '../../viewer/model/load-trace.js';
import type { TraceModel } from '../../viewer/model/trace-model.js';
import { tempProject, viztracer } from '../cli/helpers.js';
import { checkFibViewer, FIB, fibTrace, launchChromium, traceFib, waitFor } from '../vizviewer/helpers.js';

const SCAFFOLD = '<!doctype html><title>t</title><!--VIZTRACER_TRACE--><p>tail $& $1</p>\n';

function scaffold(dir: string, text = SCAFFOLD): string {
  const file = join(dir, 'viewer.html');
  writeFileSync(file, text);
  return file;
}

/** The embedded element's attributes and the model it holds. */
function embedded(html: string): { attrs: string; model: TraceModel } {
  const m = /<script type="application\/octet-stream" id="viztracer-trace"([^>]*)>([^<]*)<\/script>/.exec(html);
  if (!m) throw new Error('no embedded trace');
  const data = Buffer.from(m[2]!, 'base64');
  const gzipped = data[0] === 0x1f && data[1] === 0x8b;
  expect(m[1]).toContain(gzipped ? 'data-encoding="gzip-base64"' : 'data-encoding="base64"');
  return { attrs: m[1]!, model: decodeModel(gzipped ? gunzipSync(data) : data) };
}


async function collect(chunks: Buffer[], transform: NodeJS.ReadWriteStream): Promise<Buffer> {
  const out: Buffer[] = [];
  await pipeline(Readable.from(chunks), transform, async (source: AsyncIterable<Buffer | string>) => {
    for await (const c of source) out.push(Buffer.from(c));
  });
  return Buffer.concat(out);
}

/** Splits bytes into chunks of 1..size bytes (deterministic). */
function split(bytes: Buffer, size: number): Buffer[] {
  const chunks: Buffer[] = [];
  for (let i = 0, n = 1; i < bytes.length; i += n, n = (n % size) + 1) chunks.push(bytes.subarray(i, i + n));
  return chunks;
}

describe('report pieces', () => {
  it('base64Encoder: any chunking gives the same text as one toString("base64")', async () => {
    const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => (i * 7919) & 255));
    for (const size of [1, 2, 3, 5, 64, 4096]) {
      expect((await collect(split(bytes, size), base64Encoder())).toString()).toBe(bytes.toString('base64'));
    }
  });

  it('convertTrace counts X events and the dropped calls, and streams .json and .json.gz alike', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'viztracer-report-'));
    const events = Array.from({ length: 50 }, (_, i) => `{"ph":"X","name":"f${i}","ts":${i},"dur":1,"pid":1,"tid":1}`);
    const json = `{"traceEvents":[{"ph":"M","name":"thread_name"},{"ph" : "X","ts":1},${events.join(',\n')},{"ph":"i","name":"\\"ph\\":\\"X\\"","ts":3}],\n"viztracer_metadata":{"overflow":true,"dropped":1234},"file_info":{"x":"\\"dropped\\": 9"}}\n`;
    writeFileSync(join(dir, 't.json'), json);
    writeFileSync(join(dir, 't.json.gz'), gzipSync(json));
    for (const file of ['t.json', 't.json.gz']) {
      const c = await convertTrace(join(dir, file));
      expect([c.events, c.dropped, c.jsonBytes, c.slices]).toEqual([51, 1234, Buffer.byteLength(json), 51]);
      expect(c.warnings.join(' ')).toMatch(/oldest 1234 calls were dropped/);
      expect(decodeModel(c.binary)).toEqual(loadTrace(Buffer.from(json)));
    }
    // A cut .gz: vizviewer shows what decompressed; the report writer refuses it (below).
    writeFileSync(join(dir, 'cut.json.gz'), gzipSync(json).subarray(0, 200));
    const cut = await convertTrace(join(dir, 'cut.json.gz'));
    expect(cut.warnings.join(' ')).toMatch(/gzip data is truncated/);
    await expect(convertTrace(join(dir, 'cut.json.gz'), { gzipErrors: 'throw' })).rejects.toThrow();
  });

  it('writeHtmlReport embeds .json and .json.gz as the same model, once, where the marker was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'viztracer-report-'));
    const template = scaffold(dir);
    // A name that would end a <script> element if it were embedded as text.
    const json = JSON.stringify({ traceEvents: [{ ph: 'X', name: '</script><script>alert(1)</script>', ts: 0, dur: 1, pid: 1, tid: 1 }] });
    writeFileSync(join(dir, 't.json'), json);
    writeFileSync(join(dir, 't.json.gz'), gzipSync(json));
    for (const input of ['t.json', 't.json.gz']) {
      const output = join(dir, `${input}.html`);
      const r = await writeHtmlReport({ trace: join(dir, input), output, template });
      const html = readFileSync(output, 'utf8');
      expect(r.events).toBe(1);
      expect(r.htmlBytes).toBe(statSync(output).size);
      expect(html.startsWith('<!doctype html><title>t</title><script type="application/octet-stream" id="viztracer-trace" data-encoding=')).toBe(true);
      expect(html.endsWith('</script><p>tail $& $1</p>\n')).toBe(true);
      expect(html.split('</script>')).toHaveLength(2);
      expect(html).not.toContain('VIZTRACER_TRACE');
      expect(embedded(html).model).toEqual(loadTrace(Buffer.from(json)));
      expect(embedded(html).model.names).toEqual(['</script><script>alert(1)</script>']);
      expect(embedded(html).attrs).toContain(`data-name="${input}.json"`);
    }
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('gzips the binary only when that saves at least a quarter', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'viztracer-report-'));
    let seed = 7;
    const rnd = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    // Random times (incompressible varints) and repetitive ones (what a program's calls look like).
    let ns = 0;
    const random = Array.from({ length: 5000 }, (_, i) => {
      const dur = Math.floor(rnd() * 2 ** 21);
      ns += dur + Math.floor(rnd() * 2 ** 21);
      return { ph: 'X', name: `f${i % 3}`, pid: 1, tid: 1, ts: (ns - dur) / 1000, dur: dur / 1000 };
    });
    const regular = Array.from({ length: 5000 }, (_, i) => ({ ph: 'X', name: `f${i % 3}`, pid: 1, tid: 1, ts: i * 10, dur: 5 }));
    for (const [name, events, gzipped] of [['random', random, false], ['regular', regular, true]] as const) {
      writeFileSync(join(dir, `${name}.json`), JSON.stringify({ traceEvents: events }));
      const r = await writeHtmlReport({ trace: join(dir, `${name}.json`), output: join(dir, `${name}.html`), template: scaffold(dir) });
      expect([name, r.gzipped]).toEqual([name, gzipped]);
      expect(embedded(readFileSync(join(dir, `${name}.html`), 'utf8')).model.start.length).toBe(5000);
    }
  });

  it('no marker, no viewer page, a truncated .gz, an unwritable output: one clear error each', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'viztracer-report-'));
    writeFileSync(join(dir, 't.json'), '{"traceEvents":[]}');
    await expect(writeHtmlReport({ trace: join(dir, 't.json'), output: join(dir, 'o.html'), template: scaffold(dir, '<html></html>') }))
      .rejects.toThrow(/must contain <!--VIZTRACER_TRACE--> exactly once \(found none\)/);
    await expect(writeHtmlReport({ trace: join(dir, 't.json'), output: join(dir, 'o.html'), template: join(dir, 'none.html') }))
      .rejects.toThrow(/none\.html is missing: build it with `node scripts\/build-viewer\.mjs`/);
    const cut = gzipSync('{"traceEvents":[{"ph":"X"}]}').subarray(0, 12);
    writeFileSync(join(dir, 'cut.json.gz'), cut);
    await expect(writeHtmlReport({ trace: join(dir, 'cut.json.gz'), output: join(dir, 'o.html'), template: scaffold(dir) }))
      .rejects.toThrow(/cut\.json\.gz: it is not valid gzip or is truncated/);
    await expect(writeHtmlReport({ trace: join(dir, 't.json'), output: join(dir, 'no', 'o.html'), template: scaffold(dir) }))
      .rejects.toThrow(/cannot write the report .*no\/o\.html: ENOENT/);
    expect(readdirSync(dir).filter((f) => f.startsWith('o.html'))).toEqual([]);
  });
});

describe('viztracer -o result.html', () => {
  it('writes one self-contained report and says how many events it holds', () => {
    const json = traceFib('fib.json');
    const { dir, file, stderr } = traceFib('result.html');
    expect(stderr).toBe(`viztracer: saved ${FIB.calls} events to ${file}\n`);
    const html = readFileSync(file, 'utf8');
    const model = embedded(html).model;
    expect(Array.from(model.name).filter((id) => model.names[id] === FIB.name)).toHaveLength(FIB.calls);
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=["']?https?:|@import/);
    // Only the viewer itself grows the file: the embedded trace is far below half of the JSON.
    const data = /id="viztracer-trace"[^>]*>([^<]*)</.exec(html)![1]!.length;
    expect(data).toBeLessThan(statSync(json.file).size / 2);
    expect(readdirSync(dir).sort()).toEqual(['fib.ts', 'result.html']);
  });

  it('keeps the program\'s exit code and still writes the report of a failing program', () => {
    const dir = tempProject();
    writeFileSync(join(dir, 'boom.ts'), 'function boom(): never { throw new Error("boom"); }\nboom();\n');
    const r = viztracer(['-o', 'out/r.html', 'boom.ts'], dir, { VIZTRACER_BROWSER: 'none' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Error: boom');
    expect(r.stderr).toContain(`viztracer: saved 1 events to ${join(dir, 'out', 'r.html')}`);
    expect(embedded(readFileSync(join(dir, 'out', 'r.html'), 'utf8')).model.names).toContain('boom (boom.ts:1)');
  });

  it('says when the ring buffer overflowed, as the runtime does for .json', () => {
    const { dir } = fibTrace('fib.json');
    const r = viztracer(['--tracer-entries', '10', '-o', 'r.html', 'fib.ts'], dir, { VIZTRACER_BROWSER: 'none' });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(`viztracer: saved 10 events to ${join(dir, 'r.html')}\n`
      + 'viztracer: warning: the ring buffer overflowed: the oldest 455 of 465 calls were dropped; raise --tracer-entries (now 10) or filter (--max-stack-depth, --min-duration)\n');
  });

  it('--open gives the report to the browser (VIZTRACER_BROWSER), and a .json to vizviewer --once', async () => {
    const dir = tempProject();
    const log = join(dir, 'opened.txt');
    // A stand-in browser: records what it was asked to open and, for a URL, fetches the trace like the viewer.
    writeFileSync(join(dir, 'browser.mjs'), `import fs from 'node:fs';
const target = process.argv[2];
fs.appendFileSync(${JSON.stringify(log)}, target + '\\n');
if (target.startsWith('http')) {
  const res = await fetch(new URL('./trace', target));
  fs.appendFileSync(${JSON.stringify(log)}, res.status + ' ' + (await res.text()).length + '\\n');
}
`);
    writeFileSync(join(dir, 'fib.ts'), readFileSync(join(fibTrace('fib.json').dir, 'fib.ts')));
    const env = { VIZTRACER_BROWSER: `${process.execPath} ${join(dir, 'browser.mjs')}`, NO_PROXY: '*', no_proxy: '*' };
    const html = viztracer(['--open', '-o', 'r.html', 'fib.ts'], dir, env);
    expect(html.status).toBe(0);
    const json = viztracer(['--open', '-o', 'r.json', 'fib.ts'], dir, env);
    expect(json.status).toBe(0);
    expect(json.stderr).toMatch(/vizviewer: serving r\.json on http:\/\/127\.0\.0\.1:\d+\/ \(--once\)/);
    expect(json.stderr).toContain('vizviewer: delivered r.json; exiting (--once)');
    // The stand-in (detached) writes its last line after the server saw the response through.
    await waitFor(() => readFileSync(log, 'utf8').trim().split('\n').length >= 3, 'the stand-in browser\'s fetch');
    const lines = readFileSync(log, 'utf8').trim().split('\n');
    expect(lines[0]).toBe(join(dir, 'r.html'));
    expect(lines[1]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(lines[2]).toBe(`200 ${statSync(join(dir, 'r.json')).size}`);

    // No browser: say how to view it, and do not wait for a request that will never come.
    const none = viztracer(['--open', '-o', 'r.json', 'fib.ts'], dir, { VIZTRACER_BROWSER: 'none' });
    expect(none.status).toBe(0);
    expect(none.stderr).toContain(`viztracer: --open: no browser (disabled by VIZTRACER_BROWSER); view the trace with \`vizviewer ${join(dir, 'r.json')}\``);
  });
});

describe('the report in headless Chromium, from file:// with no network', () => {
  it('shows the fib trace: tracks, click → source line, search, stats and flamegraph totals', async () => {
    const { file } = fibTrace('fib.html');
    const context = await launchChromium();
    const foreign: string[] = [];
    try {
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith('file:') || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
        foreign.push(url);
        return route.abort();
      });
      const page = await context.newPage();
      await page.goto(pathToFileURL(file).href);
      await checkFibViewer(page, 'report');
      expect(foreign).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
