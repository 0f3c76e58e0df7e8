import { child, childKeys, children, isNode, type Node } from './estree.js';
import type { Locate } from './line-locator.js';
import { nameFunction, nameStaticBlock } from './name-function.js';
import { hasHoistingConflict } from './hoisting-conflicts.js';
import {
  probeAsyncGeneratorReturn,
  probeBlockBody,
  probeConciseBody,
  probeForAwait,
  probeReentry,
  probeSuspension,
  type Owner,
  type ProbeContext,
} from './plan-probes.js';
import type { FunctionSite } from './types.js';
import type { LogText } from './log-text.js';
import type { LogWalker } from './log-walker.js';

/** A site as the planner sees it: where its body starts in the parsed code, for other emitters. */
export interface PlannedSite extends FunctionSite {
  /** Offset of the body: its `{`, or the first character of a concise arrow body. */
  bodyStart: number;
}

/** Maps a generated 1-based position to the original file and position (input source maps). */
export type MapPosition = (line: number, column: number) => FunctionSite | null;

export interface CollectContext extends ProbeContext {
  code: string;
  locate: Locate;
  /** The file's own path relative to the root, used when there is no input map. */
  file: string;
  mapPosition: MapPosition | null;
  /** Node starts covered by a `viztracer-ignore-next` comment. */
  ignoredStarts: ReadonlySet<number>;
  /** Compile-time logs (null: none asked for and no magic comments, the plain instrumentation). */
  logs: { walker: LogWalker; text: LogText } | null;
}

/**
 * Walks the program once, depth first, and plans every probe: a table of handlers by node type
 * (istanbul's visitor shape); every other node is just walked through.
 */
export function collectProbes(program: Node, ctx: CollectContext): PlannedSite[] {
  const sites: PlannedSite[] = [];
  const ancestors: Node[] = [];
  const owners: (Owner | null)[] = [null];

  const addSite = (name: string, at: number, bodyStart: number): number => {
    const pos = ctx.locate(at);
    const mapped = ctx.mapPosition?.(pos.line, pos.column);
    const site = mapped ? { ...mapped, name } : { name, file: ctx.file, line: pos.line, column: pos.column };
    sites.push({ ...site, bodyStart });
    return sites.length - 1;
  };

  const visitChildren = (node: Node, depth: number): void => {
    ancestors.push(node);
    const keys = childKeys(node);
    for (let i = 0; i < keys.length; i++) {
      const value = node[keys[i]!];
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) visit(item, depth + 1);
      } else if (isNode(value)) {
        visit(value, depth + 1);
      }
    }
    ancestors.pop();
  };

  const visitFunction = (node: Node, depth: number): void => {
    const body = child(node, 'body');
    // TS overloads and `declare function` have no body; see hasHoistingConflict for the other case.
    const statements = body?.type === 'BlockStatement' ? children(body, 'body') : [];
    const superCall = parameterPropertySuper(node, ancestors, statements);
    if (!body || superCall === null || hasHoistingConflict(children(node, 'params'), statements)) {
      owners.push(null);
      ctx.logs?.walker.enterFunction(node, null, '', null, depth);
      visitChildren(node, depth);
      ctx.logs?.walker.exitFunction();
      owners.pop();
      return;
    }
    const member = ancestors[ancestors.length - 1];
    const keyStart = member && member.value === node ? child(member, 'key')?.start : undefined;
    const at = keyStart ?? node.start;
    const name = nameFunction(node, ancestors, ctx.code, ctx.locate(at));
    const isAsync = node.async === true;
    const isGenerator = node.generator === true;
    const owner: Owner = { k: addSite(name, at, body.start), resumable: isAsync || isGenerator, isAsync, isGenerator };
    const concise = body.type === 'BlockStatement' ? null : body;
    const entryLogs = ctx.logs?.walker.enterFunction(node, owner.k, name, concise, depth);
    const entryText = entryLogs ? ctx.logs!.text.entry(entryLogs) : '';
    if (!concise) {
      probeBlockBody(ctx, owner, statements, body.end - 1, depth, superCall, entryText);
    } else {
      probeConciseBody(ctx, owner, body, depth, entryText);
    }
    owners.push(owner);
    visitChildren(node, depth);
    ctx.logs?.walker.exitFunction();
    owners.pop();
  };

  const visitStaticBlock = (node: Node, depth: number): void => {
    const statements = children(node, 'body');
    if (hasHoistingConflict([], statements)) {
      owners.push(null);
      ctx.logs?.walker.enterFunction(node, null, '', null, depth);
      visitChildren(node, depth);
      ctx.logs?.walker.exitFunction();
      owners.pop();
      return;
    }
    const name = nameStaticBlock(ancestors, ctx.code);
    const open = ctx.code.indexOf('{', node.start + 'static'.length);
    const owner: Owner = { k: addSite(name, node.start, open), resumable: false, isAsync: false, isGenerator: false };
    probeBlockBody(ctx, owner, statements, node.end - 1, depth);
    owners.push(owner);
    ctx.logs?.walker.enterFunction(node, null, name, null, depth);
    visitChildren(node, depth);
    ctx.logs?.walker.exitFunction();
    owners.pop();
  };

  const currentOwner = (): Owner | null => owners[owners.length - 1] ?? null;

  const handlers: Record<string, (node: Node, depth: number) => void> = {
    FunctionDeclaration: visitFunction,
    FunctionExpression: visitFunction,
    ArrowFunctionExpression: visitFunction,
    StaticBlock: visitStaticBlock,
    AwaitExpression(node, depth) {
      const owner = currentOwner();
      if (owner?.isAsync) probeSuspension(ctx, owner, node, child(node, 'argument'), depth);
      visitChildren(node, depth);
    },
    YieldExpression(node, depth) {
      const owner = currentOwner();
      if (owner?.resumable) probeSuspension(ctx, owner, node, child(node, 'argument'), depth);
      visitChildren(node, depth);
    },
    ForOfStatement(node, depth) {
      const owner = currentOwner();
      const body = child(node, 'body');
      const iterable = child(node, 'right');
      if (node.await === true && owner?.isAsync && body && iterable) {
        probeForAwait(ctx, owner, labelledTarget(node, ancestors), iterable, body, depth);
      }
      visitChildren(node, depth);
    },
    ReturnStatement(node, depth) {
      const owner = currentOwner();
      const argument = child(node, 'argument');
      if (owner?.isAsync && owner.isGenerator && argument) probeAsyncGeneratorReturn(ctx, argument, depth);
      visitChildren(node, depth);
    },
    CatchClause(node, depth) {
      const owner = currentOwner();
      const body = child(node, 'body');
      if (owner?.resumable && body) probeReentry(ctx, owner, body, depth);
      visitChildren(node, depth);
    },
    WithStatement(node, depth) {
      ctx.logs?.walker.enterWith();
      visitChildren(node, depth);
      ctx.logs?.walker.exitWith();
    },
    TryStatement(node, depth) {
      const owner = currentOwner();
      const finalizer = child(node, 'finalizer');
      if (owner?.resumable && finalizer) probeReentry(ctx, owner, finalizer, depth + 1);
      visitChildren(node, depth);
    },
  };

  function visit(node: Node, depth: number): void {
    if (ctx.ignoredStarts.has(node.start) && ancestors.length > 0) return;
    ctx.logs?.walker.visit(node, depth, ancestors[ancestors.length - 1]);
    const handler = handlers[node.type];
    if (handler) handler(node, depth);
    else visitChildren(node, depth);
  }

  visit(program, 0);
  return sites;
}

/**
 * TypeScript parameter properties in a derived class (`constructor(private x: T) { super() }`):
 * the type stripper puts `this.x = x` right after the top-level `super(...)` statement. oxc (Vite,
 * Rolldown) does not look for it inside our `try` and puts the assignment first, before `super()`:
 * a ReferenceError. So the `try` starts after that statement (a throwing `super()` then leaves
 * the frame to the next exit, which heals the depth). Returns the statement, undefined when the
 * constructor needs nothing special, null when `super()` is not a top-level statement (no probes).
 */
function parameterPropertySuper(fn: Node, ancestors: readonly Node[], statements: readonly Node[]): Node | undefined | null {
  const method = ancestors[ancestors.length - 1];
  if (method?.type !== 'MethodDefinition' || method.kind !== 'constructor' || method.value !== fn) return undefined;
  if (!children(fn, 'params').some((p) => p.type === 'TSParameterProperty')) return undefined;
  const cls = ancestors[ancestors.length - 3];
  if (!cls || !child(cls, 'superClass')) return undefined;
  const isSuperCall = (s: Node) => s.type === 'ExpressionStatement' && child(child(s, 'expression') ?? s, 'callee')?.type === 'Super';
  return statements.find(isSuperCall) ?? null;
}

/** The statement together with the labels in front of it (`a: b: for await ...`). */
function labelledTarget(node: Node, ancestors: readonly Node[]): Node {
  let target = node;
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const a = ancestors[i]!;
    if (a.type !== 'LabeledStatement' || a.body !== target) break;
    target = a;
  }
  return target;
}

