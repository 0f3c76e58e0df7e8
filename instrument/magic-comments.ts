import { parseSync } from 'oxc-parser';
import type { CommentLike } from './ignore-comments.js';

/**
 * `// !viztracer:` magic comments (VizTracer's syntax, always on):
 *   x = f();  // !viztracer: log             logs the statement's targets (or its value) as 'var'
 *   // !viztracer: log_instant("name")       a statement calling tracer.logInstant("name")
 *   // !viztracer: log_var("name", expr)     a statement calling tracer.logVar("name", expr)
 * each optionally followed by ` if <cond>`: logged only when cond is truthy, and cond is
 * evaluated only while recording.
 */
export interface MagicComments {
  /** Trailing `log` comments, by the offset where the statement before them ends. */
  trailing: Map<number, { cond: string | null; comment: CommentLike }>;
  /** Whole-line `log_instant`/`log_var` comments, in source order. */
  lines: { comment: CommentLike; call: string; cond: string | null }[];
  warnings: { at: number; message: string }[];
}

const PREFIX = /^\s*!viztracer:\s*/;
const LOG = /^log(?:\s+if\s+(.+?))?\s*$/;
const CALL = /^(log_instant|log_var)\s*\((.*?)\)\s*(?:if\s+(.+?))?\s*$/;
const API: Record<string, string> = { log_instant: 'logInstant', log_var: 'logVar' };

export function findMagicComments(code: string, comments: readonly CommentLike[]): MagicComments | null {
  let found: MagicComments | null = null;
  for (const c of comments) {
    if (!PREFIX.test(c.value) || code[c.start + 1] !== '/') continue;
    found ??= { trailing: new Map(), lines: [], warnings: [] };
    const body = c.value.replace(PREFIX, '');
    let i = c.start - 1;
    while (i >= 0 && (code[i] === ' ' || code[i] === '\t')) i--;
    const wholeLine = i < 0 || code[i] === '\n' || code[i] === '\r';
    const log = LOG.exec(body);
    const call = CALL.exec(body);
    if (log && !wholeLine) {
      const cond = log[1] ?? null;
      if (cond !== null && !parses(`(${cond});0;`)) found.warnings.push({ at: c.start, message: `!viztracer: cannot parse the condition "${cond}"` });
      else found.trailing.set(i + 1, { cond, comment: c });
    } else if (call && wholeLine) {
      const text = `globalThis.__viztracer__.tracer.${API[call[1]!]!}(${call[2]!})`;
      const cond = call[3] ?? null;
      if (!parses(`${text};(${cond ?? 0});`)) found.warnings.push({ at: c.start, message: `!viztracer: cannot parse "${body.trim()}"` });
      else found.lines.push({ comment: c, call: text, cond });
    } else {
      found.warnings.push({ at: c.start, message: `!viztracer: unknown or misplaced magic comment "${body.trim()}" (see README: Compile-time logs)` });
    }
  }
  return found;
}

/** A magic comment's code is pasted into the module: it must be one well-formed expression. */
function parses(source: string): boolean {
  const result = parseSync('magic.js', source, { lang: 'js', sourceType: 'script' });
  return result.errors.length === 0 && (result.program.body as unknown[]).length === 2;
}
