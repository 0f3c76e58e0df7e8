import type { EditList } from './edit-list.js';
import { isDirective, type Node } from './estree.js';
import type { ProbeText } from './probe-text.js';

/**
 * The edits for one construct, as runtime/probe-protocol.ts describes them. Each function takes
 * the AST depth of its construct so that edits meeting at one offset nest the right way.
 */
export interface ProbeContext {
  edits: EditList;
  probes: ProbeText;
}

/** The function (or static block) whose body is being probed. */
export interface Owner {
  k: number;
  /** Generators and async functions: sliced at every suspension. */
  resumable: boolean;
  isAsync: boolean;
}

const HOISTED = new Set(['FunctionDeclaration', 'TSDeclareFunction']);

/**
 * A block body `{ ... }`: entry after the directive prologue, the rest in try/finally. Body-level
 * function declarations must stay at body level (inside `try {}` they would become block-scoped:
 * `var x; function x(){}` turns into a redeclaration error and Annex B hoisting changes), so the
 * ones after the first other statement are moved in front of the `try`; hoisting makes their
 * position irrelevant to what runs.
 */
export function probeBlockBody(
  ctx: ProbeContext,
  owner: Owner,
  statements: readonly Node[],
  closeBrace: number,
  depth: number,
): void {
  let i = 0;
  while (i < statements.length && isDirective(statements[i]!)) i++;
  const hasDirectives = i > 0;
  while (i < statements.length && HOISTED.has(statements[i]!.type)) i++;
  const at = i < statements.length ? statements[i]!.start : closeBrace;
  for (let j = i + 1; j < statements.length; j++) {
    const s = statements[j]!;
    if (HOISTED.has(s.type)) ctx.edits.move(s.start, s.end, at);
  }
  const { probes } = ctx;
  // A `;` ends the directive prologue even when the last directive has none ('x'\n(...) is a call).
  const open = (hasDirectives ? ';' : '') + probes.entry(owner.k, owner.resumable) + probes.tryOpen;
  if (at === closeBrace) {
    ctx.edits.open(at, depth, open + probes.tryClose);
  } else {
    ctx.edits.open(at, depth, open);
    ctx.edits.close(closeBrace, depth, probes.tryClose);
  }
}

/** A concise arrow body `x => expr` becomes a block that returns `(expr)`. */
export function probeConciseBody(ctx: ProbeContext, owner: Owner, body: Node, depth: number): void {
  ctx.edits.open(body.start, depth, ctx.probes.conciseOpen(owner.k, owner.resumable));
  ctx.edits.close(body.end, depth, ctx.probes.conciseClose);
}

/** `await X`, `yield X`, `yield* X`, bare `yield`: close the slice before, reopen after. */
export function probeSuspension(ctx: ProbeContext, owner: Owner, node: Node, argument: Node | null, depth: number): void {
  const { edits, probes } = ctx;
  edits.open(node.start, depth, probes.suspendOuterOpen);
  if (argument) {
    edits.open(argument.start, depth + 0.5, probes.suspendArgOpen);
    edits.close(argument.end, depth + 0.5, probes.suspendArgClose);
    edits.close(node.end, depth, probes.resumeClose(owner.k));
  } else {
    edits.close(node.end, depth, probes.bareYieldClose(owner.k));
  }
}

/**
 * `for await (x of it) body`: its implicit awaits cannot be wrapped, so the slice is closed once
 * the iterable is evaluated, each iteration of the body is a slice of its own, and the function is
 * re-entered after the loop. `target` is the statement with its labels, so `continue label` still
 * finds the loop.
 */
export function probeForAwait(ctx: ProbeContext, owner: Owner, target: Node, iterable: Node, body: Node, depth: number): void {
  const { edits, probes } = ctx;
  edits.open(target.start, depth - 0.25, probes.forAwaitOpen);
  edits.close(target.end, depth - 0.25, probes.forAwaitClose(owner.k));
  edits.open(iterable.start, depth + 0.5, probes.suspendArgOpen);
  edits.close(iterable.end, depth + 0.5, probes.suspendArgClose);
  edits.open(body.start, depth + 0.5, probes.forAwaitBodyOpen(owner.k));
  edits.close(body.end, depth + 0.5, probes.forAwaitBodyClose);
}

/**
 * A catch or finally block of a resumable function may run right after a rejected await or a
 * `generator.throw()`, when the slice is closed: reopen it there.
 */
export function probeReentry(ctx: ProbeContext, owner: Owner, block: Node, depth: number): void {
  ctx.edits.open(block.start + 1, depth + 0.5, ctx.probes.reenter(owner.k));
}
