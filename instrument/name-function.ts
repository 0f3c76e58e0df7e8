import { child, isTransparent, type Node } from './estree.js';
import type { Position } from './line-locator.js';

/**
 * Names a function the way a reader of the source would (DESIGN.md §4): `fn`, `Class.method`,
 * `Class.get prop`, `Class.#private`, `obj.key`, `const x = () => {}` -> `x`, `default` for an
 * anonymous default export, and `<anonymous>@line:col` when the source gives no name.
 *
 * `ancestors` runs from the program down to the function's parent.
 */
export function nameFunction(
  fn: Node,
  ancestors: readonly Node[],
  code: string,
  at: Position,
): string {
  const own = child(fn, 'id');
  if (own && typeof own.name === 'string') {
    return fn.type === 'FunctionDeclaration' ? namespacePrefix(ancestors) + own.name : own.name;
  }
  const { parent, index } = effectiveParent(ancestors, ancestors.length - 1);
  const anonymous = `<anonymous>@${at.line}:${at.column}`;
  if (!parent) return anonymous;
  switch (parent.type) {
    case 'MethodDefinition':
    case 'TSAbstractMethodDefinition':
      return memberName(parent, ancestors, index, code, methodPrefix(parent));
    case 'PropertyDefinition':
    case 'AccessorProperty':
      return memberName(parent, ancestors, index, code, '');
    case 'Property':
      return propertyName(parent, ancestors, index, code);
    case 'VariableDeclarator':
      return bindingName(child(parent, 'id'), code) ?? anonymous;
    case 'AssignmentExpression':
      return bindingName(child(parent, 'left'), code) ?? anonymous;
    case 'AssignmentPattern':
      return bindingName(child(parent, 'left'), code) ?? anonymous;
    case 'ExportDefaultDeclaration':
      return 'default';
    default:
      return anonymous;
  }
}

/** `A.B.` for a function declared in `namespace A.B { ... }` (possibly exported), else ''. */
function namespacePrefix(ancestors: readonly Node[]): string {
  let i = ancestors.length - 1;
  if (ancestors[i]?.type === 'ExportNamedDeclaration') i--;
  if (ancestors[i]?.type !== 'TSModuleBlock') return '';
  const ns = ancestors[i - 1];
  const id = ns && child(ns, 'id');
  if (!id) return '';
  return `${namespacePrefix(ancestors.slice(0, i - 1))}${qualifiedName(id)}.`;
}

/** `A` or, for `namespace A.B {}` (a TSQualifiedName id), `A.B`. */
function qualifiedName(id: Node): string {
  if (id.type === 'TSQualifiedName') {
    const left = child(id, 'left');
    const right = child(id, 'right');
    return `${left ? qualifiedName(left) : ''}.${right ? String(right.name) : ''}`;
  }
  return String(id.name);
}

/** Names a class static block: `Class.<static block>`. */
export function nameStaticBlock(ancestors: readonly Node[], code: string): string {
  // ancestors: ..., Class, ClassBody
  return `${className(ancestors, ancestors.length - 2, code)}.<static block>`;
}

function effectiveParent(ancestors: readonly Node[], from: number): { parent: Node | undefined; index: number } {
  let i = from;
  while (i >= 0 && isTransparent(ancestors[i]!)) i--;
  return { parent: ancestors[i], index: i };
}

function methodPrefix(method: Node): string {
  if (method.kind === 'get') return 'get ';
  if (method.kind === 'set') return 'set ';
  return '';
}

/** `Class.key` for a class member at ancestors[index] (its parent is the ClassBody). */
function memberName(member: Node, ancestors: readonly Node[], index: number, code: string, prefix: string): string {
  return `${className(ancestors, index - 2, code)}.${prefix}${keyName(member, code)}`;
}

function className(ancestors: readonly Node[], index: number, code: string): string {
  const cls = ancestors[index];
  if (!cls) return '<anonymous class>';
  const id = child(cls, 'id');
  if (id && typeof id.name === 'string') return id.name;
  const { parent } = effectiveParent(ancestors, index - 1);
  if (parent?.type === 'VariableDeclarator') return bindingName(child(parent, 'id'), code) ?? '<anonymous class>';
  if (parent?.type === 'AssignmentExpression') return bindingName(child(parent, 'left'), code) ?? '<anonymous class>';
  if (parent?.type === 'ExportDefaultDeclaration') return 'default';
  return '<anonymous class>';
}

function propertyName(prop: Node, ancestors: readonly Node[], index: number, code: string): string {
  const prefix = methodPrefix(prop);
  const key = keyName(prop, code);
  // ancestors[index - 1] is the ObjectExpression; its own name comes from where it is bound.
  const { parent } = effectiveParent(ancestors, index - 2);
  let owner: string | null = null;
  if (parent?.type === 'VariableDeclarator') owner = bindingName(child(parent, 'id'), code);
  else if (parent?.type === 'AssignmentExpression') owner = bindingName(child(parent, 'left'), code);
  else if (parent?.type === 'ExportDefaultDeclaration') owner = 'default';
  return owner ? `${owner}.${prefix}${key}` : `${prefix}${key}`;
}

function keyName(member: Node, code: string): string {
  const key = child(member, 'key');
  if (!key) return '<unknown>';
  if (member.computed === true) {
    if (key.type === 'Literal' && typeof key.value === 'string') return key.value;
    return `[${shorten(code.slice(key.start, key.end))}]`;
  }
  if (key.type === 'PrivateIdentifier') return `#${String(key.name)}`;
  if (key.type === 'Identifier') return String(key.name);
  if (key.type === 'Literal') return String(key.value);
  return shorten(code.slice(key.start, key.end));
}

/** `x`, `a.b.c`, `this.handler`, `exports.foo`: only simple, short targets name a function. */
function bindingName(target: Node | null, code: string): string | null {
  // `(a.b) = () => {}`: acorn keeps the parentheses of an assignment target, oxc drops them.
  while (target?.type === 'ParenthesizedExpression') target = child(target, 'expression');
  if (!target) return null;
  if (target.type === 'Identifier') return String(target.name);
  if (target.type === 'MemberExpression' && target.computed !== true) {
    const text = code.slice(target.start, target.end);
    if (text.length <= 80 && /^[\w$#.\s]+$/.test(text)) return text.replace(/\s+/g, '');
  }
  return null;
}

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > 40 ? `${oneLine.slice(0, 37)}...` : oneLine;
}
