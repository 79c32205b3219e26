/**
 * Go's `unicode` package semantics that envsubst relies on: identifier runes and simple (one rune to one rune) case
 * mapping. JS `toUpperCase` applies full case mapping (`ß` -> `SS`), so runes whose full mapping is longer than one
 * rune fall back to their simple mapping from UnicodeData.txt.
 */

const LETTER = /\p{L}/u;
const DECIMAL_DIGIT = /\p{Nd}/u;

/** unicode.IsLetter: any rune in category L. */
export function isLetter(rune: number): boolean {
  if (rune < 0x80) return (rune >= 0x41 && rune <= 0x5a) || (rune >= 0x61 && rune <= 0x7a);
  return LETTER.test(String.fromCodePoint(rune));
}

/** unicode.IsDigit: any rune in category Nd. */
export function isDigit(rune: number): boolean {
  if (rune < 0x80) return rune >= 0x30 && rune <= 0x39;
  return DECIMAL_DIGIT.test(String.fromCodePoint(rune));
}

// Simple uppercase mappings of the runes whose full uppercase mapping has several runes (Greek with ypogegrammeni).
const SIMPLE_UPPER_EXCEPTIONS = new Map<number, number>([
  ...range(0x1f80, 0x1f87).map((rune): [number, number] => [rune, rune + 8]),
  ...range(0x1f90, 0x1f97).map((rune): [number, number] => [rune, rune + 8]),
  ...range(0x1fa0, 0x1fa7).map((rune): [number, number] => [rune, rune + 8]),
  [0x1fb3, 0x1fbc],
  [0x1fc3, 0x1fcc],
  [0x1ff3, 0x1ffc],
]);

// Simple lowercase mapping of the one rune whose full lowercase mapping has several runes.
const SIMPLE_LOWER_EXCEPTIONS = new Map<number, number>([[0x130, 0x69]]);

function range(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, offset) => first + offset);
}

function singleRune(text: string): number | undefined {
  const rune = text.codePointAt(0);
  return rune !== undefined && text.length === String.fromCodePoint(rune).length ? rune : undefined;
}

/** unicode.ToUpper. */
export function toUpperRune(rune: number): number {
  if (rune < 0x80) return rune >= 0x61 && rune <= 0x7a ? rune - 0x20 : rune;
  return singleRune(String.fromCodePoint(rune).toUpperCase()) ?? SIMPLE_UPPER_EXCEPTIONS.get(rune) ?? rune;
}

/** unicode.ToLower. */
export function toLowerRune(rune: number): number {
  if (rune < 0x80) return rune >= 0x41 && rune <= 0x5a ? rune + 0x20 : rune;
  return singleRune(String.fromCodePoint(rune).toLowerCase()) ?? SIMPLE_LOWER_EXCEPTIONS.get(rune) ?? rune;
}
