/**
 * Instruments files on worker threads, so a large build's parsing runs beside the bundler instead
 * of on its thread: webpack and Rspack do all their own work on the main thread, and esbuild's
 * plugin callbacks all wait for ours. Measured on webpack's lib/ (bench/build-bench.mjs): see the
 * README's "Build time".
 *
 * - One pool per process, shared by every plugin instance, started once 1 MB of code was
 *   instrumented (a small build or a dev server's first pages never pay for starting workers).
 *   Until a worker says it is ready (it loads the parsers), files are instrumented in-thread, so
 *   no build waits for it.
 * - Workers are unref'd while idle: they never keep a process alive.
 * - A worker that cannot start or dies hands its files back to the main thread.
 * - `VIZTRACER_INSTRUMENT_THREADS=0` instruments everything in-thread (N: at most N workers).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { instrumentCode, type InstrumentOptions, type InstrumentResult } from '../instrument/index.js';
import type { InstrumentJob, InstrumentReply } from './instrument-worker.js';

interface Slot {
  worker: Worker;
  ready: boolean;
  inFlight: number;
  /** Characters of code posted and not answered yet: how long the worker is busy. */
  queued: number;
}

interface Pending {
  code: string;
  size: number;
  options: InstrumentOptions;
  slot: Slot;
  resolve: (result: InstrumentResult) => void;
  reject: (error: Error) => void;
}

const START_AFTER_BYTES = 1 << 20;

const slots: Slot[] = [];
const pending = new Map<number, Pending>();
let nextId = 0;
let started = false;
let bytesSeen = 0;

/**
 * `shareMainThread`: the calling thread is otherwise idle (esbuild runs in its own process), so it
 * takes the files that would wait behind busy workers.
 */
export async function instrumentInPool(code: string, options: InstrumentOptions, shareMainThread: boolean): Promise<InstrumentResult> {
  if (!started && (bytesSeen += code.length) >= START_AFTER_BYTES) start();
  let slot: Slot | undefined;
  for (const s of slots) if (s.ready && (!slot || s.queued < slot.queued)) slot = s;
  // Sharing: this thread takes a file only while the workers have more than it queued, so they
  // stay busy until it is done (a count of files would let one large file here idle them).
  if (!slot || (shareMainThread && slot.queued > code.length)) return instrumentCode(code, options);
  const id = nextId++;
  if (slot.inFlight++ === 0) slot.worker.ref();
  slot.queued += code.length;
  slot.worker.postMessage({ id, code, options } satisfies InstrumentJob);
  return new Promise((resolve, reject) => pending.set(id, { code, size: code.length, options, slot, resolve, reject }));
}

function start(): void {
  started = true;
  const env = process.env['VIZTRACER_INSTRUMENT_THREADS'];
  const wanted = env !== undefined && /^\d+$/.test(env) ? Number(env) : Math.min(4, availableParallelism() - 1);
  for (let i = 0; i < wanted; i++) {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./instrument-worker.js', import.meta.url));
    } catch {
      return; // e.g. running from the TypeScript sources: everything stays in-thread
    }
    const slot: Slot = { worker, ready: false, inFlight: 0, queued: 0 };
    slots.push(slot);
    worker.unref();
    worker.on('message', (reply: InstrumentReply) => onReply(slot, reply));
    worker.on('error', () => retire(slot));
    worker.on('exit', () => retire(slot));
  }
}

/** Resolves when a worker first says it is ready (tests wait on it instead of sleeping). */
let markReady: () => void = () => {};
const firstReady = new Promise<void>((resolve) => (markReady = resolve));

/** A worker of the pool is ready (it has started: more than 1 MB was instrumented). */
export function workerReady(): Promise<void> {
  return firstReady;
}

function onReply(slot: Slot, reply: InstrumentReply): void {
  if ('ready' in reply) {
    slot.ready = true;
    markReady();
    return;
  }
  const job = pending.get(reply.id);
  if (!job) return;
  pending.delete(reply.id);
  slot.queued -= job.size;
  if (--slot.inFlight === 0) slot.worker.unref();
  if ('error' in reply) job.reject(new Error(reply.error));
  else job.resolve(reply.result);
}

/** A worker that failed or exited: its files are instrumented here instead. */
function retire(slot: Slot): void {
  const at = slots.indexOf(slot);
  if (at === -1) return;
  slots.splice(at, 1);
  void slot.worker.terminate();
  for (const [id, job] of pending) {
    if (job.slot !== slot) continue;
    pending.delete(id);
    try {
      job.resolve(instrumentCode(job.code, job.options));
    } catch (error) {
      job.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
}
