/**
 * Shared by the vizviewer and report tests: a traced fixture, the vizviewer process on an
 * ephemeral port, raw HTTP requests (no client-side URL normalisation), and headless Chromium
 * (Debian chromium through playwright-core, DESIGN.md §8) with a fresh profile.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../browser/chromium.js';
import { REPO, tempProject, viztracer } from '../cli/helpers.js';

export const VIZVIEWER = join(REPO, 'bin', 'vizviewer.js');
export const ARTIFACTS = join(REPO, 'test', 'artifacts');

/** fixtures/programs/fib traced by the CLI as fib.ts in a temp dir: 465 calls of `fib (fib.ts:1)`. */
export const FIB = { name: 'fib (fib.ts:1)', calls: 465 };

export function goldenCallsByDepth(): number[] {
  const text = readFileSync(join(REPO, 'fixtures', 'programs', 'fib', 'calls.golden.txt'), 'utf8');
  return [...text.matchAll(/ x(\d+)$/gm)].map((m) => Number(m[1]));
}

/** Traces the fib fixture into `dir` with the given output name; returns the output path. */
export function traceFib(output: string, dir = tempProject(), env: NodeJS.ProcessEnv = {}): { dir: string; file: string; stderr: string } {
  copyFileSync(join(REPO, 'fixtures', 'programs', 'fib', 'main.ts'), join(dir, 'fib.ts'));
  const r = viztracer(['-o', output, 'fib.ts'], dir, { VIZTRACER_BROWSER: 'none', ...env });
  if (r.status !== 0) throw new Error(`viztracer failed: ${r.stderr}`);
  return { dir, file: join(dir, output), stderr: r.stderr };
}

const traced = new Map<string, string>();

/** Like traceFib, but traced once per test file and output name, then copied into a fresh dir. */
export function fibTrace(output: string): { dir: string; file: string } {
  let original = traced.get(output);
  if (!original) {
    original = traceFib(output).file;
    traced.set(output, original);
  }
  const dir = tempProject();
  copyFileSync(join(REPO, 'fixtures', 'programs', 'fib', 'main.ts'), join(dir, 'fib.ts'));
  copyFileSync(original, join(dir, output));
  return { dir, file: join(dir, output) };
}

export interface Vizviewer {
  proc: ChildProcess;
  port: number;
  url: string;
  stdout(): string;
  stderr(): string;
  /** Exit code once it exits. */
  exited: Promise<number | null>;
  stop(): void;
}

/** Starts `vizviewer --port 0 ...args` (no browser) and waits for its "serving" line. */
export function startVizviewer(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Vizviewer> {
  const proc = spawn(process.execPath, [VIZVIEWER, '--port', '0', ...args], {
    cwd, env: { ...process.env, VIZTRACER_BROWSER: 'none', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`vizviewer did not start: ${out} ${err}`)), 15_000);
    const check = (): void => {
      const m = /on (http:\/\/127\.0\.0\.1:(\d+)\/\S*)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      resolve({ proc, port: Number(m[2]), url: m[1]!, stdout: () => out, stderr: () => err, exited, stop: () => proc.kill() });
    };
    proc.stdout!.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`vizviewer exited with ${code}: ${out} ${err}`));
    });
  });
}

export interface RawResponse { status: number; headers: string; body: Buffer }

/** Sends `GET <rawPath>` byte for byte over a socket and reads the whole answer. */
export function rawGet(port: number, rawPath: string, host = '127.0.0.1', method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('connect', () => socket.write(`${method} ${rawPath} HTTP/1.1\r\nHost: ${host}:${port}\r\nConnection: close\r\n\r\n`));
    socket.on('data', (d) => chunks.push(d));
    socket.on('error', reject);
    socket.on('close', () => {
      const all = Buffer.concat(chunks);
      const end = all.indexOf('\r\n\r\n');
      const head = all.subarray(0, end).toString('latin1');
      resolve({ status: Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1] ?? 0), headers: head, body: all.subarray(end + 4) });
    });
  });
}

export async function waitFor(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Headless Chromium with a fresh profile; the flags of DESIGN.md §8. */
export async function launchChromium(extraArgs: string[] = []): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'viztracer-chromium-')), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

/** The page's test hook (viewer/ui/test-hook.ts), the parts used here. */
interface ViewerHook {
  ready: Promise<void>;
  state: { tracks: { name: string; pid: number | string; tid: number | string; sliceCount: number }[]; sliceCount: number; warnings: string[]; format: 'json' | 'binary' };
  selectByName(name: string): number;
  search(query: string): number;
  setView(view: 'timeline' | 'flamegraph' | 'stats'): void;
  stats(): { name: string; calls: number; total: number; self: number }[];
  details(): string;
  lastFrame(): { rects: number; ms: number };
}
export type HookWindow = { __viztracerViewer: ViewerHook };

/** Waits until the viewer has loaded and drawn its trace; returns its state. */
export async function viewerReady(page: Page): Promise<HookWindow['__viztracerViewer']['state']> {
  await page.waitForFunction(() => (globalThis as unknown as Partial<HookWindow>).__viztracerViewer !== undefined);
  return page.evaluate(async () => {
    const v = (globalThis as unknown as HookWindow).__viztracerViewer;
    await v.ready;
    return v.state;
  });
}

/**
 * The checks every viewer page must pass on the fib trace, through real input where it matters:
 * the trace reached the page in the binary format (converted by vizviewer or the report writer), tracks and slices, a mouse click on the outermost slice showing its source line, search, the
 * stats totals, the flamegraph's per-depth call counts against calls.golden.txt; a screenshot of
 * each view into test/artifacts/<prefix>-*.png.
 */
export async function checkFibViewer(page: Page, prefix: string): Promise<void> {
  const { expect } = await import('vitest');
  const state = await viewerReady(page);
  expect(state.warnings).toEqual([]);
  expect(state.format).toBe('binary');
  expect(state.sliceCount).toBe(FIB.calls);
  expect(state.tracks.map((t) => [t.name, t.sliceCount])).toEqual([['MainThread', FIB.calls]]);
  await screenshot(page, `${prefix}-timeline`);

  // Hover down the middle of the timeline until the tooltip names a slice (a click on a track
  // header would fold the track), then click it: the outermost fib, across the whole window.
  let timeline = page.locator('canvas').first();
  let box = { x: 0, y: 0, width: 0, height: 0 };
  for (const c of await page.locator('canvas').all()) {
    const b = await c.boundingBox();
    if (b && b.width * b.height > box.width * box.height) [box, timeline] = [b, c];
  }
  let details = '';
  for (let y = 2; y < Math.min(box.height, 300); y += 4) {
    await page.mouse.move(box.x + box.width / 2, box.y + y);
    if ((await timeline.getAttribute('title'))?.split('\n')[0] !== FIB.name) continue; // "name\nduration (self …)"
    await page.mouse.click(box.x + box.width / 2, box.y + y);
    details = await page.evaluate(() => (globalThis as unknown as HookWindow).__viztracerViewer.details());
    break;
  }
  expect(details).toContain(FIB.name);
  expect(details).toContain('fib.ts:1');
  expect(details).toContain('function fib(n: number): number {');
  await screenshot(page, `${prefix}-selected`);

  const found = await page.evaluate(() => (globalThis as unknown as HookWindow).__viztracerViewer.search('fib'));
  expect(found).toBe(FIB.calls);
  await screenshot(page, `${prefix}-search`);

  await page.evaluate(() => (globalThis as unknown as HookWindow).__viztracerViewer.setView('stats'));
  const rows = await page.evaluate(() => (globalThis as unknown as HookWindow).__viztracerViewer.stats());
  expect(rows.map((r) => [r.name, r.calls])).toEqual([[FIB.name, FIB.calls]]);
  await expect.poll(() => page.locator('body').innerText()).toContain('465');
  await screenshot(page, `${prefix}-stats`);

  await page.evaluate(() => (globalThis as unknown as HookWindow).__viztracerViewer.setView('flamegraph'));
  await expect.poll(() => page.locator('#flamegraph-status').innerText()).toMatch(/\S/);
  const flame = page.locator('.flamegraph canvas');
  const fbox = (await flame.boundingBox())!;
  const golden = goldenCallsByDepth();
  const seen: number[] = [];
  for (let depth = 0; depth < golden.length; depth++) {
    // Row 0 is the root ("all"); the stack at depth d is row d + 1, its frames start at x = 0.
    await page.mouse.move(fbox.x + 1, fbox.y + (depth + 1) * 18 + 9);
    const title = await flame.getAttribute('title');
    const m = title && title.startsWith(FIB.name) ? /([\d,]+) calls/.exec(title) : null;
    if (!m) break;
    seen.push(Number(m[1]!.replace(/,/g, '')));
  }
  expect(seen.length).toBeGreaterThanOrEqual(6);
  expect(seen).toEqual(golden.slice(0, seen.length));
  await screenshot(page, `${prefix}-flamegraph`);
}
