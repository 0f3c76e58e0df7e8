/** What the phase handlers share: their signature, an event's parsed args, its name id. */
import type { ByteReader } from './byte-reader.js';
import type { EventRecord } from './event-record.js';
import type { RawTrace } from './raw-trace.js';

export function parseArgs(rec: EventRecord, r: ByteReader): Record<string, unknown> | null {
  if (rec.argsStart < 0) return null;
  try {
    const v: unknown = JSON.parse(r.text(rec.argsStart, rec.argsEnd));
    return v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export type Handler = (raw: RawTrace, rec: EventRecord, r: ByteReader) => void;

/** The event's name id; events without a name share "(unnamed)". */
export function nameOf(raw: RawTrace, rec: EventRecord): number {
  return rec.name >= 0 ? rec.name : raw.names.intern('(unnamed)');
}
