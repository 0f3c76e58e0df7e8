/**
 * Small programs for the semantics test262 does not reach (or reached only through one test): the
 * regressions the differential runner found, and the list of notes/reliability.md §4. Each runs
 * plain and instrumented in a fresh vm context with the real recorder behind the protocol checker
 * (recorder-source.mjs): printed output and thrown error type must match, probes must have
 * recorded, and the checker must see no unbalanced or out-of-table probe call.
 */
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { instrumentCode } from '../../instrument/index.js';
import { bundleRealRecorder, recorderSource } from './recorder-source.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const recorderScript = new vm.Script(recorderSource(bundleRealRecorder(root)), { filename: 'recorder.js' });

interface Stats {
  calls: number;
  anomalies: number;
  lastAnomaly: string;
  open: number;
}

interface Case {
  name: string;
  code: string;
  /** Expect no probe to run (every function is left uninstrumented on purpose). */
  noCalls?: boolean;
}

const CASES: Case[] = [
  // Found by the test262 runner (test/conformance/FINDINGS.md)
  {
    name: 'inner function declaration closes over a body-level let',
    code: `class C { #f = 1; method() { let self = this; function inner() { return self.#f; } return inner(); } }
print(new C().method());`,
  },
  {
    name: 'hoisted function assigning a let in TDZ throws ReferenceError',
    code: `(function () { function f() { x = 1; } try { f(); print('no throw'); } catch (e) { print(e.name); } let x; })();`,
  },
  {
    name: 'await( and yield/re/ without spaces',
    code: `async function f(v) { return 1 in await(v); } function* g() { yield/abc/i; }
f({ 1: 1 }).then(print); print(g().next().value);`,
  },
  {
    name: 'async generator return awaits: interleaved slices stay balanced',
    code: `async function* g(n) { return n; } g(1).next().then((r) => print(r.value)); g(2).next().then((r) => print(r.value));`,
  },
  {
    name: 'registration never calls a setter on Object.prototype',
    code: `var data = 'data';
Object.defineProperty(Object.prototype, '0', { get() { return data; }, set(v) { data = v; }, configurable: true });
(function () {})(); print(data); delete Object.prototype[0];`,
  },
  {
    name: 'sloppy direct eval redeclares a body-level function with var',
    code: `function f() { function g() {} eval('var g = 1'); return g; } print(f());
function h() { eval('var k = 2'); function k() {} return k; } print(h());
function s() { 'use strict'; function g() { return 3; } eval('var g = 1'); return g(); } print(s());`,
  },
  // notes/reliability.md §4
  {
    name: 'default parameters referencing earlier ones, and a body var of the same name',
    code: `function f(a, b = () => a) { var a = 2; return [a, b()]; } print(f(1));
function g(a, b = a + 1, c = b * 2) { return [a, b, c]; } print(g(1));`,
  },
  {
    name: 'rest parameters and arguments',
    code: `function f(a, ...r) { return [arguments.length, r.length, f.length]; } print(f(1, 2, 3));
function m(a) { arguments[0] = 2; return a; } print(m(1));`,
  },
  {
    name: 'function declaration named like a parameter',
    code: `function f(x) { function x() {} return typeof x; } print(f(1));
function g(x) { var x; return x; } print(g(3));`,
  },
  {
    name: 'arrows keep this, arguments and new.target',
    code: `function F(a) { const ar = () => [this instanceof F, arguments[0], new.target === F]; return ar(); }
print(new F(7)); print(F.call({}, 8));`,
  },
  {
    name: 'inferred names and lengths are unchanged',
    code: `const a = () => {}; const o = { m() {}, ['k' + 1]: () => {}, get g() { return 1; } };
class C { static s = () => {}; #p() {} static name2() {} }
const d = function () {}; let e; e = async () => {};
a(); o.m(); C.s();
print([a.name, o.m.name, o.k1.name, Object.getOwnPropertyDescriptor(o, 'g').get.name, C.s.name, d.name, e.name, C.name2.name]);
print([((x, y = 1, ...z) => 0).length, (function (p, q) {}).length]);`,
  },
  {
    name: 'Annex B.3.3: a block function also binds a var in sloppy functions',
    code: `function f() { var before = typeof g; { function g() { return 1; } } return [before, typeof g]; } print(f());
function h() { 'use strict'; { function g() {} } return typeof g; } print(h());`,
  },
  {
    name: 'duplicate and same-name function declarations keep the last',
    code: `function a() { function b() { return 1; } function b() { return 2; } return b(); } print(a());
function c() { var d = 1; function d() {} return typeof d; } print(c());`,
  },
  {
    name: 'closures in loops',
    code: `const fns = []; for (let i = 0; i < 3; i++) fns.push(() => i); print(fns.map((f) => f()));
const gs = []; for (var j = 0; j < 3; j++) gs.push(function () { return j; }); print(gs.map((f) => f()));`,
  },
  {
    name: 'derived constructors, super in arrows, field initialisers',
    code: `class A { constructor() { this.a = 1; } }
class B extends A { x = this.a + 1; constructor() { const s = () => super(); s(); this.b = this.x; } }
print(JSON.stringify(new B()));
class D extends A { constructor() { return { own: true }; } } print(JSON.stringify(new D()));
class E extends A { constructor() { } } try { new E(); } catch (err) { print(err.constructor.name); }`,
  },
  {
    name: 'computed keys evaluate in order',
    code: `const log = []; const k = (n) => { log.push(n); return n; };
class C { [k('a')]() {} static [k('b')] = k('c'); [k('d')] = k('e'); } new C(); print(log);`,
  },
  {
    name: 'generators: yield* from finally, return() and throw() with finally',
    code: `function* inner() { try { yield 1; yield 2; } finally { print('inner finally'); } }
function* outer() { try { yield* inner(); } finally { yield* [9]; print('outer finally'); } }
const it = outer(); print(JSON.stringify(it.next())); print(JSON.stringify(it.return(5))); print(JSON.stringify(it.next())); print(JSON.stringify(it.next()));
function* t() { try { yield 1; } catch (e) { yield 'caught ' + e; } finally { print('t finally'); } }
const i2 = t(); i2.next(); print(JSON.stringify(i2.throw('x'))); print(JSON.stringify(i2.next()));`,
  },
  {
    name: 'await in finally and in catch',
    code: `async function f() { try { await null; throw new Error('boom'); } catch (e) { await null; print('caught ' + e.message); } finally { await null; print('finally'); } return 'done'; }
f().then(print);`,
  },
  {
    name: 'microtask ordering of async functions against a promise chain',
    code: `const log = [];
async function a() { log.push('a1'); await undefined; log.push('a2'); await null; log.push('a3'); }
async function b() { log.push('b1'); await Promise.resolve(); log.push('b2'); }
const arrow = async () => { log.push('c1'); return 1; };
Promise.resolve().then(() => log.push('p1')).then(() => log.push('p2')).then(() => log.push('p3')).then(() => print(log));
a(); b(); arrow().then(() => log.push('c2'));`,
  },
  {
    name: 'async iteration with for await and an async generator',
    code: `async function* src() { yield 1; await null; yield 2; }
(async function () { const seen = []; for await (const v of src()) { seen.push(v); await null; } print(seen); })();`,
  },
  {
    name: 'deep recursion hits RangeError, later calls still work',
    code: `function r(n) { return r(n + 1) + 1; }
try { r(0); } catch (e) { print(e.constructor === RangeError); }
function after(x) { return x * 2; } print(after(21));`,
  },
  {
    name: 'directives without semicolons stay directives',
    code: `function f() { 'use strict' } function g() { 'use strict'
return this; } print([f(), g()]);
function h() { "use strict"; return typeof this; } print(h());`,
  },
  {
    name: 'minified: arrow end and method end at the same offset',
    code: `var x=(e,r)=>e+r,o={m(){return(e,r)=>x(e,r)}};print(o.m()(1,2));var p={n(){return e=>r=>e+r}};print(p.n()(1)(2));`,
  },
  {
    name: 'hashbang stays on line 1',
    code: `#!/usr/bin/env node
function f() { return new Error().stack.split('\\n')[1].includes(':2:'); } print(f());`,
  },
  {
    name: 'labels, switch cases, with, getters and static blocks',
    code: `function f() { a: for (;;) { break a; } switch (1) { case 1: function s() { return 's'; } return s(); } }
print(f());
var obj = { get v() { return 1; }, set v(x) { this._v = x; } }; obj.v = 2; print([obj.v, obj._v]);
with ({ w() { return 'w'; } }) print(w());
class S { static #n = 0; static { S.k = () => ++S.#n; } } print([S.k(), S.k()]);`,
  },
  {
    name: 'direct eval sees locals, arguments and this',
    code: `function f(a) { var x = 1; return eval('x + a + arguments.length'); } print(f(2));
const o = { m() { return eval('this === o'); } }; print(o.m());`,
  },
];

async function runOnce(code: string, instrumented: boolean): Promise<{ outcome: string; printed: string[]; stats?: Stats }> {
  const context = vm.createContext();
  const printed: string[] = [];
  const global = vm.runInContext('this', context) as Record<string, unknown>;
  global.print = (v: unknown) => printed.push(String(v));
  let stats: (() => Stats) | undefined;
  let source = code;
  if (instrumented) {
    stats = recorderScript.runInContext(context) as () => Stats;
    const r = instrumentCode(code, { filename: path.join(root, 'edge.js'), root, sourceKind: 'script', sourceMap: false });
    expect(r.warnings).toEqual([]);
    source = r.code;
  }
  let outcome = 'ok';
  try {
    vm.runInContext(source, context, { filename: 'edge.js' });
  } catch (e) {
    outcome = `threw ${(e as Error)?.constructor?.name}`;
  }
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
  return { outcome, printed, stats: stats?.() };
}

describe('edge cases run plain and instrumented alike', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const plain = await runOnce(c.code, false);
    const instrumented = await runOnce(c.code, true);
    expect(plain.outcome).toBe('ok');
    expect(instrumented.outcome).toBe(plain.outcome);
    expect(instrumented.printed).toEqual(plain.printed);
    const stats = instrumented.stats!;
    expect(stats.lastAnomaly).toBe('');
    if (!c.noCalls) expect(stats.calls).toBeGreaterThan(0);
  });
});
