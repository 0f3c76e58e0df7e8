/** Turns measurements into the tables `npm run bench` prints, with the targets marked. */
import { halfIqr, median } from './stats.mjs';

export const TARGETS = { tracedOverIdeal: 1.2, dormantNs: 2, saveEventsPerSec: 2.5e6, saveRssGrowthMB: 64 };

const fmt = (x, digits = 3) => {
  if (!Number.isFinite(x)) return 'n/a';
  if (Math.abs(x) >= 10 ** digits) return x.toFixed(0);
  return x.toPrecision(digits);
};
const fmtNs = (x) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');

/** met / NOT met, or "~" when the noise estimate straddles the limit. */
function verdict(value, limit, noise = 0) {
  if (!Number.isFinite(value)) return 'n/a';
  if (value <= limit) return 'met';
  return value - noise <= limit ? '~ (noise)' : 'NOT met';
}

export function table(headers, rows) {
  const cells = [headers, ...rows].map((r) => r.map(String));
  const widths = headers.map((_, j) => Math.max(...cells.map((r) => r[j].length)));
  const line = (r) => `| ${r.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join(' | ')} |`;
  return [line(cells[0]), `|${widths.map((w, j) => (j === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...cells.slice(1).map(line)].join('\n');
}

/** Per-variant statistics of one workload. */
export function summarize(m, calls) {
  const base = m.cpuMs.base;
  const out = {};
  for (const [name, ms] of Object.entries(m.cpuMs)) {
    const added = ms.map((v, r) => ((v - base[r]) * 1e6) / calls);
    out[name] = {
      ms: median(ms),
      addedNs: median(added),
      noiseNs: halfIqr(added),
      ratio: median(ms.map((v, r) => v / base[r])),
      wallRatio: median(m.wallMs[name].map((v, r) => v / m.wallMs.base[r])),
      reps: m.reps[name],
    };
  }
  return out;
}

export function variantTable(s) {
  const rows = Object.entries(s).map(([name, v]) => [
    name, fmt(v.ms), `${fmtNs(v.addedNs)} ±${fmtNs(v.noiseNs)}`, `${fmt(v.ratio)}x`, `${fmt(v.wallRatio)}x`, v.reps,
  ]);
  return table(['variant', 'ms/run', '+ns/call ±½IQR', 'x base', 'wall x', 'runs/sample'], rows);
}

export function summaryRow(workload, calls, s) {
  const ideal = s.ideal?.addedNs;
  const traced = s.traced?.addedNs;
  const over = traced / ideal;
  const overNoise = s.traced && s.ideal ? (s.traced.noiseNs + over * s.ideal.noiseNs) / ideal : 0;
  return [
    workload.name,
    calls.toLocaleString('en-US'),
    `${fmtNs((s.base.ms * 1e6) / calls)}`,
    fmt(s.base.ms), fmt(s.ideal?.ms), fmt(s.traced?.ms), fmt(s.dormant?.ms),
    fmtNs(ideal), fmtNs(traced), fmtNs(s.dormant?.addedNs),
    `${fmt(s.traced?.ratio)}x`,
    `${fmt(over)} ${verdict(over, TARGETS.tracedOverIdeal, overNoise)}`,
    `${fmtNs(s.dormant?.addedNs)} ${verdict(s.dormant?.addedNs, TARGETS.dormantNs, s.dormant?.noiseNs)}`,
  ];
}

export const SUMMARY_HEADERS = [
  'workload', 'calls/run', 'base ns/call', 'base ms', 'ideal ms', 'traced ms', 'dormant ms',
  'ideal +ns', 'traced +ns', 'dormant +ns', 'traced/base',
  `traced+/ideal+ (<=${TARGETS.tracedOverIdeal})`, `dormant +ns (<=${TARGETS.dormantNs})`,
];

export function saveRows(results) {
  return results.map((r) => {
    if (r.error) return [r.label, r.error, '', '', '', '', '', ''];
    const perCpu = r.events / (r.cpuMs / 1e3);
    const perWall = r.events / (r.wallMs / 1e3);
    const growth = r.peakRssMB - r.rssBeforeMB;
    const memory = r.heapMB ? `${fmt(r.peakRssMB)} MB peak, +${fmt(growth)} while saving (old space ${r.heapMB} MB) ${verdict(growth, TARGETS.saveRssGrowthMB)}` : `+${fmt(growth)} MB while saving`;
    return [
      r.label, r.events.toLocaleString('en-US'), fmt(r.mb), fmt(r.cpuMs), fmt(r.wallMs),
      `${fmt(perCpu / 1e6)} M/s ${verdict(-perCpu, -TARGETS.saveEventsPerSec)}`, `${fmt(perWall / 1e6)} M/s`, memory,
    ];
  });
}

export const SAVE_HEADERS = ['save (writeTrace, JSON)', 'events', 'MB', 'CPU ms', 'wall ms', `events/s CPU (>=${TARGETS.saveEventsPerSec / 1e6} M)`, 'events/s wall', 'memory'];
