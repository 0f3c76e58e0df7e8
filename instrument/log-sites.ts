import type { LogKind } from '../runtime/probe-protocol.js';
import { attributeName, isAnonymousFunctionDefinition, patternNames, suspends } from './assign-targets.js';
import { child, children, type Node } from './estree.js';
import type { EntryLogs, LogEdit, LogPlan, LogRead } from './log-plan.js';
import type { LogRules } from './log-rules.js';

/** The function whose body the walker is in, as the log rules see it. */
export interface LogScope {
  /** Index of the probed function; null at top level, in static blocks and in unprobed functions. */
  k: number | null;
  exec: boolean;
  retval: boolean;
}

export interface LogSiteContext {
  code: string;
  rules: LogRules;
  /** File and line of an offset (through the input source map, like function sites). */
  locate(at: number): { file: string; line: number };
}

/** The plan under construction plus the helpers every handler shares (log-handlers.ts). */
export class LogSites {
  readonly plan: LogPlan = { sites: [], edits: [], entries: new Map() };
  readonly scopes: LogScope[] = [{ k: null, exec: false, retval: false }];
  /** Expression statements of statement lists, by start: a log call there needs a leading `;`. */
  readonly asiStarts = new Map<number, number>();
  readonly warnings: { at: number; message: string }[] = [];

  readonly ctx: LogSiteContext;

  constructor(ctx: LogSiteContext) {
    this.ctx = ctx;
  }

  get scope(): LogScope {
    return this.scopes[this.scopes.length - 1]!;
  }

  site(kind: LogKind, text: string, at: number): number {
    const { file, line } = this.ctx.locate(at);
    return this.plan.sites.push({ kind, text, file, line }) - 1;
  }

  edit(edit: LogEdit): void {
    this.plan.edits.push(edit);
  }

  source(node: Node): string {
    return this.ctx.code.slice(node.start, node.end);
  }

  /** Sites for an assignment to binding `name` at `at`; `magic` adds a 'var' site whatever the options say. */
  variableSites(name: string, at: number, magic = false): number[] {
    const match = this.ctx.rules.variable(name);
    const sites: number[] = [];
    if (match.var || magic) sites.push(this.site('var', name, at));
    if (match.number) sites.push(this.site('number', name, at));
    if (this.scope.exec) sites.push(this.site('exec', name, at));
    return sites;
  }

  /** Sites for an assignment to `obj.attr` (text: the target's source). */
  memberSites(target: Node, at: number, magic = false): number[] {
    const name = attributeName(target);
    const text = this.source(target);
    const sites: number[] = [];
    if (magic) sites.push(this.site('var', text, at));
    else if (name !== null && this.ctx.rules.attribute(name)) sites.push(this.site('attr', text, at));
    if (this.scope.exec) sites.push(this.site('exec', text, at));
    return sites;
  }

  /** `l(L, name)` reads for each bound name. */
  reads(names: readonly string[], at: number, magic = false): LogRead[] {
    return names.flatMap((name) => this.variableSites(name, at, magic).map((site) => ({ site, expression: name })));
  }

  /**
   * The value an assignment leaves in its target, wrapped: the whole assignment, or for `x ||= e`
   * only `e` (so nothing is logged when nothing is assigned) unless `e` takes the target's name.
   */
  wrapAssignment(node: Node, depth: number, sites: number[]): void {
    if (sites.length === 0) return;
    const right = child(node, 'right');
    const logical = node.operator === '&&=' || node.operator === '||=' || node.operator === '??=';
    const range = logical && right && !isAnonymousFunctionDefinition(right) ? right : node;
    this.edit({ type: 'wrap', start: range.start, end: range.end, depth: depth + (range === node ? -0.25 : 0.75), sites });
  }

  /** Function entry: the scope for its body and the logs after its entry probe. */
  enterFunction(fn: Node, k: number | null, name: string, concise: Node | null, depth: number): EntryLogs | null {
    const { rules } = this.ctx;
    const probed = k !== null;
    this.scopes.push({ k, exec: probed && rules.funcExec(name), retval: probed && rules.funcRetval(name) });
    if (!probed) return null;
    const at = fn.start;
    const names = children(fn, 'params').flatMap((p) => patternNames(p));
    const entry: EntryLogs = { args: null, reads: [] };
    if (rules.funcEntry(name)) entry.reads.push({ site: this.site('entry', name, at), expression: 'void 0' });
    if (rules.funcArgs(name)) entry.args = { site: this.site('args', names.join(','), at), names };
    for (const n of names) {
      const match = rules.variable(n);
      if (match.var) entry.reads.push({ site: this.site('var', n, at), expression: n });
      if (match.number) entry.reads.push({ site: this.site('number', n, at), expression: n });
    }
    if (concise && this.scope.retval) this.returnEdit(concise, depth + 1, false);
    if (entry.reads.length === 0 && !entry.args) return null;
    this.plan.entries.set(k, entry);
    return entry;
  }

  exitFunction(): void {
    this.scopes.pop();
  }

  returnEdit(value: Node, depth: number, bare: boolean): void {
    this.edit({ type: 'return', start: value.start, end: value.end, depth: depth - 0.25, deferred: !bare && suspends(value), bare });
  }

  /** The names a destructuring or declaration writes, when reading them back is safe. */
  targetNames(target: Node): string[] {
    return patternNames(target); // unwraps parentheses and TS assertions itself
  }
}
