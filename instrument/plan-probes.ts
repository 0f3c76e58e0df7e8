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
  isGenerator: boolean;
}

/**
 * A block body `{ ... }`: entry after the directive prologue, the rest in try/finally. Function
 * declarations stay where they are, inside the `try` block, so they keep closing over the body's
 * `let`/`const`; hasHoistingConflict decides beforehand when that would change their meaning.
 */
export function probeBlockBody(
  ctx: ProbeContext,
  owner: Owner,
  statements: readonly Node[],
  closeBrace: number,
  depth: number,
  tryAfter?: Node,
  entryLogs = '',
): void {
  let i = 0;
  while (i < statements.length && isDirective(statements[i]!)) i++;
  const at = i < statements.length ? statements[i]!.start : closeBrace;
  const { probes } = ctx;
  // A `;` ends the directive prologue even when the last directive has none ('x'\n(...) is a call).
  const entry = (i > 0 ? ';' : '') + probes.entry(owner.k, owner.resumable) + entryLogs;
  if (tryAfter) {
    // The `;` also ends a `super(...)` statement written without one.
    ctx.edits.open(at, depth, entry);
    ctx.edits.open(tryAfter.end, depth, `;${probes.tryOpen}`);
    ctx.edits.close(closeBrace, depth, probes.tryClose(owner.k, owner.resumable));
    return;
  }
  const open = entry + probes.tryOpen;
  if (at === closeBrace) {
    ctx.edits.open(at, depth, open + probes.tryClose(owner.k, owner.resumable));
  } else {
    ctx.edits.open(at, depth, open);
    ctx.edits.close(closeBrace, depth, probes.tryClose(owner.k, owner.resumable));
  }
}

/** A concise arrow body `x => expr` becomes a block that returns `(expr)`. */
export function probeConciseBody(ctx: ProbeContext, owner: Owner, body: Node, depth: number, entryLogs = ''): void {
  ctx.edits.open(body.start, depth, ctx.probes.conciseOpen(owner.k, owner.resumable, entryLogs));
  ctx.edits.close(body.end, depth, ctx.probes.conciseClose(owner.k, owner.resumable));
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
 * `return X` in an async generator awaits X before completing: close the slice once X is
 * evaluated (the function does not run again before it finishes, or a catch/finally reopens it).
 */
export function probeAsyncGeneratorReturn(ctx: ProbeContext, argument: Node, depth: number): void {
  ctx.edits.open(argument.start, depth + 0.5, ctx.probes.suspendArgOpen);
  ctx.edits.close(argument.end, depth + 0.5, ctx.probes.suspendArgClose);
}

/**
 * A catch or finally block of a resumable function may run right after a rejected await or a
 * `generator.throw()`, when the slice is closed: reopen it there.
 */
export function probeReentry(ctx: ProbeContext, owner: Owner, block: Node, depth: number): void {
  ctx.edits.open(block.start + 1, depth + 0.5, ctx.probes.reenter(owner.k));
}
