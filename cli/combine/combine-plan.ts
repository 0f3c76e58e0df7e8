/**
 * What happens to each input's events in the combined trace: which pids move (two inputs may
 * come from processes that had the same pid, or be the same file twice: each input keeps its
 * processes apart), and by how much `ts` shifts under --align-combine. As in VizTracer's
 * ReportBuilder.align_events: the input's `sync_marker` becomes 0 when it has one, else its
 * first event does.
 */
import type { InputSummary } from './scan-input.js';

export interface InputPlan {
  input: InputSummary;
  /** Old pid -> new pid, only for the pids that move. */
  pidMap: Map<number, number>;
  /** Subtracted from every `ts`, in integer ns (the shift keeps ns precision). */
  shiftNs: number;
  /** How it was aligned, for the combined metadata. */
  alignedOn: 'sync_marker' | 'first_event' | undefined;
}

export function planInputs(inputs: readonly InputSummary[], align: boolean): InputPlan[] {
  const used = new Set<number>();
  for (const input of inputs) for (const pid of input.pids) used.add(pid);
  const claimed = new Set<number>();
  let next = used.size === 0 ? 1 : Math.max(...used) + 1;
  const fresh = (): number => {
    while (used.has(next) || claimed.has(next)) next++;
    return next++;
  };
  return inputs.map((input) => {
    const pidMap = new Map<number, number>();
    for (const pid of input.pids) {
      const to = claimed.has(pid) ? fresh() : pid;
      if (to !== pid) pidMap.set(pid, to);
      claimed.add(to);
    }
    return { input, pidMap, ...alignment(input, align) };
  });
}

function alignment(input: InputSummary, align: boolean): Pick<InputPlan, 'shiftNs' | 'alignedOn'> {
  if (!align) return { shiftNs: 0, alignedOn: undefined };
  const marker = input.metadata['sync_marker'];
  if (typeof marker === 'number' && Number.isFinite(marker)) return { shiftNs: usToNs(marker), alignedOn: 'sync_marker' };
  return { shiftNs: input.firstTs === undefined ? 0 : usToNs(input.firstTs), alignedOn: 'first_event' };
}

/** µs with up to three decimals -> integer ns (exact below 2^53 ns, about 104 days of uptime). */
export function usToNs(us: number): number {
  return Math.round(us * 1000);
}

/** Integer ns -> µs with exactly three decimals, as the runtime's writer prints `ts`; may be negative. */
export function nsToUsText(ns: number): string {
  const abs = Math.abs(ns);
  const us = Math.floor(abs / 1000);
  const frac = abs - us * 1000;
  return `${ns < 0 ? '-' : ''}${us}.${String(frac).padStart(3, '0')}`;
}
