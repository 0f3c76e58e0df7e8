import { parseSync, type ParserOptions } from 'oxc-parser';
import type { Node } from './estree.js';
import type { CommentLike } from './ignore-comments.js';
import { parsePlainJs } from './parse-plain-js.js';
import type { SourceKind } from './types.js';

export interface Parsed {
  program: Node;
  comments: CommentLike[];
}

export interface ParseFailure {
  message: string;
  offset: number;
}

type Lang = NonNullable<ParserOptions['lang']>;

function langOf(filename: string): Lang {
  if (/\.[cm]?tsx$/i.test(filename)) return 'tsx';
  if (/\.[cm]?ts$/i.test(filename)) return /\.d\.[cm]?ts$/i.test(filename) ? 'dts' : 'ts';
  if (/\.jsx$/i.test(filename)) return 'jsx';
  return 'js';
}

/**
 * Parses JS, TS, JSX or TSX with oxc-parser (ESTree shape, UTF-16 offsets that feed magic-string
 * directly). Semantic errors are on so that code V8 rejects early (`function f(a){ let a }`) is
 * rejected here too: wrapping a body in `try {}` could otherwise make it valid.
 */
export function parseSource(code: string, filename: string, kind: SourceKind): Parsed | ParseFailure {
  const lang = langOf(filename);
  if (lang === 'js') {
    const plain = parsePlainJs(code, kind);
    if (plain) return plain;
  }
  const first = tryParse(code, filename, kind, lang);
  // Some projects put JSX in .js files; plain JS is tried first because JSX mode rejects
  // Annex B's HTML-like comments.
  if ('message' in first && lang === 'js') {
    const jsx = tryParse(code, filename, kind, 'jsx');
    if (!('message' in jsx)) return jsx;
  }
  return first;
}

function tryParse(code: string, filename: string, kind: SourceKind, lang: Lang): Parsed | ParseFailure {
  const result = parseSync(filename, code, { lang, sourceType: kind, showSemanticErrors: true });
  const error = result.errors[0];
  if (error) return { message: error.message, offset: error.labels[0]?.start ?? 0 };
  return { program: result.program as unknown as Node, comments: result.comments };
}
