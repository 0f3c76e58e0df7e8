/**
 * The fixture Vite app (fixtures/browser-app: modules, async work, a web worker) served by Vite's
 * dev server with viztracer/vite, opened in headless Chromium: `__viztracer__.save()` sends the
 * trace to the dev server, which writes it where `outputFile` says, sources attached, and says so
 * in its terminal.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createLogger, createServer, type Plugin, type ViteDevServer } from 'vite';
import { DEFAULT_ENDPOINT, viteDevServer } from '../../unplugin/vite-dev-server.js';
import { launchChromium, type Browser } from './chromium.js';
import { expectFixtureApp, expectTraceEngineKeepsEverything, type BrowserTrace } from './trace-checks.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const appRoot = join(repo, 'fixtures/browser-app');

let tmp: string;
let server: ViteDevServer;
let browser: Browser;
const terminal: string[] = [];

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'vt-vite-dev-'));
  const { default: viztracer } = (await import(join(repo, 'dist/unplugin/vite.js'))) as { default: (o: object) => Plugin };
  const { RUNTIME_ID } = (await import(join(repo, 'dist/unplugin/runtime-module.js'))) as { RUNTIME_ID: string };
  const logger = createLogger('info');
  const info = logger.info.bind(logger);
  logger.info = (msg, options) => {
    terminal.push(msg);
    info(msg, options);
  };
  logger.error = (msg) => terminal.push(msg); // expected ones only (bad uploads), kept out of the test output
  server = await createServer({
    configFile: false,
    root: appRoot,
    cacheDir: join(tmp, 'vite-cache'),
    logLevel: 'info',
    customLogger: logger,
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, watch: null },
    plugins: withDevServerBridge(viztracer({ outputFile: join(tmp, 'traces/dev.json') }), join(tmp, 'traces/dev.json'), RUNTIME_ID),
  });
  await server.listen();
  browser = await launchChromium();
});

/**
 * Until viztracer/vite wires viteDevServer itself (its configureServer, and the endpoint in the
 * runtime module), this bridge does: the same two pieces, in front of the real plugin.
 */
function withDevServerBridge(plugin: Plugin, outputFile: string, runtimeId: string): Plugin[] {
  if ('configureServer' in plugin) return [plugin];
  const bridge: Plugin = {
    name: 'viztracer-dev-server-bridge',
    enforce: 'pre',
    configureServer: viteDevServer({ outputFile }) as never,
    load(id) {
      if (id !== runtimeId) return null;
      const runtime = JSON.stringify(join(repo, 'dist/runtime/install-browser.js'));
      return `import { installBrowserRuntime } from ${runtime};\ninstallBrowserRuntime(${JSON.stringify({ endpoint: DEFAULT_ENDPOINT })});\n`;
    },
  };
  return [bridge, plugin];
}

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

test('save() in a dev session writes the trace of the page and its worker where outputFile says', async () => {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.resolvedUrls!.local[0]!);
  await page.waitForFunction(() => (globalThis as { appDone?: boolean }).appDone === true, undefined, { timeout: 30_000 });
  const result = await page.evaluate(() => (globalThis as unknown as { __viztracer__: { save(): Promise<unknown> } }).__viztracer__.save());
  const output = join(tmp, 'traces/dev.json');
  expect(result).toMatchObject({ via: 'dev-server', path: output, threads: 2 });
  expect(errors).toEqual([]);

  const trace = JSON.parse(readFileSync(output, 'utf8')) as BrowserTrace;
  expectFixtureApp(trace);
  // The dev server attached the sources the browser does not have.
  expect(trace.file_info.files['src/math.ts']?.[0]).toBe(readFileSync(join(appRoot, 'src/math.ts'), 'utf8'));
  expect(trace.file_info.functions['isPrime (src/primes.ts:1)']).toEqual(['src/primes.ts', 1]);
  const events = trace.traceEvents.filter((e) => e.ph === 'X').length;
  expect(terminal.some((line) => line.includes(`viztracer: saved ${events} events to ${output}`))).toBe(true);
  await expectTraceEngineKeepsEverything(trace);
  await page.close();
});

test('the save endpoint refuses other sites and bad bodies, and writes nothing for them', async () => {
  const endpoint = new URL(DEFAULT_ENDPOINT, server.resolvedUrls!.local[0]!).href;
  const output = join(tmp, 'traces/dev.json');
  rmSync(output, { force: true });
  const foreign = await fetch(endpoint, { method: 'POST', body: '{"traceEvents":[]}', headers: { origin: 'http://evil.example' } });
  expect(foreign.status).toBe(403);
  const garbage = await fetch(endpoint, { method: 'POST', body: 'not json' });
  expect(garbage.status).toBe(400);
  expect((await garbage.json()) as object).toHaveProperty('error');
  expect(() => readFileSync(output)).toThrow();
  expect(terminal.filter((line) => line.includes('viztracer: could not save the trace from the page'))).toHaveLength(1);
});
