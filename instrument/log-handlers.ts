import { isAnonymousFunctionDefinition, unwrapTarget } from './assign-targets.js';
import { child, children, type Node } from './estree.js';
import type { LogSites } from './log-sites.js';

/**
 * Where each construct gets its log sites (the shapes: runtime/probe-protocol.ts). A table of
 * small handlers by node type, called by the walker before it walks the node's children.
 * `parent` is the node's parent; `inWith` is true under a `with` statement, where reading a name
 * back could call a getter of the `with` object, so only the forms that never read are used.
 */
export type LogHandler = (logs: LogSites, node: Node, depth: number, parent: Node | undefined, inWith: boolean) => void;

/** Where a statement may be followed by another one (else the logs go in a block with it). */
const STATEMENT_LISTS = new Set(['Program', 'BlockStatement', 'StaticBlock', 'TSModuleBlock', 'SwitchCase']);

export function inStatementList(parent: Node | undefined): boolean {
  return parent !== undefined && STATEMENT_LISTS.has(parent.type);
}

const assignment: LogHandler = (logs, node, depth, _parent, inWith) => {
  const left = child(node, 'left');
  if (!left) return;
  const target = unwrapTarget(left);
  if (target.type === 'Identifier') {
    logs.wrapAssignment(node, depth, logs.variableSites(String(target.name), node.start));
  } else if (target.type === 'MemberExpression') {
    logs.wrapAssignment(node, depth, logs.memberSites(target, node.start));
  } else if (!inWith) {
    // Destructuring: the names are read back after the assignment (its members are not: getters).
    const reads = logs.reads(logs.targetNames(target), node.start);
    if (reads.length > 0) logs.edit({ type: 'reads', start: node.start, end: node.end, depth: depth - 0.25, reads });
  }
};

const update: LogHandler = (logs, node, depth, _parent, inWith) => {
  const argument = child(node, 'argument');
  if (!argument) return;
  const target = unwrapTarget(argument);
  const prefix = node.prefix === true;
  if (target.type === 'Identifier') {
    const name = String(target.name);
    if (prefix) {
      const sites = logs.variableSites(name, node.start);
      if (sites.length > 0) logs.edit({ type: 'wrap', start: node.start, end: node.end, depth: depth - 0.25, sites });
    } else if (!inWith) {
      const reads = logs.reads([name], node.start);
      if (reads.length > 0) logs.edit({ type: 'reads', start: node.start, end: node.end, depth: depth - 0.25, reads });
    }
  } else if (target.type === 'MemberExpression' && prefix) {
    // `o.a++` is not logged: its new value can only be had by reading `o.a` (a getter) again.
    const sites = logs.memberSites(target, node.start);
    if (sites.length > 0) logs.edit({ type: 'wrap', start: node.start, end: node.end, depth: depth - 0.25, sites });
  }
};

const declaration: LogHandler = (logs, node, depth, parent, inWith) => {
  if (node.declare === true || !parent) return;
  const declarators = children(node, 'declarations');
  if (parent.type === 'ForStatement') {
    // `for (let i = 0; ...)`: no statement fits in the head, so the initialiser is wrapped.
    for (const d of declarators) {
      const id = child(d, 'id');
      const init = child(d, 'init');
      if (id?.type !== 'Identifier' || !init || isAnonymousFunctionDefinition(init)) continue;
      const sites = logs.variableSites(String(id.name), d.start);
      if (sites.length > 0) logs.edit({ type: 'wrap', start: init.start, end: init.end, depth: depth + 1.75, sites });
    }
    return;
  }
  if (parent.type === 'ForInStatement' || parent.type === 'ForOfStatement') return; // loopTarget does these
  // Under `with`, `var x = 1` may write the `with` object's property: not read back.
  if (inWith && node.kind === 'var') return;
  const names = declarators.filter((d) => child(d, 'init')).flatMap((d) => logs.targetNames(child(d, 'id')!));
  const reads = logs.reads(names, node.start);
  if (reads.length === 0) return;
  // `export const x = 1;` is followed by the logs as a whole.
  const statement = parent.type === 'ExportNamedDeclaration' ? parent : node;
  const block = statement === node && !inStatementList(parent);
  logs.edit({ type: 'after', start: statement.start, end: statement.end, depth: depth - 0.25, reads, cond: null, block });
};

const loopTarget: LogHandler = (logs, node, depth, _parent, inWith) => {
  const left = child(node, 'left');
  const body = child(node, 'body');
  if (!left || !body) return;
  let names: string[];
  if (left.type === 'VariableDeclaration') {
    if (inWith && left.kind === 'var') return;
    names = logs.targetNames(child(children(left, 'declarations')[0] ?? left, 'id') ?? left);
  } else {
    if (inWith) return;
    names = logs.targetNames(left);
  }
  const reads = logs.reads(names, left.start);
  if (reads.length > 0) logs.edit({ type: 'loop-body', start: body.start, end: body.end, depth: depth + 0.75, reads });
};

const throwStatement: LogHandler = (logs, node, depth) => {
  const argument = child(node, 'argument');
  if (!logs.ctx.rules.exception || !argument) return;
  logs.edit({ type: 'wrap', start: argument.start, end: argument.end, depth: depth + 0.75, sites: [logs.site('exception', '', node.start)] });
};

const returnStatement: LogHandler = (logs, node, depth) => {
  if (!logs.scope.retval) return;
  const argument = child(node, 'argument');
  if (argument) logs.returnEdit(argument, depth + 1, false);
  // A bare `return;` stays bare (in an async generator `return undefined` would await once more).
  else logs.edit({ type: 'return', start: node.start, end: node.end, depth: depth - 0.25, deferred: false, bare: true });
};

const expressionStatement: LogHandler = (logs, node, depth, parent) => {
  if (inStatementList(parent)) logs.asiStarts.set(node.start, depth);
};

export const LOG_HANDLERS: Record<string, LogHandler> = {
  AssignmentExpression: assignment,
  UpdateExpression: update,
  VariableDeclaration: declaration,
  ForOfStatement: loopTarget,
  ForInStatement: loopTarget,
  ThrowStatement: throwStatement,
  ReturnStatement: returnStatement,
  ExpressionStatement: expressionStatement,
};
