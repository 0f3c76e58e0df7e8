/**
 * The few ESTree / TS-ESTree shapes the instrumenter reads (oxc-parser output). Kept loose on
 * purpose: the walker is generic, and handlers only look at the fields named here.
 */
export interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

export function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';
}

export function child(node: Node, key: string): Node | null {
  const v = node[key];
  return isNode(v) ? v : null;
}

export function children(node: Node, key: string): Node[] {
  const v = node[key];
  return Array.isArray(v) ? v.filter(isNode) : [];
}

/** Nodes that only wrap an expression without changing what a reader calls it. */
const TRANSPARENT = new Set([
  'ParenthesizedExpression',
  'TSAsExpression',
  'TSSatisfiesExpression',
  'TSNonNullExpression',
  'TSTypeAssertion',
  'TSInstantiationExpression',
]);

export function isTransparent(node: Node): boolean {
  return TRANSPARENT.has(node.type);
}

/** Keys that hold only types: never walked (no runtime code lives there). */
export const TYPE_ONLY_KEYS = new Set([
  'typeAnnotation',
  'returnType',
  'typeParameters',
  'typeArguments',
  'superTypeArguments',
  'implements',
]);

export function isFunctionNode(node: Node): boolean {
  return (
    node.type === 'FunctionDeclaration' ||
    node.type === 'FunctionExpression' ||
    node.type === 'ArrowFunctionExpression'
  );
}

/** A statement that is a directive (`'use strict'`), as oxc marks them. */
export function isDirective(node: Node): boolean {
  return node.type === 'ExpressionStatement' && typeof node.directive === 'string';
}

const keysByType = new Map<string, readonly string[]>();

/**
 * The keys of `node` that can hold child nodes, cached per node type: oxc gives every node of a
 * type the same fields (null when absent), so a `for...in` over each node is wasted work (it was
 * most of the walk's time on large files).
 */
export function childKeys(node: Node): readonly string[] {
  let keys = keysByType.get(node.type);
  if (!keys) {
    keys = Object.keys(node).filter((k) => {
      if (k === 'type' || k === 'start' || k === 'end' || TYPE_ONLY_KEYS.has(k)) return false;
      const v = node[k];
      return v === null || typeof v === 'object';
    });
    keysByType.set(node.type, keys);
  }
  return keys;
}
