import type * as TS from 'typescript';
import type { EntryLogs, LogEdit, LogRead } from '../instrument/index.js';
import { DEPTH_VAR } from '../instrument/probe-text.js';

/**
 * Compile-time log calls as TypeScript AST nodes: the ts.factory counterpart of
 * instrument/log-text.ts, shape for shape (runtime/probe-protocol.ts, "Compile-time logs").
 * `ref(name)` gives an identifier for a binding the logged code wrote; the caller ties it to the
 * source's own identifier, so TS still rewrites it where it rewrites the binding (`exports.x`).
 */
export interface LogNodes {
  /** Statements right after a function's entry probe. */
  entry(logs: EntryLogs): TS.Statement[];
  /** An expression with its 'wrap' / 'reads' / 'return' / 'cond-wrap' edit applied. */
  expression(edit: LogEdit, value: TS.Expression, ref: (name: string) => TS.Expression): TS.Expression;
  /** The statements an 'after' edit puts behind its statement. */
  after(edit: Extract<LogEdit, { type: 'after' }>, ref: (name: string) => TS.Expression): TS.Statement[];
  /** The statements a 'loop-body' edit puts in front of the loop's body. */
  reads(reads: readonly LogRead[], ref: (name: string) => TS.Expression): TS.Statement[];
  /** A magic `log_instant`/`log_var` line. */
  call(edit: Extract<LogEdit, { type: 'call' }>): TS.Statement;
  /** The dormant handle's log methods. */
  dormantMethods(): TS.ObjectLiteralElementLike[];
}

export function createLogNodes(ts: typeof TS, hash: string): LogNodes {
  const f = ts.factory;
  const h = `__vt_${hash}`;
  const id = (name: string) => f.createIdentifier(name);
  /** Source text pasted as it is (magic-comment code, checked by instrument/magic-comments.ts). */
  const raw = (text: string) => f.createIdentifier(text);
  const lazy = () => f.createParenthesizedExpression(f.createLogicalOr(id(h), f.createCallExpression(id(`${h}_i`), undefined, [])));
  const call = (target: TS.Expression, method: string, args: TS.Expression[]) =>
    f.createCallExpression(f.createPropertyAccessExpression(target, method), undefined, args);
  const num = (n: number) => f.createNumericLiteral(n);
  const value = (r: LogRead, ref: (name: string) => TS.Expression) => (r.expression === 'void 0' ? f.createVoidZero() : ref(r.expression));
  const read = (r: LogRead, first: boolean, ref: (name: string) => TS.Expression) => call(first ? lazy() : id(h), 'l', [num(r.site), value(r, ref)]);
  const statements = (reads: readonly LogRead[], ref: (name: string) => TS.Expression) =>
    reads.map((r, i) => f.createExpressionStatement(read(r, i === 0, ref)));
  const on = () => f.createPropertyAccessExpression(lazy(), 'on');
  const iife = (param: string, body: TS.Expression, argument: TS.Expression) =>
    f.createCallExpression(f.createParenthesizedExpression(f.createArrowFunction(undefined, undefined,
      [f.createParameterDeclaration(undefined, undefined, param)], undefined, f.createToken(ts.SyntaxKind.EqualsGreaterThanToken), body)), undefined, [argument]);
  const method = (name: string, params: string[], statementsOf: TS.Statement[]) =>
    f.createMethodDeclaration(undefined, undefined, name, undefined, undefined,
      params.map((p) => f.createParameterDeclaration(undefined, undefined, p)), undefined, f.createBlock(statementsOf, false));

  return {
    entry(logs) {
      const out: TS.Statement[] = statements(logs.reads, id);
      if (logs.args) {
        const args = [id(DEPTH_VAR), num(logs.args.site), ...logs.args.names.map(id)];
        out.push(f.createIfStatement(f.createGreaterThanEquals(id(DEPTH_VAR), num(0)), f.createExpressionStatement(call(id(h), 'g', args))));
      }
      return out;
    },
    expression(edit, v, ref) {
      switch (edit.type) {
        case 'wrap':
          return edit.sites.reduce<TS.Expression>((inner, site, i) => call(i === edit.sites.length - 1 ? lazy() : id(h), 'l', [num(site), inner]), v);
        case 'reads':
          return call(lazy(), 'r', [v, ...edit.reads.map((r) => read(r, false, ref))]);
        case 'return':
          // `__vt_d` changes at every await/yield in the value: read it once the value is there.
          return edit.deferred ? iife('__vt_r', call(lazy(), 'v', [id(DEPTH_VAR), id('__vt_r')]), v) : call(lazy(), 'v', [id(DEPTH_VAR), v]);
        case 'cond-wrap': {
          const log = f.createLogicalAnd(f.createLogicalAnd(on(), f.createParenthesizedExpression(raw(edit.cond))), call(id(h), 'l', [num(edit.site), id('__vt_v')]));
          return iife('__vt_v', f.createParenthesizedExpression(f.createComma(log, id('__vt_v'))), v);
        }
        default:
          return v;
      }
    },
    after(edit, ref) {
      if (edit.cond === null) return statements(edit.reads, ref);
      const reads = edit.reads.map((r) => read(r, false, ref));
      const all = reads.slice(1).reduce<TS.Expression>((a, b) => f.createComma(a, b), reads[0]!);
      return [f.createExpressionStatement(f.createLogicalAnd(f.createLogicalAnd(on(), f.createParenthesizedExpression(raw(edit.cond))), f.createParenthesizedExpression(all)))];
    },
    reads: (reads, ref) => statements(reads, ref),
    call(edit) {
      const guard = edit.cond === null ? on() : f.createLogicalAnd(on(), f.createParenthesizedExpression(raw(edit.cond)));
      return f.createExpressionStatement(f.createLogicalAnd(guard, raw(edit.call)));
    },
    dormantMethods: () => [
      method('l', ['k', 'v'], [f.createReturnStatement(id('v'))]),
      method('r', ['v'], [f.createReturnStatement(id('v'))]),
      method('g', [], []),
      method('v', ['d', 'v'], [f.createReturnStatement(id('v'))]),
    ],
  };
}
