/**
 * Raw columns of the scanned events, before sorting: slices, instants, flows, counters, objects and
 * the track table. Events are dispatched by phase to phase-handlers.ts; anything odd is counted in
 * `problems` for the warning banner, never thrown.
 */
import { ArgsBuilder } from './args-table.js';
import type { ByteReader } from './byte-reader.js';
import type { EventRecord } from './event-record.js';
import { GrowF64, GrowI32 } from './growable.js';
import { BY_CODE } from './phase-handlers.js';
import type { NameInterner } from './name-interner.js';
import type { TrackKind } from './trace-model.js';

export interface RawTrack {
  pid: number;
  tid: number;
  kind: TrackKind;
  /** Async tracks: "cat:id"; counter tracks: the counter's display name. */
  label: string;
  /** B events still open, as slice indexes. */
  open: number[];
}

export interface RawCounter {
  name: string;
  track: number;
  ts: GrowF64;
  value: GrowF64;
}

export interface RawObject {
  name: string;
  ph: 'N' | 'O' | 'D';
  ts: number;
  id: string;
  pid: number;
  argsRef: number;
}

export class RawTrace {
  readonly ts = new GrowF64();
  readonly dur = new GrowF64();
  readonly name = new GrowI32();
  readonly track = new GrowI32();
  readonly argsRef = new GrowI32();
  readonly args = new ArgsBuilder();
  readonly tracks: RawTrack[] = [];
  readonly trackIndex = new Map<string, number>();
  readonly processNames = new Map<number, string>();
  readonly threadNames = new Map<string, string>();
  readonly sortIndex = new Map<string, number>();
  readonly instTs = new GrowF64();
  readonly instName = new GrowI32();
  readonly instTrack = new GrowI32();
  readonly instScope = new GrowI32();
  readonly instArgs = new GrowI32();
  readonly flowName = new GrowI32();
  readonly flowFromTs = new GrowF64();
  readonly flowFromTrack = new GrowI32();
  readonly flowToTs = new GrowF64();
  readonly flowToTrack = new GrowI32();
  /** 1 when the end binds to the enclosing slice only (`bp:"e"`), 0 when it may bind to the next one. */
  readonly flowToEnclosing = new GrowI32();
  readonly flowOpen = new Map<string, { ts: number; track: number }>();
  readonly counters: RawCounter[] = [];
  readonly counterIndex = new Map<string, number>();
  readonly objects: RawObject[] = [];
  /** Problem kind → count, turned into warnings at the end. */
  readonly problems = new Map<string, number>();
  /** X events read: the calls, as the runtime counts its "events". */
  completeEvents = 0;

  readonly names: NameInterner;
  readonly strings: NameInterner;
  constructor(names: NameInterner, strings: NameInterner) {
    this.names = names;
    this.strings = strings;
  }

  problem(kind: string): void {
    this.problems.set(kind, (this.problems.get(kind) ?? 0) + 1);
  }

  private lastPid = NaN;
  private lastTid = NaN;
  private lastThread = -1;

  /** Track of (pid, tid) slices; cached for the common run of events on one thread. */
  threadTrack(pid: number, tid: number): number {
    if (pid === this.lastPid && tid === this.lastTid) return this.lastThread;
    this.lastPid = pid;
    this.lastTid = tid;
    this.lastThread = this.trackOf(pid, tid, 'thread', '');
    return this.lastThread;
  }

  trackOf(pid: number, tid: number, kind: TrackKind, label: string): number {
    const key = `${kind}|${pid}|${tid}|${label}`;
    let t = this.trackIndex.get(key);
    if (t === undefined) {
      t = this.tracks.length;
      this.tracks.push({ pid, tid, kind, label, open: [] });
      this.trackIndex.set(key, t);
    }
    return t;
  }

  pushSlice(ts: number, dur: number, name: number, track: number, rec: EventRecord, r: ByteReader): number {
    const i = this.ts.n;
    this.ts.push(ts);
    this.dur.push(dur);
    this.name.push(name);
    this.track.push(track);
    this.argsRef.push(this.argsOf(rec, r));
    return i;
  }

  /** Keeps the event's `args` bytes; -1 when it has none (or only `{}`). */
  argsOf(rec: EventRecord, r: ByteReader): number {
    if (rec.argsStart < 0 || rec.argsEnd - rec.argsStart <= 2) return -1;
    return this.args.add(r.buf, rec.argsStart, rec.argsEnd);
  }

  add(rec: EventRecord, r: ByteReader): void {
    if (rec.badTypes > 0) this.problem('values of the wrong type (accepted where possible)');
    if (rec.phText !== '' || rec.ph === 0) {
      this.problem(`unknown phase "${rec.phText}" (ignored)`);
      return;
    }
    const handler = rec.ph < 128 ? BY_CODE[rec.ph] : undefined;
    if (handler === undefined) {
      this.problem(`unknown phase "${String.fromCharCode(rec.ph)}" (ignored)`);
      return;
    }
    if (Number.isNaN(rec.tid)) rec.tid = rec.pid;
    if (rec.ph !== 0x4d && !Number.isFinite(rec.ts)) {
      this.problem('events without a numeric ts (ignored)');
      return;
    }
    handler(this, rec, r);
  }
}
