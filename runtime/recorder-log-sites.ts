/**
 * The global log-site table (compile-time logs, probe-protocol.ts LogTable): every module's sites
 * appended once at registration, so `l(k, v)` passes a small integer and texts are only used when
 * the trace is saved. Registered lazily at a module's first probe, hence the captured builtins.
 */
import { LOG_STRIDE, type LogKind, type LogTable } from './probe-protocol.js';
import { append, isArray } from './safe-builtins.js';

/** Read-only view of the registered log sites, indexed by global site id. */
export interface LogSiteInfo {
  /** What each site records (LogKind); 'unknown' for a malformed entry (it records nothing). */
  readonly kinds: readonly (LogKind | 'unknown')[];
  /** The site's text (variable name, `this.a.b`, function name, parameter names joined by ","). */
  readonly texts: readonly string[];
  /** Source path relative to the project root. */
  readonly files: readonly string[];
  /** 1-based line of the logged statement (0 when unknown). */
  readonly lines: readonly number[];
}

export interface LogSiteRegistry extends LogSiteInfo {
  /** Appends one module's log table; returns the module's first global site id. Never throws. */
  add(files: readonly string[], logs: LogTable): number;
}

const KINDS: readonly string[] = ['var', 'number', 'attr', 'exec', 'entry', 'exception', 'args'];

export function createLogSiteRegistry(): LogSiteRegistry {
  const kinds: (LogKind | 'unknown')[] = [];
  const texts: string[] = [];
  const files: string[] = [];
  const lines: number[] = [];

  function add(moduleFiles: readonly string[], logs: LogTable): number {
    const base = kinds.length;
    const list = isArray(logs) ? logs : [];
    const paths = isArray(moduleFiles) ? moduleFiles : [];
    const count = ((list.length + LOG_STRIDE - 1) / LOG_STRIDE) | 0;
    for (let k = 0; k < count; k++) {
      const at = k * LOG_STRIDE;
      const kind = list[at];
      const text = list[at + 1];
      const fileIndex = list[at + 2];
      const line = list[at + 3];
      const file = typeof fileIndex === 'number' ? paths[fileIndex] : undefined;
      append(kinds, isKind(kind) ? kind : 'unknown');
      append(texts, typeof text === 'string' ? text : '');
      append(files, typeof file === 'string' ? file : '<unknown>');
      append(lines, typeof line === 'number' && line >= 1 && line < 2 ** 31 ? line | 0 : 0);
    }
    return base;
  }

  return { kinds, texts, files, lines, add };
}

function isKind(value: unknown): value is LogKind {
  for (let i = 0; i < KINDS.length; i++) if (KINDS[i] === value) return true;
  return false;
}
