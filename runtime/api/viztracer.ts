/**
 * `new VizTracer(options)`: the tracer API (Python VizTracer's, in camelCase). It attaches to the
 * runtime already installed (a program run by `viztracer` or built with a bundler plugin) or
 * installs one that waits for `start()`. Only one tracer is current: the last one created, which
 * `getTracer()` returns and magic comments log through (`globalThis.__viztracer__.tracer`).
 */
import type { InstantScope } from '../custom-event.js';
import type { Recorder } from '../recorder.js';
import { resolveApiOptions, type ResolvedApiOptions, type VizTracerOptions } from './api-options.js';
import {
  ASYNC_DISPOSE, DISPOSE, checkName, counter, instant, logEvent, logVar, type LogFacade, type LoggedEvent,
} from './custom-events.js';
import { getPlatform, type RuntimeLink } from './platform.js';
import { isThenable } from './wrap-function.js';

let currentTracer: VizTracer | undefined;

export class VizTracer implements LogFacade {
  readonly options: ResolvedApiOptions;
  readonly #link: RuntimeLink;
  #started = false;

  constructor(options?: VizTracerOptions) {
    this.options = resolveApiOptions(options);
    this.#link = getPlatform().link(this.options);
    this.#link.setTracer(this);
    this.#started = this.recorder.isRecording; // attached to a runtime that records from the start
    currentTracer = this;
  }

  /** The recorder this tracer drives (shared with the installed runtime). */
  get recorder(): Recorder {
    return this.#link.recorder;
  }

  /** True between start() and stop() (also while paused). */
  get started(): boolean {
    return this.#started;
  }

  /** Recording now (started and not paused; a runtime installed by the CLI records from the start). */
  get enabled(): boolean {
    return this.recorder.isRecording;
  }

  start(): void {
    this.#started = true;
    this.recorder.start();
  }

  stop(): void {
    this.#started = false;
    this.recorder.stop();
  }

  /** Stops recording until resume(); does nothing unless started. */
  pause(): void {
    if (this.#started) this.recorder.stop();
  }

  resume(): void {
    if (this.#started) this.recorder.start();
  }

  /** Drops everything recorded so far. */
  clear(): void {
    this.recorder.clear();
  }

  /** Writes the trace (Node: synchronously, returns the events written; browsers: a promise). */
  save(file?: string): number | Promise<number> {
    if (file !== undefined && (typeof file !== 'string' || file === '')) checkName('save()', file);
    return this.#link.save(file ?? (this.options.outputGiven || this.#link.owned ? this.options.outputFile : undefined));
  }

  /** start(), fn(), stop() and save(), also when fn throws or its promise rejects. */
  run<T>(fn: () => T): T {
    this.start();
    let result: T;
    try {
      result = fn();
    } catch (error) {
      this.#finish();
      throw error;
    }
    if (isThenable(result)) {
      return Promise.resolve(result).finally(() => this.#finishAsync()) as T;
    }
    this.#finish();
    return result;
  }

  #finish(): void {
    this.stop();
    const saved = this.save();
    // A browser save is asynchronous: report its failure instead of an unhandled rejection.
    if (typeof saved !== 'number') saved.catch((error: unknown) => console.error(`viztracer: ${String(error)}`));
  }

  async #finishAsync(): Promise<void> {
    this.stop();
    await this.save();
  }

  /** `using tracer = new VizTracer(); tracer.start()`: stops and saves when the block ends, even by a throw. */
  [DISPOSE](): void {
    this.#finish();
  }

  async [ASYNC_DISPOSE](): Promise<void> {
    await this.#finishAsync();
  }

  /** A duration event `name` (cat "custom") from now until the result is disposed or ended. */
  logEvent(name: string): LoggedEvent {
    return logEvent(this.recorder, name);
  }

  /** An instant event; scope "g" (global), "p" (process) or "t" (thread). */
  instant(name: string, args?: unknown, scope: InstantScope = 't'): void {
    instant(this.recorder, name, args, scope);
  }

  /** VizTracer's log_instant (what `// !viztracer: log_instant("x")` calls). */
  logInstant(name: string, args?: unknown, scope: InstantScope = 't'): void {
    instant(this.recorder, name, args, scope);
  }

  /** A counter sample: every value must be a finite number (or bigint). */
  counter(name: string, values: Record<string, number | bigint>): void {
    counter(this.recorder, name, values);
  }

  /** A number becomes a counter {value}, anything else an instant {object: <safe repr>}. */
  logVar(name: string, value: unknown): void {
    logVar(this.recorder, name, value);
  }

  /** The name of the current thread in the trace. */
  setThreadName(name: string): void {
    this.recorder.threadName = checkName('setThreadName()', name);
  }

  /** Marks now as the point `viztracer --align-combine` aligns traces on (metadata sync_marker). */
  setSyncMarker(): void {
    if (this.recorder.syncMarker !== undefined) console.warn('viztracer: setSyncMarker() called again: the last marker wins');
    this.recorder.syncMarker = this.recorder.now();
  }

  /** The sync marker in µs on the trace's time base, or undefined. */
  getSyncMarker(): number | undefined {
    const m = this.recorder.syncMarker;
    return m === undefined ? undefined : Number(m) / 1000;
  }

  /** Now in µs on the trace's time base (the `ts` of an event logged now). */
  getTs(): number {
    return Number(this.recorder.now()) / 1000;
  }
}

/**
 * The current tracer: the last VizTracer created, or, when a runtime is installed (the program
 * runs under `viztracer` or a plugin build), one attached to it. Undefined otherwise.
 */
export function getTracer(): VizTracer | undefined {
  if (currentTracer !== undefined) return currentTracer;
  if (getPlatform().installed() === undefined) return undefined;
  return new VizTracer();
}

