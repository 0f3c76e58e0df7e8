/**
 * The bench's clocks (notes/perf-limits.md): main-thread CPU from /proc/thread-self/schedstat
 * (ns on CPU, first field; the kernel updates it per tick, so samples should last >= 80 ms), or
 * process CPU (all threads, process.cpuUsage) where /proc is absent. Wall time for information.
 */
import fs from 'node:fs';

const SCHEDSTAT = '/proc/thread-self/schedstat';

function readSchedstat() {
  const text = fs.readFileSync(SCHEDSTAT, 'latin1');
  return Number(text.slice(0, text.indexOf(' ')));
}

function hasSchedstat() {
  try {
    return Number.isFinite(readSchedstat());
  } catch {
    return false;
  }
}

function processCpuNs() {
  const u = process.cpuUsage();
  return (u.user + u.system) * 1000;
}

/** `now()` returns CPU ns as a Number; `name` says which CPU it is. */
export const cpuClock = hasSchedstat()
  ? { name: 'main-thread CPU (schedstat)', now: readSchedstat }
  : { name: 'process CPU (cpuUsage: all threads)', now: processCpuNs };

export const wallNs = () => Number(process.hrtime.bigint());
