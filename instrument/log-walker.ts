import { children, type Node } from './estree.js';
import { LOG_HANDLERS } from './log-handlers.js';
import type { EntryLogs, LogPlan } from './log-plan.js';
import { LogSites, type LogSiteContext } from './log-sites.js';
import type { MagicComments } from './magic-comments.js';
import { planMagicLines, planTrailingLog } from './magic-logs.js';

/** Nodes whose statements a magic `log_instant`/`log_var` line may sit between. */
const LISTS: Record<string, string> = { Program: 'body', BlockStatement: 'body', StaticBlock: 'body', TSModuleBlock: 'body' };

/**
 * What collect-probes.ts calls while it walks: `visit` before each node's children, `enter`/`exit`
 * around each function body. Plans log sites only; log-text.ts and transformer/log-nodes.ts emit them.
 */
export class LogWalker {
  readonly sites: LogSites;
  private readonly claimed = new Set<number>();
  private withDepth = 0;

  private readonly magic: MagicComments | null;

  constructor(ctx: LogSiteContext, magic: MagicComments | null) {
    this.sites = new LogSites(ctx);
    this.magic = magic;
  }

  visit(node: Node, depth: number, parent: Node | undefined): void {
    const inWith = this.withDepth > 0;
    LOG_HANDLERS[node.type]?.(this.sites, node, depth, parent, inWith);
    const magic = this.magic;
    if (!magic) return;
    const listKey = LISTS[node.type];
    if (listKey && magic.lines.length > 0) planMagicLines(this.sites, magic, node, children(node, listKey), depth, this.claimed);
    if ((node.type === 'ExpressionStatement' || node.type === 'VariableDeclaration') && magic.trailing.size > 0) {
      // `a = 1 // !viztracer: log` then `;[b] = c` on the next line: the `;` ends the statement there.
      const end = magic.trailing.has(node.end) ? node.end : ((node.expression as Node | undefined)?.end ?? node.end);
      const trailing = magic.trailing.get(end);
      const inForHead = parent !== undefined && /^For(?:In|Of)?Statement$/.test(parent.type) && parent.body !== node;
      if (trailing && !inForHead) {
        magic.trailing.delete(end);
        planTrailingLog(this.sites, node, depth, parent, trailing.cond);
      }
    }
  }

  /** `with (o) S`: while walking S, names are never read back (a getter of `o` could run). */
  enterWith(): void {
    this.withDepth++;
  }

  exitWith(): void {
    this.withDepth--;
  }

  enterFunction(fn: Node, k: number | null, name: string, concise: Node | null, depth: number): EntryLogs | null {
    return this.sites.enterFunction(fn, k, name, concise, depth);
  }

  exitFunction(): void {
    this.sites.exitFunction();
  }

  /** The plan, with the `;` guards, and warnings for magic comments no statement took. */
  finish(): { plan: LogPlan; warnings: { at: number; message: string }[] } {
    const { plan, asiStarts, warnings } = this.sites;
    const guarded = new Set<number>();
    for (const e of plan.edits) {
      const depth = asiStarts.get(e.start);
      if (depth === undefined || guarded.has(e.start) || e.type === 'after' || e.type === 'loop-body' || e.type === 'call') continue;
      guarded.add(e.start);
      plan.edits.push({ type: 'asi', start: e.start, end: e.start, depth, });
    }
    for (const line of this.magic?.lines ?? []) {
      if (!this.claimed.has(line.comment.start)) warnings.push({ at: line.comment.start, message: '!viztracer: a log_instant/log_var comment must be on a line of its own between statements: ignored' });
    }
    for (const { comment } of this.magic?.trailing.values() ?? []) {
      warnings.push({ at: comment.start, message: '!viztracer: log must trail an expression statement or a declaration: ignored' });
    }
    return { plan, warnings: [...(this.magic?.warnings ?? []), ...warnings] };
  }
}
