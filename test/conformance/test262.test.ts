/**
 * Semantics preservation on the ECMAScript conformance suite (DESIGN.md §8, notes/reliability.md
 * §1): every scenario of test262's test/language runs plain and instrumented in node:vm; the two
 * outcomes must be equal except for the causes listed in accepted-differences.json.
 *
 * Env: VIZTRACER_TEST262=skip skips it; VIZTRACER_TEST262_FILTER=<substring> runs a subset (and
 * drops the scenario-count floor). The full run takes minutes (see the report it prints).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTest262, type Test262Report } from './test262-runner.mjs';

interface AcceptedCause {
  cause: string;
  why: string;
  flaky?: boolean;
  tests: string[];
}

const accepted: { causes: AcceptedCause[] } = JSON.parse(
  fs.readFileSync(path.join(import.meta.dirname, 'accepted-differences.json'), 'utf8'),
);
const filter = process.env.VIZTRACER_TEST262_FILTER;
const skip = process.env.VIZTRACER_TEST262 === 'skip';
/** Full runs execute ~44,500 scenarios (plain Node 20 fails ~1,000 of them). */
const MIN_SCENARIOS = 40_000;

describe.skipIf(skip)('test262 test/language, plain vs instrumented', () => {
  let report: Test262Report;

  it('runs', async () => {
    report = await runTest262({ transform: 'instrument', filter });
    const s = report.stats;
    console.log(
      `test262: ${s.scenarios} scenarios in ${report.seconds}s (${report.recorder} recorder): ` +
        `${s.passed} same (${s.unchangedCode} left unchanged by the instrumenter), ${s.plainFail} plain-fail, ${s.differences} differ; ` +
        `${s.recordedCalls} calls recorded in ${s.scenariosWithCalls} scenarios`,
    );
    expect(report.workerLogs).toEqual([]);
  }, 30 * 60_000);

  it('runs enough scenarios, and the instrumented ones record calls through the real recorder', () => {
    const s = report.stats;
    if (!filter) {
      expect(s.scenarios).toBeGreaterThan(MIN_SCENARIOS);
      // Plain Node 20 fails ~2.3% (features it lacks); far more means a broken runner.
      expect(s.plainFail).toBeLessThan(s.scenarios * 0.05);
      // Most tests whose code the instrumenter changed call at least one of their functions.
      expect(s.scenariosWithCalls).toBeGreaterThan((s.instrumentedScenarios - s.unchangedCode) / 2);
    }
    expect(report.recorder).toBe('real');
    expect(s.recordedCalls).toBeGreaterThan(0);
  });

  it('keeps every outcome, except the accepted differences', () => {
    const byFile = new Map<string, string>();
    for (const c of accepted.causes) for (const t of c.tests) byFile.set(t, c.cause);
    const unexplained = report.differences.filter((d) => !byFile.has(d.file));
    const lines = unexplained.map(
      (d) =>
        `${d.file} [${d.scenario}]\n    plain: ${d.plain}${d.plainMessage ? ` (${d.plainMessage})` : ''}\n` +
        `    instrumented: ${d.instr}${d.instrMessage ? ` (${d.instrMessage})` : ''}`,
    );
    expect(lines, `${unexplained.length} unexplained differences`).toEqual([]);
  });

  it('lists no test that no longer differs (flaky causes only warn)', () => {
    const differing = new Set(report.differences.map((d) => d.file));
    const ran = new Set([...report.differences, ...report.plainFails].map((d) => d.file));
    const stale: string[] = [];
    for (const c of accepted.causes) {
      for (const t of c.tests) {
        if (filter && !t.includes(filter)) continue;
        if (differing.has(t)) continue;
        const note = `${c.cause}: ${t}${ran.has(t) ? ' (now fails plainly)' : ' no longer differs'}`;
        if (c.flaky) console.warn(`accepted-differences: ${note}`);
        else stale.push(note);
      }
    }
    expect(stale, 'remove these from test/conformance/accepted-differences.json').toEqual([]);
  });

  it('keeps the probe protocol: no unbalanced or out-of-table probe calls', () => {
    expect(report.anomalies.map((a) => `${a.file} [${a.scenario}] ${a.anomaly}`)).toEqual([]);
  });

  it('instruments every test file V8 parses (no pass-through)', () => {
    expect(report.passThrough.map((p) => `${p.file} [${p.scenario}] ${p.warning}`)).toEqual([]);
  });
});

