/**
 * test262 worker process (forked by test262-runner.mjs with --experimental-vm-modules
 * --expose-gc). For each test file it receives it runs every scenario twice in fresh node:vm
 * contexts: once plain, once with the test file (and its module fixtures) instrumented and a
 * recording probe runtime installed. The harness files always stay plain.
 *
 * Messages in:  {type:'init', testDir, transform:'instrument'|'identity', instrumenter?}
 *               {type:'file', file}            (file relative to testDir, e.g. test/language/…)
 * Messages out: {type:'ready', transform}
 *               {type:'result', file, scenarios:[…], warnings:[…]}
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { parse as parseYaml } from 'yaml';
import { recorderSource } from './recorder-source.mjs';

/** Per-test timeout; a scenario that times out on one side only is re-run with RETRY_TIMEOUT_MS. */
const TEST_TIMEOUT_MS = 5_000;
const RETRY_TIMEOUT_MS = 30_000;

/** @type {string} */
let testDir = '';
/** @type {(code: string, kind: 'script' | 'module', filename: string) => {code: string, warnings: string[]}} */
let transform = (code) => ({ code, warnings: [] });
let transformName = 'identity';
/** Scripts and modules created that Node 20 will never free (see Run.dynamicImportOption). */
let leaky = 0;

// Tests leave rejected promises and errors behind on purpose; they must not kill the worker.
process.on('unhandledRejection', () => {});
process.on('uncaughtException', (err) => {
  process.send?.({ type: 'log', message: `uncaught in worker: ${err && err.stack}` });
});

const harnessCache = new Map();
/** A harness file compiled once per worker (a vm.Script is not bound to a context). */
function harnessScript(name) {
  let s = harnessCache.get(name);
  if (!s) {
    s = new vm.Script(fs.readFileSync(path.join(testDir, 'harness', name), 'utf8'), { filename: `harness/${name}` });
    harnessCache.set(name, s);
  }
  return s;
}
const globalScript = new vm.Script('this');
const objectScript = new vm.Script('({})');
/** @type {vm.Script} compiled at init: the real recorder when dist/runtime has it */
let recorderScript;
let recorderKind = 'stand-in';

function errName(err) {
  try {
    if (err !== null && (typeof err === 'object' || typeof err === 'function')) {
      const ctor = err.constructor;
      if (typeof ctor === 'function' && typeof ctor.name === 'string' && ctor.name !== '') return ctor.name;
      if (typeof err.name === 'string') return err.name;
      return 'object';
    }
    return typeof err;
  } catch {
    return 'unknown';
  }
}
function errMessage(err) {
  try {
    if (err !== null && typeof err === 'object' && 'message' in err) return String(err.message).slice(0, 300);
    return String(err).slice(0, 300);
  } catch {
    return '?';
  }
}

function parseFrontMatter(src) {
  const m = /\/\*---([\s\S]*?)---\*\//.exec(src);
  if (!m) return {};
  try {
    return parseYaml(m[1] ?? '') ?? {};
  } catch {
    return {};
  }
}

/**
 * One scenario run: its realms, its module cache, the print/$DONE channel.
 */
class Run {
  constructor({ file, instrumented, strictPrefix, timeout }) {
    this.timeout = timeout;
    this.file = file; // absolute path of the test file
    this.instrumented = instrumented;
    this.strictPrefix = strictPrefix;
    this.modules = new Map();
    this.printed = [];
    this.onAsync = null;
    this.asyncResult = null;
    this.stats = [];
    this.warnings = [];
    this.transformError = null;
    this.dynamicImport = (specifier, referrer) => this.importDynamic(specifier, referrer);
  }

  /**
   * Node 20 never frees a script compiled with importModuleDynamically, nor its context: a worker
   * that gives it to every script slows down 20x within 1,500 files. Only code that can contain
   * `import(` gets it, and those count towards the worker's recycling.
   */
  dynamicImportOption(code) {
    if (!code.includes('import')) return {};
    leaky++;
    return { importModuleDynamically: this.dynamicImport };
  }

  transformSource(code, kind, filename) {
    if (!this.instrumented) return code;
    try {
      const r = transform(code, kind, filename);
      for (const w of r.warnings) this.warnings.push(w);
      return r.code;
    } catch (err) {
      this.transformError ??= `${errName(err)}: ${errMessage(err)}`;
      throw new Error(`instrumenter threw: ${errMessage(err)}`);
    }
  }

  print(msg) {
    const s = String(msg);
    this.printed.push(s);
    if (s.startsWith('Test262:AsyncTestComplete')) this.settleAsync('ok');
    else if (s.startsWith('Test262:AsyncTestFailure:')) {
      const rest = s.slice('Test262:AsyncTestFailure:'.length);
      const name = rest.split(':')[0] ?? rest;
      this.settleAsync(`async:${name}`, rest);
    }
  }

  settleAsync(outcome, message = '') {
    if (this.asyncResult) return;
    this.asyncResult = { outcome, message };
    this.onAsync?.();
  }

  /** A fresh realm with print, $262 and (instrumented) the recorder. */
  makeRealm() {
    const ctx = vm.createContext();
    const g = globalScript.runInContext(ctx);
    const run = this;
    const $262 = objectScript.runInContext(ctx);
    $262.global = g;
    $262.createRealm = () => run.makeRealm().$262;
    $262.evalScript = (src) => {
      const code = String(src);
      return vm.runInContext(code, ctx, run.dynamicImportOption(code));
    };
    $262.detachArrayBuffer = (buf) => {
      structuredClone(buf, { transfer: [buf] });
      return null;
    };
    $262.gc = () => globalThis.gc?.();
    $262.agent = objectScript.runInContext(ctx);
    g.$262 = $262;
    g.print = (msg) => run.print(msg);
    if (this.instrumented) this.stats.push(recorderScript.runInContext(ctx));
    return { ctx, g, $262 };
  }

  loadModule(abs, ctx) {
    let m = this.modules.get(abs);
    if (m) return m;
    if (abs.endsWith('.json')) {
      const text = fs.readFileSync(abs, 'utf8');
      const jsonParse = vm.runInContext('JSON.parse', ctx);
      m = new vm.SyntheticModule(['default'], function () {
        this.setExport('default', jsonParse(text));
      }, { context: ctx, identifier: abs });
    } else {
      const src = fs.readFileSync(abs, 'utf8');
      const code = this.transformSource(src, 'module', abs);
      leaky++;
      m = new vm.SourceTextModule(code, {
        context: ctx,
        identifier: abs,
        importModuleDynamically: this.dynamicImport,
      });
    }
    this.modules.set(abs, m);
    return m;
  }

  linker(ctx) {
    return (specifier, referencing) => {
      const base = referencing.identifier.startsWith('/') ? path.dirname(referencing.identifier) : path.dirname(this.file);
      return this.loadModule(path.resolve(base, specifier), ctx);
    };
  }

  async importDynamic(specifier, referrer) {
    const ctx = this.mainCtx;
    const id = referrer && typeof referrer.identifier === 'string' ? referrer.identifier : this.file;
    const base = id.startsWith('/') ? path.dirname(id) : path.dirname(this.file);
    const m = this.loadModule(path.resolve(base, String(specifier)), ctx);
    if (m.status === 'unlinked') await m.link(this.linker(ctx));
    if (m.status === 'linked') await m.evaluate();
    if (m.status === 'errored') throw m.error;
    return m;
  }

  waitAsync() {
    if (this.asyncResult) return Promise.resolve();
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.settleAsync('timeout');
        resolve();
      }, this.timeout);
      this.onAsync = () => {
        clearTimeout(t);
        resolve();
      };
    });
  }

  collectStats() {
    const out = { calls: 0, exits: 0, suspends: 0, modules: 0, open: 0, anomalies: 0, lastAnomaly: '', recorded: 0 };
    for (const f of this.stats) {
      try {
        const s = f();
        out.calls += s.calls;
        out.exits += s.exits;
        out.suspends += s.suspends;
        out.modules += s.modules;
        out.open += s.open;
        out.anomalies += s.anomalies;
        out.recorded += Math.max(0, s.recorded);
        if (!out.lastAnomaly) out.lastAnomaly = s.lastAnomaly;
      } catch {
        // a test that replaced globals can break nothing here: the recorder closed over its own
      }
    }
    return out;
  }
}

/**
 * @returns {Promise<{outcome: string, message: string}>}
 */
async function runScenario({ file, src, meta, strict, instrumented, timeout = TEST_TIMEOUT_MS }) {
  // a retry's longer timeout re-arms the parent's per-file deadline
  if (timeout !== TEST_TIMEOUT_MS) process.send({ type: 'progress', timeout });
  const flags = new Set(meta.flags ?? []);
  const isModule = flags.has('module');
  const isAsync = flags.has('async');
  const raw = flags.has('raw');
  const run = new Run({ file, instrumented, strictPrefix: strict, timeout });
  const { ctx } = run.makeRealm();
  run.mainCtx = ctx;
  const done = (outcome, message = '') => ({ outcome, message, run });

  if (!raw) {
    const includes = ['assert.js', 'sta.js'];
    if (isAsync) includes.push('doneprintHandle.js');
    for (const inc of meta.includes ?? []) if (!includes.includes(inc)) includes.push(inc);
    try {
      for (const inc of includes) harnessScript(inc).runInContext(ctx);
    } catch (err) {
      return done(`harness:${errName(err)}`, errMessage(err));
    }
  }

  if (isModule) {
    let m;
    try {
      m = run.loadModule(file, ctx);
    } catch (err) {
      return done(run.transformError ? 'instrument-threw' : `parse:${errName(err)}`, run.transformError ?? errMessage(err));
    }
    try {
      await m.link(run.linker(ctx));
    } catch (err) {
      return done(run.transformError ? 'instrument-threw' : `resolution:${errName(err)}`, run.transformError ?? errMessage(err));
    }
    try {
      const p = m.evaluate({ timeout });
      let timer;
      const deadline = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('Script execution timed out')), timeout);
      });
      try {
        await Promise.race([p, deadline]);
      } finally {
        clearTimeout(timer);
      }
    } catch (err) {
      if (/Script execution timed out/.test(errMessage(err))) return done('timeout');
      return done(run.transformError ? 'instrument-threw' : `runtime:${errName(err)}`, run.transformError ?? errMessage(err));
    }
  } else {
    const source = strict ? `"use strict";\n${src}` : src;
    let script;
    try {
      const code = run.transformSource(source, 'script', file);
      script = new vm.Script(code, { filename: file, ...run.dynamicImportOption(code) });
    } catch (err) {
      return done(run.transformError ? 'instrument-threw' : `parse:${errName(err)}`, run.transformError ?? errMessage(err));
    }
    try {
      script.runInContext(ctx, { timeout });
    } catch (err) {
      if (errName(err) === 'Error' && /Script execution timed out/.test(errMessage(err))) return done('timeout');
      return done(run.transformError ? 'instrument-threw' : `runtime:${errName(err)}`, run.transformError ?? errMessage(err));
    }
  }
  if (isAsync) {
    await run.waitAsync();
    const r = run.asyncResult;
    return done(r.outcome, r.message);
  }
  return done('ok');
}

function expectedOutcome(meta) {
  const neg = meta.negative;
  if (neg && typeof neg === 'object') return `${neg.phase}:${neg.type}`;
  return 'ok';
}

async function runFile(rel) {
  const file = path.join(testDir, rel);
  const src = fs.readFileSync(file, 'utf8');
  const meta = parseFrontMatter(src);
  const flags = new Set(meta.flags ?? []);
  const expected = expectedOutcome(meta);
  const modes = [];
  if (flags.has('module') || flags.has('raw')) modes.push(false);
  else {
    if (!flags.has('onlyStrict')) modes.push(false);
    if (!flags.has('noStrict')) modes.push(true);
  }
  const scenarios = [];
  const warnings = [];
  for (const strict of modes) {
    const scenario = flags.has('module') ? 'module' : strict ? 'strict' : 'sloppy';
    let plain = await runScenario({ file, src, meta, strict, instrumented: false });
    // A loaded machine makes slow tests (65,536 evals) hit 5 s: retry before calling it a failure
    if (plain.outcome === 'timeout') {
      plain = await runScenario({ file, src, meta, strict, instrumented: false, timeout: RETRY_TIMEOUT_MS });
    }
    const rec = { scenario, expected, plain: plain.outcome };
    if (plain.outcome !== expected) {
      rec.plainMessage = plain.message;
      scenarios.push(rec);
      continue;
    }
    if (!flags.has('module') && transformName === 'instrument') {
      // Nothing to instrument (no function in the test): the instrumented run would be the plain run
      const source = strict ? `"use strict";\n${src}` : src;
      let same = false;
      try {
        const t = transform(source, 'script', file);
        same = t.code === source && t.warnings.length === 0;
      } catch {
        // runScenario reports it
      }
      if (same) {
        rec.instr = plain.outcome;
        rec.sameCode = true;
        scenarios.push(rec);
        continue;
      }
    }
    let instr = await runScenario({ file, src, meta, strict, instrumented: true });
    if (instr.outcome === 'timeout') {
      instr = await runScenario({ file, src, meta, strict, instrumented: true, timeout: RETRY_TIMEOUT_MS });
    }
    rec.instr = instr.outcome;
    const st = instr.run.collectStats();
    rec.calls = st.calls;
    rec.recorded = st.recorded;
    rec.anomalies = st.anomalies;
    if (st.anomalies) rec.lastAnomaly = st.lastAnomaly;
    if (instr.outcome !== plain.outcome) {
      rec.plainMessage = plain.message;
      rec.instrMessage = instr.message;
    }
    // Only the test file's own warnings: fixtures are often broken on purpose
    const own = instr.run.warnings.filter((w) => w.startsWith(rel));
    if (own.length) rec.warnings = own.slice(0, 3);
    for (const w of instr.run.warnings) warnings.push(w);
    scenarios.push(rec);
  }
  return { scenarios, warnings: warnings.slice(0, 5) };
}

async function init(msg) {
  testDir = msg.testDir;
  recorderScript = new vm.Script(recorderSource(msg.recorderBundle ?? null), { filename: 'viztracer-test-recorder.js' });
  if (msg.recorderBundle) recorderKind = 'real';
  if (msg.transform === 'instrument') {
    const mod = await import(pathToFileURL(msg.instrumenter).href);
    const instrumentCode = mod.instrumentCode;
    let memo = { code: '', kind: '', filename: '', result: null };
    transform = (code, kind, filename) => {
      if (memo.result && memo.code === code && memo.kind === kind && memo.filename === filename) return memo.result;
      const r = instrumentCode(code, { filename, root: testDir, sourceKind: kind, sourceMap: false });
      memo = { code, kind, filename, result: { code: r.code, warnings: r.warnings } };
      return memo.result;
    };
    transformName = 'instrument';
  }
}

let queue = Promise.resolve();
process.on('message', (msg) => {
  queue = queue.then(async () => {
    if (msg.type === 'init') {
      try {
        await init(msg);
        process.send({ type: 'ready', transform: transformName, recorder: recorderKind });
      } catch (err) {
        process.send({ type: 'fatal', message: `cannot load instrumenter: ${err && err.stack}` });
      }
    } else if (msg.type === 'file') {
      let result;
      try {
        result = await runFile(msg.file);
      } catch (err) {
        result = { scenarios: [{ scenario: '?', expected: '?', plain: `runner-error:${errMessage(err)}` }], warnings: [] };
      }
      process.send({ type: 'result', file: msg.file, leaky, ...result });
    } else if (msg.type === 'exit') {
      process.exit(0);
    }
  });
});
