/**
 * Differential test262 runner: every scenario of test/language runs plain and instrumented in
 * node:vm (see test262-worker.mjs); a test differs when the two outcomes differ. Tests Node 20
 * itself fails plainly are counted as plain-fail and not run instrumented.
 *
 *   node test/conformance/test262-runner.mjs [--identity] [--filter <substring>] [--out <json>]
 *
 * Used by test262.test.ts through runTest262().
 */
import { execFileSync, fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleRealRecorder } from './recorder-source.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../..');
const WORKER = path.join(here, 'test262-worker.mjs');
const FILE_TIMEOUT_MS = 20_000;

/** Extract the tarball into a fresh temp dir; returns the dir holding harness/ and test/. */
export function extractTest262(root = repoRoot) {
  const tarball = path.resolve(root, '../shared/test262/test262-language.tar.gz');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'viztracer-t262-'));
  execFileSync('tar', ['xzf', tarball, '-C', tmp]);
  const inner = fs.existsSync(path.join(tmp, 'test262')) ? path.join(tmp, 'test262') : tmp;
  return { tmp, testDir: inner };
}

function listTests(testDir) {
  const out = [];
  const walk = (rel) => {
    for (const ent of fs.readdirSync(path.join(testDir, rel), { withFileTypes: true })) {
      const r = `${rel}/${ent.name}`;
      if (ent.isDirectory()) walk(r);
      else if (ent.name.endsWith('.js') && !ent.name.includes('_FIXTURE')) out.push(r);
    }
  };
  for (const top of ['test/language', 'test/annexB']) {
    if (fs.existsSync(path.join(testDir, top))) walk(top);
  }
  return out.sort();
}

/**
 * @param {object} [opts]
 * @param {'instrument'|'identity'} [opts.transform]
 * @param {string} [opts.filter]     only files whose path contains this
 * @param {number} [opts.workers]
 * @param {number} [opts.recycle]    files per worker process before it is replaced
 * @param {number} [opts.recycleLeaky] never-freed scripts/modules per worker before it is replaced
 * @param {(done: number, total: number) => void} [opts.onProgress]
 */
export async function runTest262(opts = {}) {
  const transform = opts.transform ?? 'instrument';
  const workers = opts.workers ?? Math.max(1, Math.min(2, os.availableParallelism?.() ?? os.cpus().length));
  // Recycling: a worker is replaced after `recycle` files, or sooner once it has made
  // `recycleLeaky` scripts/modules that Node 20 never frees (leaked contexts slow it down 10-20x).
  const recycle = opts.recycle ?? 2000;
  const recycleLeaky = opts.recycleLeaky ?? 300;
  const instrumenter = path.join(repoRoot, 'dist/instrument/index.js');
  if (transform === 'instrument' && !fs.existsSync(instrumenter)) {
    throw new Error(`${instrumenter} is missing: run \`npm run build\` first`);
  }
  const started = Date.now();
  const recorderBundle = opts.realRecorder === false ? null : bundleRealRecorder(repoRoot);
  let recorderKind = '?';
  const { tmp, testDir } = extractTest262();
  let files = listTests(testDir);
  if (opts.filter) files = files.filter((f) => f.includes(opts.filter));
  const total = files.length;

  /** @type {Map<string, any>} */
  const results = new Map();
  let next = 0;
  let doneCount = 0;
  const fatal = [];
  const workerLogs = [];

  await new Promise((resolveAll) => {
    let live = 0;
    const startWorker = () => {
      if (next >= files.length) {
        if (live === 0) resolveAll();
        return;
      }
      live++;
      const child = fork(WORKER, [], {
        execArgv: ['--experimental-vm-modules', '--expose-gc', '--no-warnings'],
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
        serialization: 'advanced',
      });
      let stderr = '';
      child.stderr?.on('data', (d) => {
        if (stderr.length < 4000) stderr += d;
      });
      let handled = 0;
      let leaky = 0;
      let current = null;
      let timer = null;
      let finished = false;
      const finish = () => {
        if (finished) return;
        finished = true;
        clearTimeout(timer);
        live--;
        startWorker();
      };
      const onFileTimeout = () => {
        if (current === null) return;
        results.set(current, {
          file: current,
          scenarios: [{ scenario: '*', expected: '?', plain: '?', instr: 'file-timeout' }],
          warnings: [],
        });
        doneCount++;
        current = null;
        child.kill('SIGKILL');
      };
      const sendNext = () => {
        if (handled >= recycle || leaky >= recycleLeaky || next >= files.length) {
          current = null;
          child.send({ type: 'exit' });
          return;
        }
        current = files[next++];
        handled++;
        clearTimeout(timer);
        timer = setTimeout(onFileTimeout, FILE_TIMEOUT_MS);
        child.send({ type: 'file', file: current });
      };
      child.on('message', (msg) => {
        if (msg.type === 'ready') {
          recorderKind = msg.recorder;
          sendNext();
        } else if (msg.type === 'progress') {
          // each scenario (re)arms the file's deadline: a slow machine is not a hung test
          clearTimeout(timer);
          timer = setTimeout(onFileTimeout, msg.timeout + FILE_TIMEOUT_MS);
        } else if (msg.type === 'fatal') {
          fatal.push(msg.message);
          next = files.length;
          child.kill('SIGKILL');
        } else if (msg.type === 'log') {
          if (workerLogs.length < 50) workerLogs.push(msg.message);
        } else if (msg.type === 'result') {
          clearTimeout(timer);
          leaky = msg.leaky;
          results.set(msg.file, { file: msg.file, scenarios: msg.scenarios, warnings: msg.warnings });
          doneCount++;
          current = null;
          opts.onProgress?.(doneCount, total);
          sendNext();
        }
      });
      child.on('exit', (code, signal) => {
        if (current !== null) {
          // died while running a file: record it, move on
          results.set(current, {
            file: current,
            scenarios: [{ scenario: '*', expected: '?', plain: '?', instr: `worker-died:${code ?? signal}` }],
            warnings: [],
            stderr: stderr.slice(0, 2000),
          });
          doneCount++;
          clearTimeout(timer);
          current = null;
        }
        finish();
      });
      child.send({ type: 'init', testDir, transform, instrumenter, recorderBundle });
    };
    for (let i = 0; i < workers; i++) startWorker();
  });

  fs.rmSync(tmp, { recursive: true, force: true });
  if (fatal.length) throw new Error(fatal.join('\n'));
  return summarize([...results.values()].sort((a, b) => (a.file < b.file ? -1 : 1)), {
    transform,
    recorder: recorderKind,
    seconds: (Date.now() - started) / 1000,
    workerLogs,
  });
}

function summarize(fileResults, extra) {
  const stats = {
    files: fileResults.length,
    scenarios: 0,
    instrumentedScenarios: 0,
    unchangedCode: 0,
    passed: 0,
    plainFail: 0,
    differences: 0,
    probedCalls: 0,
    recordedCalls: 0,
    scenariosWithCalls: 0,
    anomalies: 0,
    passThroughWarnings: 0,
  };
  const differences = [];
  const plainFails = [];
  const anomalies = [];
  const passThrough = [];
  for (const fr of fileResults) {
    for (const s of fr.scenarios) {
      stats.scenarios++;
      if (s.instr === undefined) {
        stats.plainFail++;
        plainFails.push({ file: fr.file, scenario: s.scenario, expected: s.expected, plain: s.plain, message: s.plainMessage });
        continue;
      }
      stats.instrumentedScenarios++;
      if (s.sameCode) stats.unchangedCode++;
      stats.probedCalls += s.calls ?? 0;
      stats.recordedCalls += s.recorded ?? 0;
      if (s.calls) stats.scenariosWithCalls++;
      if (s.anomalies) {
        stats.anomalies++;
        anomalies.push({ file: fr.file, scenario: s.scenario, anomaly: s.lastAnomaly });
      }
      // The instrumenter gave up on a file V8 parses: a coverage hole (bug class 2a)
      if (s.warnings?.length && !s.expected.startsWith('parse:')) {
        stats.passThroughWarnings++;
        passThrough.push({ file: fr.file, scenario: s.scenario, warning: s.warnings[0] });
      }
      if (s.instr === s.plain) stats.passed++;
      else {
        stats.differences++;
        differences.push({
          file: fr.file,
          scenario: s.scenario,
          plain: s.plain,
          instr: s.instr,
          plainMessage: s.plainMessage,
          instrMessage: s.instrMessage,
          stderr: fr.stderr,
        });
      }
    }
  }
  return { ...extra, stats, differences, plainFails, anomalies, passThrough };
}

// CLI
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const get = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const report = await runTest262({
    transform: args.includes('--identity') ? 'identity' : 'instrument',
    filter: get('--filter'),
    recycle: get('--recycle') ? Number(get('--recycle')) : undefined,
    onProgress: (d, t) => {
      if (d % 1000 === 0 || d === t) process.stderr.write(`${d}/${t}\n`);
    },
  });
  const out = get('--out');
  if (out) fs.writeFileSync(out, JSON.stringify(report, null, 1));
  console.log(JSON.stringify({ transform: report.transform, recorder: report.recorder, seconds: report.seconds, stats: report.stats }, null, 1));
  for (const d of report.differences) {
    console.log(`DIFF ${d.file} [${d.scenario}] plain=${d.plain} instr=${d.instr} ${d.instrMessage ?? ''}`);
  }
  for (const a of report.anomalies.slice(0, 20)) console.log(`ANOMALY ${a.file} [${a.scenario}] ${a.anomaly}`);
  for (const p of report.passThrough.slice(0, 20)) console.log(`PASSTHROUGH ${p.file} [${p.scenario}] ${p.warning}`);
  for (const l of report.workerLogs) console.log(`WORKER ${l}`);
}
