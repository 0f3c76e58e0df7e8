import type * as TS from 'typescript';
import type { LogPlan } from '../instrument/index.js';
import { indexLogEdits, rangeKey } from './log-edits-index.js';
import type { LogNodes } from './log-nodes.js';

/**
 * Where instrument-source-file.ts puts the plan's compile-time logs: each edit is found again by
 * the source range of its TS node (log-edits-index.ts) and emitted with log-nodes.ts.
 */
export interface LogVisitor {
  /** Statements after function K's entry probe. */
  entry(k: number): TS.Statement[];
  /**
   * A statement list (`from`..`to` in the source) with its log statements: magic
   * `log_instant`/`log_var` lines where the planner put them, 'after' logs behind their statement.
   */
  list(statements: readonly TS.Statement[], visit: (s: TS.Statement) => TS.Statement, from: number, to: number): TS.Statement[];
  /** The log edits of one original node, applied to its rewritten form. */
  apply(node: TS.Node, rewritten: TS.Node): TS.Node;
}

export function createLogVisitor(ts: typeof TS, f: TS.NodeFactory, sf: TS.SourceFile, plan: LogPlan, nodes: LogNodes): LogVisitor {
  const index = indexLogEdits(plan);
  const usedCalls = new Set<object>();

  /** An identifier for a binding `scope` writes, tied to the source's own, so TS rewrites both alike (`exports.x`, `NS.x`). */
  const refIn = (scope: TS.Node) => (name: string): TS.Expression => {
    let found: TS.Identifier | undefined;
    const find = (n: TS.Node): void => {
      if (found) return;
      if (ts.isIdentifier(n) && n.text === name) found = n;
      else ts.forEachChild(n, find);
    };
    find(scope);
    const ref = f.createIdentifier(name);
    return found ? ts.setOriginalNode(ref, found) : ref;
  };

  return {
    entry(k) {
      const logs = plan.entries.get(k);
      return logs ? nodes.entry(logs) : [];
    },

    list(statements, visit, from, to) {
      const out: TS.Statement[] = [];
      // The planner puts a call at the start of the statement after its comment (or at the
      // comment when no statement follows): in [a, b], each call once.
      const calls = (a: number, b: number) => {
        for (const c of index.calls) {
          if (c.start < a || c.start > b || usedCalls.has(c)) continue;
          usedCalls.add(c);
          out.push(nodes.call(c));
        }
      };
      let last = from;
      for (const statement of statements) {
        const start = statement.getStart(sf);
        calls(last, start);
        out.push(visit(statement));
        for (const e of index.after.get(rangeKey(start, statement.end)) ?? []) {
          if (!e.block) out.push(...nodes.after(e, refIn(statement)));
        }
        last = statement.end;
      }
      calls(last, to);
      return out;
    },

    apply(node, rewritten) {
      const key = rangeKey(node.getStart(sf), node.end);
      let out = rewritten;
      // An expression statement without `;` has its expression's range: the edit is the expression's.
      const expressionEdits = ts.isExpressionStatement(node) ? undefined : index.expressions.get(key);
      if (expressionEdits) {
        for (let i = expressionEdits.length - 1; i >= 0; i--) out = nodes.expression(expressionEdits[i]!, out as TS.Expression, refIn(node));
      }
      const parent = node.parent as TS.Node | undefined;
      const loop = parent && (ts.isForOfStatement(parent) || ts.isForInStatement(parent)) && parent.statement === node ? parent : undefined;
      for (const e of (loop && index.loopBodies.get(key)) ?? []) {
        out = f.createBlock([...nodes.reads(e.reads, refIn(loop!.initializer)), out as TS.Statement], true);
      }
      const afterEdits = ts.isVariableStatement(node) || ts.isExpressionStatement(node) ? index.after.get(key) : undefined;
      for (const e of afterEdits ?? []) if (e.block) out = f.createBlock([out as TS.Statement, ...nodes.after(e, refIn(node))], true);
      if (ts.isReturnStatement(node) && !node.expression && index.bareReturns.has(key)) {
        // `{v(__vt_d, void 0); return;}`: a bare return stays bare (an async generator's would await).
        const bare = { type: 'return', start: 0, end: 0, depth: 0, deferred: false, bare: false } as const;
        out = f.createBlock([f.createExpressionStatement(nodes.expression(bare, f.createVoidZero(), refIn(node))), out as TS.Statement], true);
      }
      return out;
    },
  };
}
