/**
 * `l`, `r`, `g`, `v` of the probe protocol, added to a module's handle when it registered a log
 * table. Each checks the recorder's flag itself and never throws into the program; `l`, `r` and
 * `v` return their value unchanged.
 */
import type { ProbeHandle } from './probe-protocol.js';
import type { RecorderLogs } from './recorder-logs.js';

export function addLogMethods(handle: ProbeHandle, logBase: number, logs: RecorderLogs, isOn: () => boolean): void {
  handle.l = <T>(k: number, v: T): T => {
    if (isOn()) {
      try {
        logs.site(logBase + k, v);
      } catch {
        // never into user code
      }
    }
    return v;
  };
  handle.r = <T>(v: T): T => v;
  handle.g = (d: number, k: number, ...values: unknown[]): void => {
    if (!isOn() || d < 0) return;
    try {
      logs.funcArgs(d, logBase + k, values);
    } catch {
      // never into user code
    }
  };
  handle.v = <T>(d: number, v: T): T => {
    if (isOn() && d >= 0) {
      try {
        logs.returnValue(d, v);
      } catch {
        // never into user code
      }
    }
    return v;
  };
}
