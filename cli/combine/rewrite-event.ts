/**
 * One event as it goes into the combined trace: the raw bytes when nothing changes (no parse, no
 * reformatting, the fast path of a plain --combine), else the event with its pid moved and its
 * `ts` shifted. `ts` and `dur` are printed from integer ns with three decimals, as the runtime's
 * writer prints them, so no float error (`95.25099999`) creeps in.
 */
import { nsToUsText, usToNs, type InputPlan } from './combine-plan.js';

/** True when the input's events are copied byte for byte. */
export function isVerbatim(plan: InputPlan): boolean {
  return plan.pidMap.size === 0 && plan.shiftNs === 0;
}

/** The event's JSON text in the combined trace. */
export function rewriteEvent(event: Record<string, unknown>, plan: InputPlan): string {
  const { pid, tid } = event;
  const moved = typeof pid === 'number' ? plan.pidMap.get(pid) : undefined;
  if (moved !== undefined) {
    event['pid'] = moved;
    // The main thread's tid is its pid (trace-format.ts); keep that true after the move.
    if (tid === pid) event['tid'] = moved;
  }
  let out = '{';
  for (const [key, value] of Object.entries(event)) {
    if (out.length > 1) out += ',';
    out += `${JSON.stringify(key)}:`;
    if (key === 'ts' && typeof value === 'number') out += usText(value, plan.shiftNs);
    else if (key === 'dur' && typeof value === 'number') out += usText(value, 0);
    else out += JSON.stringify(value);
  }
  return `${out}}`;
}

/** `us - shiftNs` with three decimals; a value beyond integer-ns range (not ours) as JSON has it. */
function usText(us: number, shiftNs: number): string {
  const ns = usToNs(us) - shiftNs;
  return Number.isSafeInteger(ns) ? nsToUsText(ns) : JSON.stringify(us - shiftNs / 1000);
}
