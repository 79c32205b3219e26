/**
 * What each `${var<operator>...}` does to the variable's value, as fluxcd/pkg/envsubst funcs.go does it. Values
 * and operands are byte strings (see go/bytes.ts): lengths and offsets count UTF-8 bytes, as in Go.
 * Note the departures from bash that Flux has: every default-style operator (`=`, `:=`, `:-`, `:?`, `:+`) means
 * "the value if non-empty, else the default"; replace patterns are literal text, not globs.
 */
import { decodeRune, runesOf, runesToBytes, encodeRune } from '../go/bytes';
import { atoi } from '../go/strconv';
import { toLowerRune, toUpperRune } from '../go/unicode';
import { SubstitutionError } from '../substitution-error';
import { matchGlob } from './glob';

/** Operators that cope with an unset variable themselves, so strict mode lets them through. */
export const DEFAULT_OPERATORS: ReadonlySet<string> = new Set(['-', '+', '=', '?', ':-', ':+', ':=', ':?']);

/** Applies `operator` to `value` with evaluated operands `args`. Unknown operators (e.g. `,^`) act as defaults. */
export function applyOperator(operator: string, value: string, args: readonly string[]): string {
  const [first, second] = args;
  switch (operator) {
    case ',':
      return mapFirstRune(value, toLowerRune);
    case ',,':
      return mapRunes(value, toLowerRune);
    case '^':
      return mapFirstRune(value, toUpperRune);
    case '^^':
      return mapRunes(value, toUpperRune);
    case '#':
      return first === undefined ? String(value.length) : trimPrefix(value, first, 'shortest');
    case '##':
      return first === undefined ? value : trimPrefix(value, first, 'longest');
    case '%':
      return first === undefined ? value : trimSuffix(value, first, 'shortest');
    case '%%':
      return first === undefined ? value : trimSuffix(value, first, 'longest');
    case ':':
      return substring(value, args);
    case '/#':
      return first === undefined || second === undefined || !value.startsWith(first)
        ? value
        : second + value.slice(first.length);
    case '/%':
      return first === undefined || second === undefined || !value.endsWith(first)
        ? value
        : value.slice(0, value.length - first.length) + second;
    case '/':
      return first === undefined ? value : replaceFirst(value, first, second ?? '');
    case '//':
      return first === undefined ? value : replaceAll(value, first, second ?? '');
    default:
      return value === '' && args.length > 0 ? args.join('') : value;
  }
}

function mapRunes(value: string, map: (rune: number) => number): string {
  return runesToBytes(runesOf(value).map(map));
}

function mapFirstRune(value: string, map: (rune: number) => number): string {
  if (value === '') return value;
  const { rune, width } = decodeRune(value, 0);
  return encodeRune(map(rune)) + value.slice(width);
}

/**
 * `${v:pos}` / `${v:pos:len}` in bytes. A negative position counts from the end; an operand that is not an integer
 * leaves the value unchanged. Arithmetic wraps at 64 bits like Go's, and a slice Go would panic on (a negative
 * length, e.g. `${v:0:-1}`) throws.
 */
function substring(value: string, args: readonly string[]): string {
  const [positionText, lengthText] = args;
  if (positionText === undefined) return value;
  const size = BigInt(value.length);
  let start = atoi(positionText);
  if (start === undefined) return value;
  if (start < 0n) start = size + start < 0n ? 0n : size + start;
  const rest = start < size ? value.slice(Number(start)) : '';
  if (lengthText === undefined) return rest;
  const length = atoi(lengthText);
  if (length === undefined) return value;
  const end = BigInt.asIntN(64, start + length);
  if (end >= size) return rest;
  if (end < 0n) throw slicePanic(`[:${end}]`);
  if (start > end) throw slicePanic(`[${start}:${end}]`);
  return value.slice(Number(start), Number(end));
}

function slicePanic(bounds: string): SubstitutionError {
  return new SubstitutionError(`runtime error: slice bounds out of range ${bounds}`, { reason: 'runtime' });
}

/**
 * Strips the shortest or longest prefix matching `pattern`. Candidates are byte prefixes, longest first, and never
 * the empty prefix, so `${v#*}` drops one byte. A malformed pattern leaves the value unchanged.
 */
function trimPrefix(value: string, pattern: string, which: 'shortest' | 'longest'): string {
  let matchedLength = 0;
  for (let length = value.length; length > 0; length--) {
    const result = matchGlob(pattern, value.slice(0, length));
    if (result === 'bad-pattern') return value;
    if (result === 'match') {
      matchedLength = length;
      if (which === 'longest') break;
    }
  }
  return value.slice(matchedLength);
}

/** Suffix trimming is prefix trimming of the rune-reversed value with the rune-reversed pattern. */
function trimSuffix(value: string, pattern: string, which: 'shortest' | 'longest'): string {
  return reverseRunes(trimPrefix(reverseRunes(value), reverseRunes(pattern), which));
}

function reverseRunes(value: string): string {
  return runesToBytes(runesOf(value).reverse());
}

/** strings.Replace(value, pattern, replacement, 1); an empty pattern matches at the start. */
function replaceFirst(value: string, pattern: string, replacement: string): string {
  const at = value.indexOf(pattern);
  return at === -1 ? value : value.slice(0, at) + replacement + value.slice(at + pattern.length);
}

/** strings.Replace(value, pattern, replacement, -1); an empty pattern matches before and after every rune. */
function replaceAll(value: string, pattern: string, replacement: string): string {
  if (pattern !== '') return value.split(pattern).join(replacement);
  let result = replacement;
  for (let i = 0; i < value.length;) {
    const { width } = decodeRune(value, i);
    result += value.slice(i, i + width) + replacement;
    i += width;
  }
  return result;
}
