import type { LogEdit, LogPlan } from '../instrument/index.js';

type Edit<T extends LogEdit['type']> = Extract<LogEdit, { type: T }>;

/**
 * The plan's log edits by where the transformer meets them: TS nodes are found again by their
 * source range (`node.getStart()`..`node.end`), as instrument/ recorded it from oxc's AST.
 */
export interface LogEditIndex {
  /** 'wrap', 'reads', 'return' (with a value), 'cond-wrap', by the range of their expression; outermost first. */
  expressions: Map<string, LogEdit[]>;
  /** 'after', by the range of the statement. */
  after: Map<string, Edit<'after'>[]>;
  /** 'loop-body', by the range of the loop's body. */
  loopBodies: Map<string, Edit<'loop-body'>[]>;
  /** Bare `return;` statements, by range. */
  bareReturns: Set<string>;
  /** Magic `log_instant`/`log_var` lines, by offset. */
  calls: Edit<'call'>[];
}

export const rangeKey = (start: number, end: number): string => `${start}:${end}`;

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function indexLogEdits(plan: LogPlan): LogEditIndex {
  const index: LogEditIndex = { expressions: new Map(), after: new Map(), loopBodies: new Map(), bareReturns: new Set(), calls: [] };
  // The text emitter opens equal-depth edits in plan order: the first is the outermost. Deeper
  // ones (a larger depth at the same range) are inner: sort by depth, stable.
  const edits = plan.edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.depth - b.e.depth || a.i - b.i).map(({ e }) => e);
  for (const e of edits) {
    const key = rangeKey(e.start, e.end);
    switch (e.type) {
      case 'after':
        push(index.after, key, e);
        break;
      case 'loop-body':
        push(index.loopBodies, key, e);
        break;
      case 'call':
        index.calls.push(e);
        break;
      case 'asi':
        break;
      case 'return':
        if (e.bare) index.bareReturns.add(key);
        else push(index.expressions, key, e);
        break;
      default:
        push(index.expressions, key, e);
    }
  }
  index.calls.sort((a, b) => a.start - b.start);
  return index;
}
