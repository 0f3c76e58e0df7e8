import type * as TS from 'typescript';
import type { ModulePlan } from '../instrument/index.js';
import type { ProbeNodes } from './probe-nodes.js';
import type { LogNodes } from './log-nodes.js';
import { createLogVisitor } from './log-visitor.js';

/** The function whose body is being probed (instrument/plan-probes.ts `Owner`). */
interface Owner {
  k: number;
  /** Generators and async functions: sliced at every suspension. */
  resumable: boolean;
  isAsync: boolean;
  isGenerator: boolean;
}

const IGNORE_NEXT = /^\/[/*]\s*viztracer-ignore-next\b/;

type FunctionWithBody = TS.FunctionLikeDeclaration | TS.ClassStaticBlockDeclaration;

/**
 * Rewrites one source file as instrument/collect-probes.ts plans it, with ts.factory: the plan's
 * sites are found again by the offset of their body, so ids, names and lines are the text
 * emitter's. Only original nodes are visited (their positions are the source text's).
 */
export function instrumentSourceFile(
  ts: typeof TS,
  context: TS.TransformationContext,
  sf: TS.SourceFile,
  plan: ModulePlan,
  probes: ProbeNodes,
  warn: (message: string) => void,
  logNodes: LogNodes | null = null,
): TS.SourceFile {
  const f = context.factory;
  const siteAt = new Map(plan.sites.map((site, k) => [site.bodyStart, k]));
  const probed = new Set<number>();
  const text = sf.text;
  const mayIgnore = text.includes('viztracer-ignore-next');
  const logs = plan.logs && logNodes ? createLogVisitor(ts, f, sf, plan.logs, logNodes) : null;

  /** `// viztracer-ignore-next` right in front of the node: it is left as it is, with everything in it. */
  const isIgnored = (node: TS.Node): boolean =>
    mayIgnore && (ts.getLeadingCommentRanges(text, node.pos) ?? []).some(
      (c) => IGNORE_NEXT.test(text.slice(c.pos, c.end)) && text.slice(c.end, node.getStart(sf)).trim() === '',
    );

  /** A directive: an expression statement that is only a string literal (`'use strict'`). */
  const isDirective = (s: TS.Statement): boolean => ts.isExpressionStatement(s) && ts.isStringLiteral(s.expression);

  const hasBody = (node: TS.Node): node is FunctionWithBody =>
    (ts.isFunctionLike(node) || ts.isClassStaticBlockDeclaration(node)) && 'body' in node && node.body !== undefined;

  const isGenerator = (node: FunctionWithBody) => !ts.isClassStaticBlockDeclaration(node) && node.asteriskToken !== undefined;
  const isResumable = (node: FunctionWithBody) => isGenerator(node) || isAsync(node);
  const isAsync = (node: FunctionWithBody) =>
    (ts.canHaveModifiers(node) ? ts.getModifiers(node) ?? [] : []).some((m) => m.kind === ts.SyntaxKind.AsyncKeyword);

  function visitFunction(node: FunctionWithBody, owner: Owner | null): TS.Node {
    const body = node.body!;
    const k = siteAt.get(body.getStart(sf));
    if (k !== undefined) probed.add(k);
    const inner: Owner | null = k === undefined ? null : { k, resumable: isResumable(node), isAsync: isAsync(node), isGenerator: isGenerator(node) };
    // Name, decorators and modifiers belong to the enclosing function; parameters and body to this one.
    return ts.visitEachChild(node, (child) => {
      if (child !== body) return visit(child, ts.isParameter(child) ? inner : owner);
      return inner ? probeBody(body, inner) : visit(child, null);
    }, context);
  }

  /**
   * Entry after the directive prologue, the rest in try/finally. Function declarations stay in the
   * try block, so they keep closing over the body's let/const (the planner leaves a function
   * unprobed when that would change what a name binds: instrument/hoisting-conflicts.ts).
   */
  function probeBody(body: TS.ConciseBody, owner: Owner): TS.Block {
    const entry = [probes.entry(owner.k, owner.resumable), ...(logs?.entry(owner.k) ?? [])];
    if (!ts.isBlock(body)) {
      const value = visit(body, owner) as TS.Expression;
      return f.createBlock([...entry, probes.guarded([f.createReturnStatement(value)], owner.k, owner.resumable)], true);
    }
    const head: TS.Statement[] = [];
    let i = 0;
    while (i < body.statements.length && isDirective(body.statements[i]!)) head.push(visitStatement(body.statements[i++]!, owner));
    const rest = visitList(body.statements.slice(i), owner, head.length > 0 ? body.statements[i - 1]!.end : body.getStart(sf) + 1, body.end);
    head.push(...entry, probes.guarded(rest, owner.k, owner.resumable));
    return f.updateBlock(body, head);
  }

  function visitStatement(statement: TS.Statement, owner: Owner | null): TS.Statement {
    return visit(statement, owner) as TS.Statement;
  }

  function visitList(statements: readonly TS.Statement[], owner: Owner | null, from: number, to: number): TS.Statement[] {
    return logs ? logs.list(statements, (st) => visitStatement(st, owner), from, to) : statements.map((st) => visitStatement(st, owner));
  }

  /** `await X` / `yield X`: close the slice before suspending, reopen it after. */
  function probeSuspension(node: TS.AwaitExpression | TS.YieldExpression, owner: Owner): TS.Expression {
    const argument = node.expression ? (visit(node.expression, owner) as TS.Expression) : f.createVoidZero();
    const suspended = ts.isAwaitExpression(node)
      ? f.updateAwaitExpression(node, probes.suspend(argument))
      : f.updateYieldExpression(node, node.asteriskToken, probes.suspend(argument));
    return probes.resume(suspended, owner.k);
  }

  /** `for await`: the slice closes once the iterable is evaluated; each iteration is a slice of its own. */
  function probeForAwait(loop: TS.ForOfStatement, owner: Owner): TS.ForOfStatement {
    const body = visitStatement(loop.statement, owner);
    const iteration = f.createBlock([
      probes.reenterStatement(owner.k),
      f.createTryStatement(f.createBlock(ts.isBlock(body) ? body.statements : [body], true), undefined,
        f.createBlock([probes.suspendStatement()], false)),
    ], true);
    const initializer = visit(loop.initializer, owner) as TS.ForInitializer;
    return f.updateForOfStatement(loop, loop.awaitModifier, initializer, probes.suspend(visit(loop.expression, owner) as TS.Expression), iteration);
  }

  /** The loop with its labels, in a block that re-enters the function after the loop. */
  function probeLabelledForAwait(target: TS.Statement, owner: Owner): TS.Statement {
    const rewrite = (s: TS.Statement): TS.Statement =>
      ts.isLabeledStatement(s) ? f.updateLabeledStatement(s, s.label, rewrite(s.statement)) : probeForAwait(s as TS.ForOfStatement, owner);
    return f.createBlock([rewrite(target), probes.reenterStatement(owner.k)], true);
  }

  const isForAwait = (s: TS.Statement): boolean =>
    ts.isLabeledStatement(s) ? isForAwait(s.statement) : ts.isForOfStatement(s) && s.awaitModifier !== undefined;

  /** catch and finally blocks of resumable functions may run right after a suspension. */
  function reenter(block: TS.Block, owner: Owner): TS.Block {
    return f.updateBlock(block, [probes.reenterIfSuspended(owner.k), ...visitList(block.statements, owner, block.getStart(sf) + 1, block.end)]);
  }

  function visit(node: TS.Node, owner: Owner | null): TS.Node {
    if (isIgnored(node)) return node;
    return logs ? logs.apply(node, rewrite(node, owner)) : rewrite(node, owner);
  }

  function rewrite(node: TS.Node, owner: Owner | null): TS.Node {
    if (hasBody(node)) return visitFunction(node, owner);
    if (logs && ts.isBlock(node)) return f.updateBlock(node, visitList(node.statements, owner, node.getStart(sf) + 1, node.end));
    if (logs && ts.isModuleBlock(node)) return f.updateModuleBlock(node, visitList(node.statements, owner, node.getStart(sf) + 1, node.end));
    if (logs && ts.isCaseClause(node)) return f.updateCaseClause(node, visit(node.expression, owner) as TS.Expression, visitList(node.statements, owner, node.expression.end, node.end));
    if (logs && ts.isDefaultClause(node)) return f.updateDefaultClause(node, visitList(node.statements, owner, node.getStart(sf), node.end));
    if (owner?.isAsync && ts.isAwaitExpression(node)) return probeSuspension(node, owner);
    if (owner?.resumable && ts.isYieldExpression(node)) return probeSuspension(node, owner);
    // The outermost label comes first: the loop inside it is rewritten by probeLabelledForAwait.
    if (owner?.isAsync && (ts.isLabeledStatement(node) || ts.isForOfStatement(node)) && isForAwait(node)) {
      return probeLabelledForAwait(node, owner);
    }
    // `return X` in an async generator awaits X: the slice closes once X is evaluated.
    if (owner?.isAsync && owner.isGenerator && ts.isReturnStatement(node) && node.expression) {
      return f.updateReturnStatement(node, probes.suspend(visit(node.expression, owner) as TS.Expression));
    }
    if (owner?.resumable && ts.isCatchClause(node)) {
      return f.updateCatchClause(node, node.variableDeclaration && (visit(node.variableDeclaration, owner) as TS.VariableDeclaration), reenter(node.block, owner));
    }
    if (owner?.resumable && ts.isTryStatement(node) && node.finallyBlock) {
      const tryBlock = visit(node.tryBlock, owner) as TS.Block;
      const catchClause = node.catchClause && (visit(node.catchClause, owner) as TS.CatchClause);
      return f.updateTryStatement(node, tryBlock, catchClause, reenter(node.finallyBlock, owner));
    }
    return ts.visitEachChild(node, (c) => visit(c, owner), context);
  }

  const statements: TS.Statement[] = [];
  let i = 0;
  while (i < sf.statements.length && isDirective(sf.statements[i]!)) statements.push(sf.statements[i++]!);
  const logPrologue = logs && plan.logsJson ? { table: JSON.parse(plan.logsJson) as (string | number)[], dormantMethods: logNodes!.dormantMethods() } : null;
  statements.push(...probes.prologue(JSON.parse(plan.filesJson) as string[], JSON.parse(plan.tableJson) as (string | number)[], logPrologue));
  statements.push(...visitList(sf.statements.slice(i), null, i > 0 ? sf.statements[i - 1]!.end : 0, sf.end));
  if (probed.size !== plan.sites.length) {
    // The planner and the TS AST disagree on where a function is: a bug to report, not a failure.
    const missed = plan.sites.filter((_, k) => !probed.has(k)).map((site) => `${site.name} (${site.file}:${site.line})`);
    warn(`${plan.sites[0]!.file}: not probed by the tsc transformer: ${missed.join(', ')}`);
  }
  return f.updateSourceFile(sf, statements);
}
