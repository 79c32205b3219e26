import { describe, expect, it } from 'vitest';
import { isDigit, isLetter, toLowerRune, toUpperRune } from './unicode';

const rune = (char: string) => char.codePointAt(0) ?? 0;
const upper = (char: string) => String.fromCodePoint(toUpperRune(rune(char)));
const lower = (char: string) => String.fromCodePoint(toLowerRune(rune(char)));

describe('Go unicode semantics', () => {
  it.each(['a', 'Z', 'é', 'Ä', 'ß', 'ª', 'µ', 'ж', '漢', 'ǅ'])('%s is a letter', (char) => {
    expect(isLetter(rune(char))).toBe(true);
  });

  it.each(['_', '-', '.', ' ', '1', '½', '€', '🎉'])('%s is not a letter', (char) => {
    expect(isLetter(rune(char))).toBe(false);
  });

  it.each(['0', '9', '٣', '९'])('%s is a decimal digit', (char) => {
    expect(isDigit(rune(char))).toBe(true);
  });

  it.each(['a', '½', 'Ⅻ', '²'])('%s is not a decimal digit', (char) => {
    expect(isDigit(rune(char))).toBe(false);
  });

  it.each([
    ['a', 'A'],
    ['é', 'É'],
    ['ß', 'ß'], // full mapping would be "SS"
    ['ŉ', 'ŉ'],
    ['ﬀ', 'ﬀ'],
    ['ᾀ', 'ᾈ'], // simple mapping to the titlecase letter
    ['ᾳ', 'ᾼ'],
    ['ǆ', 'Ǆ'],
    ['ǅ', 'Ǆ'],
    ['ı', 'I'],
    ['1', '1'],
  ])('upper(%s) = %s', (char, result) => {
    expect(upper(char)).toBe(result);
  });

  it.each([
    ['A', 'a'],
    ['İ', 'i'], // full mapping would be "i̇"
    ['Σ', 'σ'],
    ['ǅ', 'ǆ'],
    ['ᾈ', 'ᾀ'],
    ['K', 'k'], // Kelvin sign
  ])('lower(%s) = %s', (char, result) => {
    expect(lower(char)).toBe(result);
  });
});
