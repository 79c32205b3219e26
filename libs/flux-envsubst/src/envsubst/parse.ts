/**
 * Parser for fluxcd/pkg/envsubst v1.7.0 templates (a fork of drone/envsubst). It reproduces that scanner's
 * observable behaviour, quirks included, because a template Flux rejects must be rejected here too:
 * - only `${` starts an expression; `$$` is an escaped `$` at the top level only;
 * - an operand is one text run or one nested `${...}`, except default values, which may mix both;
 * - replace operands (`${v/pat/rep}`) honour `\/`, `\\` and `$$` escapes; no other operand has escapes.
 * Works on byte strings (see go/bytes.ts).
 */
import { decodeRune } from '../go/bytes';
import { isDigit, isLetter } from '../go/unicode';
import { SubstitutionError } from '../substitution-error';
import type { Expansion, Fragment, Template, Text } from './template';

/** Flux's parse error texts (fluxcd/pkg envsubst/parse/parse.go). */
export const SYNTAX_ERRORS = {
  badSubstitution: 'bad substitution',
  missingClosingBrace: 'missing closing brace',
  variableName: 'unable to parse variable name',
  operand: 'unable to parse substitution within function',
} as const;

class Cursor {
  index = 0;
  constructor(readonly source: string) {}

  get atEnd(): boolean {
    return this.index >= this.source.length;
  }

  /** The byte `offset` bytes ahead, or undefined past the end. */
  peek(offset = 0): string | undefined {
    return this.source[this.index + offset];
  }

  startsExpansion(): boolean {
    return this.source.startsWith('${', this.index);
  }

  advance(count: number): void {
    this.index += count;
  }
}

export function parseTemplate(source: string): Template {
  const cursor = new Cursor(source);
  const fragments: Fragment[] = [];
  while (!cursor.atEnd) {
    if (cursor.startsExpansion()) {
      cursor.advance(2);
      fragments.push(parseExpansion(cursor));
    } else {
      fragments.push(text(readTopLevelText(cursor)));
    }
  }
  return fragments;
}

/** Text up to the next `${`. Each `$$` yields one `$`, and its second `$` cannot begin a `${`. */
function readTopLevelText(cursor: Cursor): string {
  const { source } = cursor;
  let start = cursor.index;
  let searchFrom = start;
  let result = '';
  for (;;) {
    const dollar = source.indexOf('$', searchFrom);
    if (dollar === -1) {
      cursor.index = source.length;
      return result + source.slice(start);
    }
    const next = source[dollar + 1];
    if (next === '{') {
      cursor.index = dollar;
      return result + source.slice(start, dollar);
    }
    if (next === '$') {
      result += source.slice(start, dollar + 1);
      start = searchFrom = dollar + 2;
    } else {
      searchFrom = dollar + 1;
    }
  }
}

/** Parses what follows `${`, through the closing `}`. */
function parseExpansion(cursor: Cursor): Expansion {
  if (cursor.peek() === '#') return parseLength(cursor);
  const variable = readVariableName(cursor);
  if (variable === '') throw syntaxError(SYNTAX_ERRORS.variableName);
  switch (cursor.peek()) {
    case ':':
      return parseColonOperator(cursor, variable);
    case '=':
      return parseDefault(cursor, variable);
    case ',':
    case '^':
      return parseCase(cursor, variable);
    case '/':
      return parseReplace(cursor, variable);
    case '#':
    case '%':
      return parseTrim(cursor, variable);
    case '}':
      cursor.advance(1);
      return expansion(variable, '', []);
    default:
      throw syntaxError(SYNTAX_ERRORS.missingClosingBrace);
  }
}

/** A name is a run of Unicode letters, decimal digits and `_` (a leading digit is fine). */
function readVariableName(cursor: Cursor): string {
  const start = cursor.index;
  while (!cursor.atEnd) {
    const { rune, width } = decodeRune(cursor.source, cursor.index);
    if (!(isLetter(rune) || isDigit(rune) || rune === 0x5f)) break;
    cursor.advance(width);
  }
  return cursor.source.slice(start, cursor.index);
}

/** `${#var}` */
function parseLength(cursor: Cursor): Expansion {
  cursor.advance(1);
  const variable = readVariableName(cursor);
  if (variable === '') throw syntaxError(SYNTAX_ERRORS.badSubstitution);
  expectClosingBrace(cursor);
  return expansion(variable, '#', []);
}

/** `${var:...}`: a default operator (`:=` `:-` `:?` `:+`) or a substring. */
function parseColonOperator(cursor: Cursor, variable: string): Expansion {
  const next = cursor.peek(1);
  if (next !== undefined && '=-?+'.includes(next)) return parseDefault(cursor, variable);
  // Go's scanner steps back by the width of the rune after ':' rather than by one byte, so at the end of the input
  // or before a multi-byte rune it loses the ':' and reports a bad substitution.
  if (next === undefined || decodeRune(cursor.source, cursor.index + 1).width > 1) {
    throw syntaxError(SYNTAX_ERRORS.badSubstitution);
  }
  return parseSubstring(cursor, variable);
}

/** `${var:position}` and `${var:position:length}`; any run of colons separates the two. */
function parseSubstring(cursor: Cursor, variable: string): Expansion {
  cursor.advance(1);
  const position = parseOperand(cursor, (char) => char !== ':' && char !== '}', false);
  const delimiter = cursor.peek();
  if (delimiter === '}') {
    cursor.advance(1);
    return expansion(variable, ':', [position]);
  }
  if (delimiter !== ':') throw syntaxError(SYNTAX_ERRORS.badSubstitution);
  while (cursor.peek() === ':') cursor.advance(1);
  const length = parseOperand(cursor, (char) => char !== '}', false);
  expectClosingBrace(cursor);
  return expansion(variable, ':', [position, length]);
}

/** `${var=def}` `${var:=def}` `${var:-def}` `${var:?def}` `${var:+def}`; the default may mix text and `${...}`. */
function parseDefault(cursor: Cursor, variable: string): Expansion {
  const operator = cursor.peek() === '=' ? '=' : `:${cursor.peek(1) ?? ''}`;
  cursor.advance(operator.length);
  const args: Fragment[] = [];
  while (cursor.peek() !== '}') args.push(parseOperand(cursor, (char) => char !== '}', false));
  cursor.advance(1);
  return expansion(variable, operator, args);
}

/** `${var,}` `${var,,}` `${var^}` `${var^^}`; any two of `,` and `^` parse (mixed pairs leave the value as is). */
function parseCase(cursor: Cursor, variable: string): Expansion {
  let operator = cursor.peek() ?? '';
  cursor.advance(1);
  const second = cursor.peek();
  if (second === ',' || second === '^') {
    operator += second;
    cursor.advance(1);
  }
  expectClosingBrace(cursor);
  return expansion(variable, operator, []);
}

/** `${var#pat}` `${var##pat}` `${var%pat}` `${var%%pat}` */
function parseTrim(cursor: Cursor, variable: string): Expansion {
  const marker = cursor.peek() ?? '';
  cursor.advance(1);
  let operator = marker;
  if (cursor.peek() === marker) {
    operator += marker;
    cursor.advance(1);
  }
  const pattern = parseOperand(cursor, (char) => char !== '}', false);
  expectClosingBrace(cursor);
  return expansion(variable, operator, [pattern]);
}

/**
 * `${var/pat/rep}` `${var//pat/rep}` `${var/#pat/rep}` `${var/%pat/rep}`. The pattern runs to the next unescaped
 * `/` (it may swallow a `}`), any run of slashes separates it from the replacement, and the replacement may be empty.
 */
function parseReplace(cursor: Cursor, variable: string): Expansion {
  let operator = '/';
  cursor.advance(1);
  const second = cursor.peek();
  if (second === '/' || second === '#' || second === '%') {
    operator += second;
    cursor.advance(1);
  }
  const pattern = parseOperand(cursor, (char) => char !== '/', true);
  if (cursor.peek() !== '/') throw syntaxError(SYNTAX_ERRORS.badSubstitution);
  while (cursor.peek() === '/') cursor.advance(1);
  if (cursor.peek() === '}') {
    cursor.advance(1);
    return expansion(variable, operator, [pattern]);
  }
  const replacement = parseOperand(cursor, (char) => char !== '}', true);
  expectClosingBrace(cursor);
  return expansion(variable, operator, [pattern, replacement]);
}

/**
 * One operand: a nested `${...}`, or a text run of accepted bytes that stops before `${`. With escapes on, `$$`,
 * `\/` and `\\` each stand for their second byte, which is then taken even if not accepted.
 */
function parseOperand(cursor: Cursor, accepts: (char: string) => boolean, escapes: boolean): Fragment {
  if (cursor.atEnd) throw syntaxError(SYNTAX_ERRORS.operand);
  if (cursor.startsExpansion()) {
    cursor.advance(2);
    return parseExpansion(cursor);
  }
  let value = '';
  let first = true;
  while (!cursor.atEnd && (first || !cursor.startsExpansion())) {
    const char = cursor.peek() ?? '';
    if (escapes && isEscape(char, cursor.peek(1))) {
      value += cursor.peek(1);
      cursor.advance(2);
    } else if (accepts(char)) {
      value += char;
      cursor.advance(1);
    } else if (first) {
      throw syntaxError(SYNTAX_ERRORS.operand);
    } else {
      break;
    }
    first = false;
  }
  return text(value);
}

function isEscape(char: string, next: string | undefined): boolean {
  return (char === '$' && next === '$') || (char === '\\' && (next === '/' || next === '\\'));
}

function expectClosingBrace(cursor: Cursor): void {
  if (cursor.peek() !== '}') throw syntaxError(SYNTAX_ERRORS.badSubstitution);
  cursor.advance(1);
}

function text(value: string): Text {
  return { kind: 'text', text: value };
}

function expansion(variable: string, operator: string, args: Fragment[]): Expansion {
  return { kind: 'expansion', variable, operator, args };
}

function syntaxError(message: string): SubstitutionError {
  return new SubstitutionError(message, { reason: 'syntax' });
}
