import { child, childKeys, children, isFunctionNode, isNode, type Node } from './estree.js';

/**
 * Whether wrapping this body in `try { }` would change what its function declarations mean.
 *
 * Inside the `try` block, body-level function declarations become block-scoped. That is harmless
 * (all of the body is in the block, and they still close over the body's `let`/`const`) except
 * when the name is shared with something function-scoped: a second declaration of the same name
 * (an error in a strict block), a parameter, a `var`, `arguments`, or a function declared in a
 * nested block (Annex B would assign it to the outer binding), or a direct `eval` that may declare
 * it with `var` at run time. Such a function is left without probes: losing its slice is better
 * than changing its behaviour. Rare outside old sloppy code.
 */
export function hasHoistingConflict(params: readonly Node[], statements: readonly Node[]): boolean {
  const declared = new Set<string>();
  for (const s of statements) {
    if (s.type !== 'FunctionDeclaration') continue;
    const name = child(s, 'id')?.name;
    if (typeof name !== 'string') continue;
    if (declared.has(name)) return true;
    declared.add(name);
  }
  if (declared.size === 0) return false;
  if (declared.has('arguments')) return true;
  const shared = new Set<string>();
  shared.add(DIRECT_EVAL);
  for (const p of params) collectBindingNames(p, shared);
  for (const s of statements) collectVarScopedNames(s, shared, true);
  if (shared.has(DIRECT_EVAL)) return true;
  for (const name of declared) if (shared.has(name)) return true;
  return false;
}

/** Stands for "a direct eval call" in the name set (no identifier can contain a NUL). */
const DIRECT_EVAL = '\0eval';

/** Names bound by a parameter or declarator pattern. */
function collectBindingNames(pattern: Node, out: Set<string>): void {
  switch (pattern.type) {
    case 'Identifier':
      out.add(String(pattern.name));
      return;
    case 'TSParameterProperty':
    case 'RestElement':
    case 'AssignmentPattern': {
      const inner = child(pattern, 'parameter') ?? child(pattern, 'argument') ?? child(pattern, 'left');
      if (inner) collectBindingNames(inner, out);
      return;
    }
    case 'ArrayPattern':
      for (const el of children(pattern, 'elements')) collectBindingNames(el, out);
      return;
    case 'ObjectPattern':
      for (const prop of children(pattern, 'properties')) {
        const target = prop.type === 'RestElement' ? prop : child(prop, 'value');
        if (target) collectBindingNames(target, out);
      }
      return;
  }
}

/**
 * `var` names anywhere in the body and names of functions declared in nested blocks, without
 * entering nested functions or static blocks (they have their own var scope).
 */
function collectVarScopedNames(node: Node, out: Set<string>, bodyLevel: boolean): void {
  if (isFunctionNode(node)) {
    if (!bodyLevel && node.type === 'FunctionDeclaration') {
      const name = child(node, 'id')?.name;
      if (typeof name === 'string') out.add(name);
    }
    return;
  }
  if (node.type === 'StaticBlock') return;
  if (node.type === 'CallExpression' && child(node, 'callee')?.type === 'Identifier' && child(node, 'callee')?.name === 'eval') {
    out.add(DIRECT_EVAL);
  }
  if (node.type === 'VariableDeclaration' && node.kind === 'var') {
    for (const d of children(node, 'declarations')) {
      const id = child(d, 'id');
      if (id) collectBindingNames(id, out);
    }
  }
  const keys = childKeys(node);
  for (let i = 0; i < keys.length; i++) {
    const value = node[keys[i]!];
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) collectVarScopedNames(item, out, false);
    } else if (isNode(value)) {
      collectVarScopedNames(value, out, false);
    }
  }
}
