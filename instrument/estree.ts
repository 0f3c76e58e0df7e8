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
