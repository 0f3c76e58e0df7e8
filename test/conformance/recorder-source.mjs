/**
 * The probe runtime installed in each vm context of an instrumented run, as source text evaluated
 * *inside* the context: a runtime in another realm would make probes throw that realm's errors (a
 * stack overflow inside a host function is the host's RangeError), which real programs never see.
 *
 * It is the project's real recorder (dist/runtime/recorder.js, bundled by esbuild into an IIFE)
 * wrapped by a protocol checker: tokens handed back to `x`/`s` must be ones `e` returned and still
 * open, `k` must index the registered table. Without the bundle, a stand-in ring recorder is used.
 * Nothing here touches an ordinary array or object slot a test could have trapped on a prototype
 * (`Object.prototype[0]` setters are common in test262): typed arrays and local variables only.
 * The script's completion value is a `stats()` function.
 */
import { buildSync } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

/** Bundle of the real recorder exposing `createRecorder`, or null when dist/ has none. */
export function bundleRealRecorder(repoRoot) {
  const entry = path.join(repoRoot, 'dist/runtime/recorder.js');
  if (!fs.existsSync(entry)) return null;
  const out = buildSync({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName: '__vtRecorderLib',
    platform: 'neutral',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0].text;
}

export function recorderSource(bundle) {
  // The bundle's `var __vtRecorderLib` stays local to the wrapping function: no global leaks.
  const lib = bundle ? `(function () {\n${bundle}\nreturn __vtRecorderLib; })()` : 'null';
  return String.raw`(function (lib) {
  'use strict';
  var now = Date.now, toBig = BigInt, tick = 0;
  var real = null;
  if (lib !== null) {
    // Context-local clock: captured now, so tests that replace Date or BigInt later cannot reach it.
    real = lib.createRecorder({ clock: function () { return toBig(now()) * 1000000n + toBig(tick++ & 0xfffff); },
      tracerEntries: 1024, stackCapacity: 2048 }); // small: one per vm context
    real.start();
  }
  var RING = 4096;
  var ring = new Int32Array(RING * 2);
  var head = 0;
  var calls = 0, exits = 0, suspends = 0, resumes = 0, modules = 0, anomalies = 0;
  var lastAnomaly = '';
  var depth = 0;
  function anomaly(what) { anomalies++; if (lastAnomaly === '') lastAnomaly = what; }
  var runtime = {
    protocol: 2,
    register: function (files, table) {
      var id = modules++ << 16;
      var n = 0;
      var inner = null;
      try {
        if (!Array.isArray(files) || !Array.isArray(table) || table.length % 4 !== 0) anomaly('bad table shape');
        n = table.length / 4;
        for (var i = 0; i < n; i++) {
          if (typeof table[i * 4] !== 'string' || typeof table[i * 4 + 1] !== 'number'
              || typeof table[i * 4 + 2] !== 'number' || typeof table[i * 4 + 3] !== 'number'
              || table[i * 4 + 1] >= files.length) { anomaly('bad table entry ' + i); break; }
        }
      } catch (err) { anomaly('register threw'); }
      if (real !== null) inner = real.register(files, table);
      return {
        // Probes read "on" before calling e(): mirror the real handle's flag (it flips on start/stop)
        get on() { return inner !== null ? inner.on : true; },
        e: function (k) {
          if (!(k >= 0 && k < n)) anomaly('e(' + k + ') outside table of ' + n);
          var d = depth;
          depth = d + 1;
          calls++;
          var at = (head++ & (RING - 1)) * 2;
          ring[at] = 1; ring[at + 1] = id | k;
          if (inner !== null) {
            var r = inner.e(k);
            if (r >= 0 && r !== d) anomaly('recorder depth ' + r + ' != ' + d);
          }
          return d;
        },
        x: function (d) {
          if (d < 0) return;
          if (d >= depth) { anomaly('x(' + d + ') at depth ' + depth); return; }
          exits++;
          var at = (head++ & (RING - 1)) * 2;
          ring[at] = 2; ring[at + 1] = d;
          depth = d;
          if (inner !== null) inner.x(d);
        },
        s: function (v, d, cleared) {
          if (d < 0) return v;
          if (d >= depth) { anomaly('s(' + d + ') at depth ' + depth); return v; }
          suspends++;
          var at = (head++ & (RING - 1)) * 2;
          ring[at] = 3; ring[at + 1] = d;
          depth = d;
          if (inner !== null) inner.s(v, d, cleared);
          return v;
        },
        a: function (v, reentered) {
          resumes++;
          if (inner !== null) inner.a(v, reentered);
          return v;
        },
      };
    },
  };
  Object.defineProperty(globalThis, '__viztracer__', { value: runtime, writable: false, enumerable: false, configurable: true });
  return function stats() {
    var recorded = -1;
    if (real !== null) recorded = real.snapshot().total;
    return { calls: calls, exits: exits, suspends: suspends, resumes: resumes, modules: modules,
      open: depth, anomalies: anomalies, lastAnomaly: lastAnomaly, recorded: recorded };
  };
})(${lib})`;
}
