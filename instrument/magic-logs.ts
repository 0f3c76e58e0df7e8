import { patternNames, unwrapTarget } from './assign-targets.js';
import { child, children, isDirective, type Node } from './estree.js';
import { inStatementList } from './log-handlers.js';
import type { LogSites } from './log-sites.js';
import type { MagicComments } from './magic-comments.js';

/**
 * The log sites of `// !viztracer:` magic comments (magic-comments.ts has the syntax), always
 * 'var' sites whatever the options say.
 */

/** `stmt // !viztracer: log [if cond]` on a declaration or an expression statement. */
export function planTrailingLog(logs: LogSites, node: Node, depth: number, parent: Node | undefined, cond: string | null): void {
  const at = node.start;
  const after = (names: string[], statement: Node, statementParent: Node | undefined) => {
    const reads = names.map((name) => ({ site: logs.site('var', name, at), expression: name }));
    if (reads.length === 0) return;
    const block = !inStatementList(statementParent);
    logs.edit({ type: 'after', start: statement.start, end: statement.end, depth: depth - 0.25, reads, cond, block });
  };
  if (node.type === 'VariableDeclaration') {
    const names = children(node, 'declarations').filter((d) => child(d, 'init')).flatMap((d) => patternNames(child(d, 'id')));
    const exported = parent?.type === 'ExportNamedDeclaration';
    // The walker gives the export's parent only for the export itself: in a list, always.
    after(names, exported ? parent : node, exported ? { type: 'Program', start: 0, end: 0 } : parent);
    return;
  }
  const expression = child(node, 'expression');
  if (!expression) return;
  // The value the statement leaves in its target, or the expression's own value.
  let text = logs.source(expression);
  if (expression.type === 'AssignmentExpression' || expression.type === 'UpdateExpression') {
    const target = unwrapTarget(child(expression, expression.type === 'AssignmentExpression' ? 'left' : 'argument')!);
    const isPattern = target.type === 'ObjectPattern' || target.type === 'ArrayPattern';
    if (isPattern || (expression.type === 'UpdateExpression' && expression.prefix !== true)) {
      if (target.type === 'MemberExpression') {
        logs.warnings.push({ at, message: '!viztracer: log: the new value of `obj.attr++` cannot be logged without reading obj.attr again (use ++obj.attr)' });
        return;
      }
      after(patternNames(target), node, parent);
      return;
    }
    if (target.type === 'Identifier' || target.type === 'MemberExpression') text = logs.source(target);
  }
  const site = logs.site('var', text, at);
  const { start, end } = expression;
  if (cond === null) logs.edit({ type: 'wrap', start, end, depth: depth + 0.75, sites: [site] });
  else logs.edit({ type: 'cond-wrap', start, end, depth: depth + 0.75, site, cond });
}

/**
 * Whole-line `log_instant(...)` / `log_var(...)` comments lying between the statements of
 * `list` (a program, block or static block): each becomes a statement there.
 */
export function planMagicLines(logs: LogSites, magic: MagicComments, list: Node, statements: readonly Node[], depth: number, claimed: Set<number>): void {
  for (const line of magic.lines) {
    const at = line.comment.start;
    if (claimed.has(at) || at < list.start || at >= list.end) continue;
    if (statements.some((s) => s.start <= at && at < s.end)) continue; // a nested list claims it
    claimed.add(at);
    if (statements.some((s) => isDirective(s) && s.start > at)) {
      logs.warnings.push({ at, message: '!viztracer: a magic comment before a directive ("use strict") would end the directive prologue: ignored' });
      continue;
    }
    // In front of the next statement: in a function body that is after the entry probe (inside
    // the call's slice, as the tsc transformer puts it), at top level after the prologue.
    const next = statements.find((s) => s.start > at)?.start ?? at;
    logs.edit({ type: 'call', start: next, end: next, depth: depth + 0.5, call: line.call, cond: line.cond });
  }
}
