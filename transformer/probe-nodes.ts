import type * as TS from 'typescript';
import { GLOBAL_NAME, NOT_RECORDING } from '../runtime/probe-protocol.js';
import { DEPTH_VAR, THROWN_VAR } from '../instrument/probe-text.js';

/**
 * The probes of runtime/probe-protocol.ts as TypeScript AST nodes: the ts.factory counterpart of
 * instrument/probe-text.ts, node for node. Every node is freshly synthesized (no position), so the
 * TS emitter maps only the user's own nodes and source maps stay exact.
 */
export interface ProbeNodes {
  /** `var __vt_H; function __vt_H_i(){ return __vt_H = globalThis.__viztracer__?.register(F,T) ?? {on: false, ...} } __vt_H_i();` */
  prologue(files: readonly string[], table: readonly (string | number)[], logs?: LogPrologue | null): TS.Statement[];
  /** `const __vt_d = __vt_H?.on ? __vt_H.e(K) : -1;` (resumable: `let`, and `(__vt_H || __vt_H_i()).on`) */
  entry(k: number, resumable: boolean): TS.Statement;
  /**
   * `try { statements } finally { if (__vt_d >= 0) __vt_H.x(__vt_d) }`, with recordThrows also
   * `catch (__vt_e) { [resumable: if (__vt_d < 0) __vt_d = __vt_H.e(K);] if (__vt_d >= 0) __vt_H.t(__vt_d, __vt_e); throw __vt_e; }`
   */
  guarded(statements: readonly TS.Statement[], k: number, resumable: boolean): TS.Statement;
  /** `__vt_H.s(value, __vt_d, __vt_d = -1)` */
  suspend(value: TS.Expression): TS.Expression;
  /** `__vt_H.a(suspension, __vt_d = __vt_H.e(K))` */
  resume(suspension: TS.Expression, k: number): TS.Expression;
  /** `__vt_d = __vt_H.e(K);` */
  reenterStatement(k: number): TS.Statement;
  /** `if (__vt_d < 0) __vt_d = __vt_H.e(K);` */
  reenterIfSuspended(k: number): TS.Statement;
  /** `__vt_H.s(0, __vt_d, __vt_d = -1);` */
  suspendStatement(): TS.Statement;
}

/** A module with log sites: register's third argument and the dormant handle's log methods. */
export interface LogPrologue {
  table: readonly (string | number)[];
  dormantMethods: TS.ObjectLiteralElementLike[];
}

/**
 * `legacyOptionalChain`: the target is below ES2020, where TS would lower `?.` and so erase the
 * marker (`.__viztracer__?.register(`) by which every front end recognises instrumented code
 * (instrumenting twice must equal once); the callee is then written out as it is.
 */
export function createProbeNodes(ts: typeof TS, hash: string, legacyOptionalChain: boolean, recordThrows = false): ProbeNodes {
  const f = ts.factory;
  const h = `__vt_${hash}`;
  const id = (name: string) => f.createIdentifier(name);
  const num = (n: number) => (n < 0 ? f.createPrefixUnaryExpression(ts.SyntaxKind.MinusToken, f.createNumericLiteral(-n)) : f.createNumericLiteral(n));
  const call = (target: TS.Expression, method: string, args: TS.Expression[]) =>
    f.createCallExpression(f.createPropertyAccessExpression(target, method), undefined, args);
  const handle = (method: string, args: TS.Expression[]) => call(id(h), method, args);
  const enter = (k: number) => f.createAssignment(id(DEPTH_VAR), handle('e', [num(k)]));
  const cleared = () => [id(DEPTH_VAR), f.createAssignment(id(DEPTH_VAR), num(NOT_RECORDING))];
  const block = (statements: readonly TS.Statement[]) => f.createBlock(statements, true);
  const returns = (e: TS.Expression) => f.createBlock([f.createReturnStatement(e)], false);
  const method = (name: string, params: string[], body: TS.Block) =>
    f.createMethodDeclaration(undefined, undefined, name, undefined, undefined,
      params.map((p) => f.createParameterDeclaration(undefined, undefined, p)), undefined, body);

  const literals = (table: readonly (string | number)[]) =>
    f.createArrayLiteralExpression(table.map((v) => (typeof v === 'number' ? num(v) : f.createStringLiteral(v))), false);
  const register = (files: readonly string[], table: readonly (string | number)[], logs: readonly (string | number)[] | null): TS.Expression => {
    const args = [f.createArrayLiteralExpression(files.map((s) => f.createStringLiteral(s)), false), literals(table)];
    if (logs) args.push(literals(logs));
    const runtime = f.createPropertyAccessExpression(id('globalThis'), GLOBAL_NAME);
    const callee = legacyOptionalChain
      ? id(`globalThis.${GLOBAL_NAME}?.register`)
      : f.createPropertyAccessChain(runtime, f.createToken(ts.SyntaxKind.QuestionDotToken), 'register');
    return legacyOptionalChain ? f.createCallExpression(callee, undefined, args) : f.createCallChain(callee, undefined, undefined, args);
  };
  const dormant = (extra: readonly TS.ObjectLiteralElementLike[]) =>
    f.createObjectLiteralExpression([
      f.createPropertyAssignment('on', f.createFalse()),
      method('e', [], returns(num(NOT_RECORDING))),
      method('x', [], f.createBlock([], false)),
      method('s', ['v'], returns(id('v'))),
      method('a', ['v'], returns(id('v'))),
      ...extra,
    ], false);

  return {
    prologue: (files, table, logs = null) => [
      f.createVariableStatement(undefined, f.createVariableDeclarationList([f.createVariableDeclaration(h)], ts.NodeFlags.None)),
      f.createFunctionDeclaration(undefined, undefined, `${h}_i`, undefined, [], undefined, returns(
        f.createAssignment(id(h), f.createBinaryExpression(register(files, table, logs?.table ?? null), ts.SyntaxKind.QuestionQuestionToken, dormant(logs?.dormantMethods ?? []))),
      )),
      f.createExpressionStatement(f.createCallExpression(id(`${h}_i`), undefined, [])),
    ],
    entry: (k, resumable) => {
      // The flag is read here, so a stopped tracer costs a load and a branch; plain functions use
      // `?.` (cheap), resumable ones the lazy registration their s/a calls need (probe-protocol.ts).
      const flag = resumable
        ? f.createPropertyAccessExpression(f.createParenthesizedExpression(f.createLogicalOr(id(h), f.createCallExpression(id(`${h}_i`), undefined, []))), 'on')
        : f.createPropertyAccessChain(id(h), f.createToken(ts.SyntaxKind.QuestionDotToken), 'on');
      const token = f.createConditionalExpression(flag, undefined, handle('e', [num(k)]), undefined, num(NOT_RECORDING));
      const declaration = f.createVariableDeclaration(DEPTH_VAR, undefined, undefined, token);
      return f.createVariableStatement(undefined, f.createVariableDeclarationList([declaration], resumable ? ts.NodeFlags.Let : ts.NodeFlags.Const));
    },
    guarded: (statements, k, resumable) => {
      const live = () => f.createGreaterThanEquals(id(DEPTH_VAR), num(0));
      const exit = f.createIfStatement(live(), f.createExpressionStatement(handle('x', [id(DEPTH_VAR)])));
      let catcher: TS.CatchClause | undefined;
      if (recordThrows) {
        const reenter = resumable ? [f.createIfStatement(f.createLessThan(id(DEPTH_VAR), num(0)), f.createExpressionStatement(enter(k)))] : [];
        catcher = f.createCatchClause(THROWN_VAR, f.createBlock([
          ...reenter,
          f.createIfStatement(live(), f.createExpressionStatement(handle('t', [id(DEPTH_VAR), id(THROWN_VAR)]))),
          f.createThrowStatement(id(THROWN_VAR)),
        ], false));
      }
      return f.createTryStatement(block(statements), catcher, f.createBlock([exit], false));
    },
    suspend: (value) => handle('s', [value, ...cleared()]),
    resume: (suspension, k) => handle('a', [suspension, enter(k)]),
    reenterStatement: (k) => f.createExpressionStatement(enter(k)),
    reenterIfSuspended: (k) =>
      f.createIfStatement(f.createLessThan(id(DEPTH_VAR), num(0)), f.createExpressionStatement(enter(k))),
    suspendStatement: () => f.createExpressionStatement(handle('s', [num(0), ...cleared()])),
  };
}
