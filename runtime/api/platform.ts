/**
 * What the API needs from the platform it runs on: attach to the runtime already installed (the
 * program runs under `viztracer` or was built with a bundler plugin) or install one, and save.
 * The package entry sets it: runtime/index.ts (Node) or runtime/browser-index.ts (browsers), so
 * the API itself imports no node: module.
 */
import type { Recorder } from '../recorder.js';
import { VizTracerError } from '../viztracer-error.js';
import type { ResolvedApiOptions } from './api-options.js';
import type { LogFacade } from './custom-events.js';

export interface RuntimeLink {
  readonly recorder: Recorder;
  /** The API installed this runtime (else the CLI or a bundler plugin did). */
  readonly owned: boolean;
  /** Saves to `output` (default: the tracer's output); Node returns the events written, browsers a promise. */
  save(output: string | undefined): number | Promise<number>;
  /** Makes `tracer` what `globalThis.__viztracer__.tracer` is (magic comments call it). */
  setTracer(tracer: LogFacade): void;
}

export interface Platform {
  readonly name: 'node' | 'browser';
  /** The installed runtime, or undefined. */
  installed(): RuntimeLink | undefined;
  /** The installed runtime's recorder (what a wrapped function reads on every call: no link is built). */
  recorder(): Recorder | undefined;
  /** Attaches to the installed runtime, or installs one for these options. */
  link(options: ResolvedApiOptions): RuntimeLink;
}

/** A runtime an earlier VizTracer installed, taken over by a new one: a clean slate, as a new tracer. */
export function resetForNewTracer(recorder: Recorder): void {
  recorder.stop();
  recorder.clear();
  recorder.syncMarker = undefined;
}

let current: Platform | undefined;

export function setPlatform(platform: Platform): void {
  current = platform;
}

export function getPlatform(): Platform {
  if (current === undefined) throw new VizTracerError('INTERNAL', 'the VizTracer API was loaded without a platform entry (import "viztracer")');
  return current;
}
