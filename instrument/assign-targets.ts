import { child, children, isTransparent, type Node } from './estree.js';

/**
 * What an assignment writes to, as the log planner needs it: binding names (declarations,
 * destructuring, parameters) and attribute targets (`obj.attr`, `obj["attr"]`).
 */

/** Strips `(x as T)`, `x!`, `<T>x`, `x satisfies T`: TS-only wrappers around a target. */
export function unwrapTarget(node: Node): Node {
  let n = node;
  while (isTransparent(n)) n = child(n, 'expression') ?? n;
  return n;
}

/** Names bound by a pattern, left to right; member targets of destructuring assignments are skipped. */
export function patternNames(pattern: Node | null, out: string[] = []): string[] {
  if (!pattern) return out;
  const p = unwrapTarget(pattern);
  switch (p.type) {
    case 'Identifier':
      // TS `function f(this: T)` declares no binding.
      if (typeof p.name === 'string' && p.name !== 'this') out.push(p.name);
      break;
    case 'ObjectPattern':
      for (const prop of children(p, 'properties')) patternNames(prop.type === 'RestElement' ? child(prop, 'argument') : child(prop, 'value'), out);
      break;
    case 'ArrayPattern':
      for (const element of children(p, 'elements')) patternNames(element, out);
      break;
    case 'AssignmentPattern':
      patternNames(child(p, 'left'), out);
      break;
    case 'RestElement':
      patternNames(child(p, 'argument'), out);
      break;
    case 'TSParameterProperty':
      patternNames(child(p, 'parameter'), out);
      break;
  }
  return out;
}

/** The attribute name of `obj.attr` / `obj["attr"]` / `obj[0]`; null for other keys and `obj.#x`. */
export function attributeName(member: Node): string | null {
  if (member.type !== 'MemberExpression') return null;
  const property = child(member, 'property');
  if (!property) return null;
  if (member.computed !== true) return property.type === 'Identifier' ? String(property.name) : null;
  if (property.type === 'Literal' && (typeof property.value === 'string' || typeof property.value === 'number')) return String(property.value);
  return null;
}

/** `function(){}`, `class {}`, `() => {}` without a name: they take the binding's name, so they are never wrapped. */
export function isAnonymousFunctionDefinition(node: Node | null): boolean {
  if (!node) return false;
  // `x ||= (function () {})` still names the function `x`.
  let n = node;
  while (n.type === 'ParenthesizedExpression') n = child(n, 'expression') ?? n;
  if (n.type === 'ArrowFunctionExpression') return true;
  if (n.type === 'FunctionExpression' || n.type === 'ClassExpression') return child(n, 'id') === null;
  return false;
}

/** An await or yield in `node` outside nested functions: the expression suspends its function. */
export function suspends(node: Node): boolean {
  if (node.type === 'AwaitExpression' || node.type === 'YieldExpression') return true;
  if (node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression' || node.type === 'FunctionDeclaration') return false;
  for (const key of Object.keys(node)) {
    const v = node[key];
    if (Array.isArray(v)) {
      for (const item of v) if (item && typeof item === 'object' && typeof (item as Node).type === 'string' && suspends(item as Node)) return true;
    } else if (v && typeof v === 'object' && typeof (v as Node).type === 'string' && suspends(v as Node)) {
      return true;
    }
  }
  return false;
}
