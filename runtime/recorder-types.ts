/**
 * The recorder's public shape (recorder.ts builds it): the probe runtime plus what the runtimes
 * and the API drive: start/stop, probe windows (logSparse, ignoreFunction), custom events, save.
 */
import type { FunctionInfo } from './function-registry.js';
import type { ProbeRuntime } from './probe-protocol.js';
import type { RecorderLogs } from './recorder-logs.js';
import type { ResolvedRecorderOptions } from './recorder-options.js';
import type { RecorderSnapshot } from './recorder-snapshot.js';
import type { SafeRepr } from './safe-repr.js';

export interface Recorder extends ProbeRuntime {
  /** Start (or resume) recording. The first start samples the wall-clock base. */
  start(): void;
  /** Stop recording; calls already open still unwind the shadow stack but are not recorded. */
  stop(): void;
  /** Recording (custom events are kept); under --log-sparse the probes may still be dormant. */
  readonly isRecording: boolean;
  /** Probes record (false while stopped, and under --log-sparse outside logSparse calls). */
  readonly probesOn: boolean;
  /**
   * Turns the probes on for depths [from, to) (a logSparse call with a stack depth) or back to
   * the recorder's own state (`undefined`). Returns the previous window, to restore it.
   */
  probeWindow(window: ProbeWindow | undefined): ProbeWindow | undefined;
  /** Open frames on this thread. */
  readonly depth: number;
  /** The recorder's clock (monotonic ns). */
  now(): bigint;
  /** Log sites, custom events and call args (recorder-logs.ts). */
  readonly logs: RecorderLogs;
  /** Safe repr with the recorder's limit. */
  readonly repr: SafeRepr;
  /** `thread_name` of this thread in the trace, when set by the API. */
  threadName: string | undefined;
  /** tracer.setSyncMarker(): monotonic ns. */
  syncMarker: bigint | undefined;
  /** Drop every recorded call (the function table stays). */
  clear(): void;
  /** Completed calls + open frames closed now; views into live buffers, consume right away. */
  snapshot(): RecorderSnapshot;
  readonly functions: FunctionInfo;
  readonly options: ResolvedRecorderOptions;
}

/** Depths [from, to) whose calls the probes record. */
export interface ProbeWindow {
  from: number;
  to: number;
}
