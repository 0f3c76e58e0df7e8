/**
 * Viewer performance in real headless Chromium (issue 5, notes/viewer-design.md §7-§8), on
 * synthetic viztracer-shaped traces of 10^5, 10^6 and 10^7 events (random names and timings):
 *   - vizviewer: the trace converted once in Node to the viewer's binary format (time and peak RSS
 *     of the conversion), then the time from navigation to the first full render
 *     (`__viztracerViewer.ready`), split into bytes in hand / model ready / first frame;
 *   - the standalone report (the binary in base64 in the page) opened from file://: the same, plus
 *     its size per event beside the JSON's (10^7 is opened through vizviewer only);
 *   - frame time while panning and zooming (W/S/A/D held, wheel zoom, drag pan): the rAF interval
 *     and the viewer's own draw time per frame, median and p95;
 *   - peak memory of the browser (RSS of all its processes) while opening and navigating.
 * Targets: 10^6 renders < 2 s; 60 fps (rAF p95 <= 20 ms, draw p95 <= 8 ms); 10^7 opens without
 * running out of memory; report <= 1/2 JSON.
 * Run alone: `node bench/viewer-bench.mjs` (after `npm run build`), or as part of `npm run bench`
 * (BENCH_FILTER=viewer for this section only).
 *   BENCH_VIEWER_EVENTS  comma list (default "1e5,1e6,1e7")
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { writeHtmlReport } from '../dist/cli/report/write-report.js';
import { serve } from '../dist/cli/vizviewer/serve.js';
import { table } from './print-table.mjs';

const CHROMIUM = '/usr/bin/chromium';
const NAMES = 1001;
const THREADS = 4;

/** Writes `n` nested X events over THREADS threads (depth <= 24, random durations and names). */
export function writeSyntheticTrace(file, n, seed = 1) {
  // mulberry32: a full-period 32-bit generator (an LCG multiplied in doubles loses its low bits and
  // repeats after a few thousand draws, which made the synthetic trace compress unrealistically well).
  let s = seed >>> 0;
  const rand = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const fd = fs.openSync(file, 'w');
  let buf = '{"traceEvents":[\n{"ph":"M","name":"process_name","pid":1,"tid":1,"args":{"name":"node synthetic.js"}}';
  for (let t = 1; t <= THREADS; t++) buf += `,\n{"ph":"M","name":"thread_name","pid":1,"tid":${t},"args":{"name":"Thread-${t}"}}`;
  const flush = (force) => {
    if (force || buf.length > 1 << 20) {
      fs.writeSync(fd, buf);
      buf = '';
    }
  };
  const event = (tid, start, id, end) =>
    `,\n{"ph":"X","cat":"FEE","pid":1,"tid":${tid},"name":"Store.visit${id} (src/io/file${id % 97}.ts:${(id % 700) + 1})","ts":${start.toFixed(3)},"dur":${(end - start).toFixed(3)}}`;
  const perThread = Math.ceil(n / THREADS);
  let written = 0;
  for (let tid = 1; tid <= THREADS && written < n; tid++) {
    let now = 0;
    const stack = [];
    let count = 0;
    while (count < perThread && written < n) {
      now += rand() * 2;
      if (stack.length < 24 && (stack.length === 0 || rand() < 0.52)) {
        stack.push([now, Math.floor(rand() * NAMES)]);
      } else {
        const [start, id] = stack.pop();
        buf += event(tid, start, id, now);
        count++;
        written++;
        flush(false);
      }
    }
    while (stack.length && written < n) {
      // Close what is still open so every slice nests (no child outlives its parent).
      now += 1;
      const [start, id] = stack.pop();
      buf += event(tid, start, id, now);
      written++;
    }
  }
  buf += '\n],\n"viztracer_metadata":{"producer":"viewer-bench"},"file_info":{"files":{},"functions":{}}}\n';
  flush(true);
  fs.closeSync(fd);
  return written;
}

const pct = (xs, p) => {
  if (xs.length === 0) return NaN;
  const a = [...xs].sort((x, y) => x - y);
  return a[Math.min(a.length - 1, Math.floor((p / 100) * a.length))];
};

/**
 * Memory (MB) of the process whose command line mentions `marker` and all its descendants (Linux
 * /proc): the sum of their PSS, which splits shared pages among the processes sharing them (a sum
 * of RSS would count Chromium's shared libraries once per process).
 */
function treeRssMb(marker) {
  const procs = new Map();
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      procs.set(Number(pid), { ppid, cmd, pss: () => Number(/Pss:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0) });
    } catch {
      // exited meanwhile
    }
  }
  const roots = [...procs].filter(([, p]) => p.cmd.includes(marker)).map(([pid]) => pid);
  const inTree = new Set(roots);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, p] of procs) {
      if (inTree.has(pid) || !inTree.has(p.ppid)) continue;
      inTree.add(pid);
      grew = true;
    }
  }
  let kb = 0;
  for (const pid of inTree) {
    try {
      kb += procs.get(pid).pss();
    } catch {
      // exited meanwhile
    }
  }
  return kb / 1024;
}

/** Samples `read()` every 200 ms until stopped; returns the peak. */
function peakSampler(read) {
  let peak = read();
  const timer = setInterval(() => (peak = Math.max(peak, read())), 200);
  return { stop: () => (clearInterval(timer), Math.max(peak, read())) };
}

/** Opens `url`, waits for the first full render, then pans and zooms; returns the timings. */
async function measurePage(context, url, profile) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const baseMb = treeRssMb(profile);
  const rss = peakSampler(() => treeRssMb(profile));
  await page.goto(url, { timeout: 600_000 });
  await page.waitForFunction(() => globalThis.__viztracerViewer !== undefined, null, { timeout: 600_000 });
  const ready = await page.evaluate(async () => {
    const v = globalThis.__viztracerViewer;
    await v.ready;
    return { at: performance.now(), t: v.timings(), slices: v.state.sliceCount, format: v.state.format };
  });
  const heapMb = await page.evaluate(() => (performance.memory ? performance.memory.usedJSHeapSize / 1e6 : NaN));
  // Every animation frame while we interact: its interval, and the draw time of each new timeline frame.
  await page.evaluate(() => {
    const v = globalThis.__viztracerViewer;
    const rec = { intervals: [], draws: [], last: performance.now(), frames: v.lastFrame().frames, on: true };
    globalThis.__bench = rec;
    const tick = (t) => {
      rec.intervals.push(t - rec.last);
      rec.last = t;
      const f = v.lastFrame();
      if (f.frames !== rec.frames) rec.draws.push(f.ms);
      rec.frames = f.frames;
      if (rec.on) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const box = await page.locator('canvas.timeline-canvas').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 3);
  for (const key of ['w', 'a', 's', 'd', 'w', 'w', 'd']) {
    await page.keyboard.down(key);
    await page.waitForTimeout(700);
    await page.keyboard.up(key);
  }
  for (let i = 0; i < 20; i++) {
    await page.mouse.wheel(0, i < 10 ? -120 : 120);
    await page.waitForTimeout(30);
  }
  await page.mouse.down();
  for (let i = 0; i < 30; i++) {
    await page.mouse.move(box.x + box.width / 2 + (i % 10 < 5 ? 20 : -20) * (i % 5), box.y + box.height / 3);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
  const rec = await page.evaluate(() => {
    globalThis.__bench.on = false;
    return { intervals: globalThis.__bench.intervals.slice(2), draws: globalThis.__bench.draws };
  });
  const peakRssMb = rss.stop();
  await page.close();
  return {
    ...ready, loadMs: ready.at, heapMb, peakRssMb, baseMb, errors,
    rafMedian: pct(rec.intervals, 50), rafP95: pct(rec.intervals, 95), longFrames: rec.intervals.filter((x) => x > 33).length,
    drawMedian: pct(rec.draws, 50), drawP95: pct(rec.draws, 95), frames: rec.intervals.length, draws: rec.draws.length,
  };
}

export async function viewerBench(log = (t) => process.stderr.write(`bench: viewer: ${t}\n`)) {
  const sizes = (process.env.BENCH_VIEWER_EVENTS ?? '1e5,1e6,1e7').split(',').map((x) => Math.round(Number(x.trim())));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'viztracer-viewer-bench-'));
  const profile = path.join(dir, 'profile');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--enable-precise-memory-info'],
  });
  const loadRows = [];
  const frameRows = [];
  const sizeRows = [];
  const verdicts = [];
  const s = (ms) => (ms / 1000).toFixed(2);
  try {
    for (const n of sizes) {
      const label = n.toExponential(0);
      const json = path.join(dir, `trace-${n}.json`);
      let t = performance.now();
      const events = writeSyntheticTrace(json, n);
      const jsonBytes = fs.statSync(json).size;
      log(`${label}: wrote ${events} events (${(jsonBytes / 1e6).toFixed(1)} MB) in ${s(performance.now() - t)} s`);
      const targets = [];

      // vizviewer: conversion in Node (a worker thread of this process), then the page.
      const quiet = () => {};
      const nodeRss = peakSampler(() => process.memoryUsage().rss / 1048576);
      t = performance.now();
      const server = await serve({ path: json, port: 0, host: '127.0.0.1', serverOnly: true, once: false, timeoutSec: 10, flamegraph: false, quiet: true }, quiet, quiet);
      const binary = new Uint8Array(await (await fetch(new URL('/trace.bin', server.url))).arrayBuffer());
      const convertMs = performance.now() - t;
      const convertRss = nodeRss.stop();
      log(`${label}: converted in ${s(convertMs)} s (binary ${(binary.length / 1e6).toFixed(1)} MB, peak RSS ${convertRss.toFixed(0)} MB)`);
      targets.push(['vizviewer', server.url, convertMs]);
      let html = null;
      if (n < 1e7) {
        html = path.join(dir, `trace-${n}.html`);
        t = performance.now();
        const report = await writeHtmlReport({ trace: json, output: html });
        const reportMs = performance.now() - t;
        sizeRows.push([label, (jsonBytes / 1e6).toFixed(1), (jsonBytes / events).toFixed(1), (report.binaryBytes / events).toFixed(2), report.gzipped ? 'yes' : 'no',
          (report.htmlBytes / 1e6).toFixed(2), (report.htmlBytes / events).toFixed(2), `${((100 * report.htmlBytes) / jsonBytes).toFixed(1)} %`, s(reportMs)]);
        verdicts.push([`report <= 1/2 JSON at ${label} (${((100 * report.htmlBytes) / jsonBytes).toFixed(1)} %)`, report.htmlBytes <= jsonBytes / 2]);
        targets.push(['standalone file://', `file://${html}`, NaN]);
      }
      for (const [how, url, convMs] of targets) {
        log(`${label}: ${how}`);
        try {
          const m = await measurePage(context, url, profile);
          const ok = m.slices === events && m.errors.length === 0 && m.format === 'binary';
          loadRows.push([label, how, m.slices, Number.isNaN(convMs) ? '-' : `${s(convMs)} (${convertRss.toFixed(0)} MB)`, s(m.loadMs),
            `${s(m.t.found)} / ${s(m.t.parsed)} / ${s(m.t.drawn)}`, `${m.peakRssMb.toFixed(0)} (+${(m.peakRssMb - m.baseMb).toFixed(0)})`, m.heapMb.toFixed(0), m.errors.length ? m.errors[0].slice(0, 40) : '']);
          frameRows.push([label, how, m.frames, m.rafMedian.toFixed(1), m.rafP95.toFixed(1), m.longFrames, m.draws, m.drawMedian.toFixed(2), m.drawP95.toFixed(2)]);
          if (n === 1e6) verdicts.push([`1e6 first render < 2 s (${how}): ${s(m.loadMs)} s`, ok && m.loadMs < 2000]);
          if (n >= 1e7) verdicts.push([`${label} opens (${how}) without running out of memory: ${m.slices} slices, browser peak ${m.peakRssMb.toFixed(0)} MB PSS, conversion peak RSS ${convertRss.toFixed(0)} MB`, ok]);
          verdicts.push([`60 fps pan/zoom at ${label} (${how}): rAF p95 ${m.rafP95.toFixed(1)} ms <= 20, draw p95 ${m.drawP95.toFixed(2)} ms <= 8`, m.rafP95 <= 20 && m.drawP95 <= 8]);
        } catch (e) {
          loadRows.push([label, how, 'failed', '', '', '', '', '', String(e.message).split('\n')[0].slice(0, 60)]);
          verdicts.push([`${label} opens (${how})`, false]);
        }
      }
      server.close();
      fs.rmSync(json, { force: true });
      if (html) fs.rmSync(html, { force: true });
    }
  } finally {
    await context.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return [
    '## Viewer (headless Chromium, Canvas 2D; synthetic traces: 4 threads, depth <= 24, 1,001 names, random timings)',
    `load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} CPUs at the end (timings scale with it)`,
    '',
    '### Opening (seconds from navigation; vizviewer converts the JSON once in Node first)',
    table(['events', 'opened by', 'slices', 'convert s (peak RSS)', 'first render s', 'bytes / model / frame s', 'browser peak MB (PSS, +page)', 'page heap MB', 'error'], loadRows),
    '',
    '### Pan and zoom (W/S/A/D held, wheel, drag)',
    table(['events', 'opened by', 'rAF frames', 'rAF med ms', 'rAF p95 ms', '>33 ms', 'draws', 'draw med ms', 'draw p95 ms'], frameRows),
    '',
    '### Standalone report size (base64 of the binary, gzipped when that saves a quarter, in the viewer page)',
    table(['events', 'JSON MB', 'JSON B/event', 'binary B/event', 'gzipped', 'HTML MB', 'HTML B/event', 'HTML / JSON', 'write s'], sizeRows),
    '',
    '### Targets',
    ...verdicts.map(([what, ok]) => `- ${ok ? 'met' : 'NOT met'}: ${what}`),
    '',
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  console.log(await viewerBench());
}
