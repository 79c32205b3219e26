import { describe, expect, it } from 'vitest';
import { fromBytes, toBytes } from '../go/bytes';
import { SubstitutionError } from '../substitution-error';
import { applyOperator, DEFAULT_OPERATORS } from './operators';

/** Applies an operator to JS strings through the byte-string model. */
const apply = (operator: string, value: string, ...args: string[]) =>
  fromBytes(applyOperator(operator, toBytes(value), args.map(toBytes)));

describe('operators: upstream funcs_test.go', () => {
  it.each<[string, string, string[], string]>([
    ['#', 'Hello World', [], '11'], // toLen
    [',,', 'Hello World', [], 'hello world'], // toLower
    [',', 'HELLO WORLD', [], 'hELLO WORLD'], // toLowerFirst
    [',', '', [], ''],
    ['^^', 'Hello World', [], 'HELLO WORLD'], // toUpper
    ['^', 'hello world', [], 'Hello world'], // toUpperFirst
    ['^', '', [], ''],
    [':=', 'Hello World', ['Hola Mundo'], 'Hello World'], // toDefault
    [':=', '', ['Hola Mundo'], 'Hola Mundo'],
    [':=', '', ['Hola Mundo', '-Bonjour le monde', '-Halló heimur'], 'Hola Mundo-Bonjour le monde-Halló heimur'],
    [':', '123456789123456789', ['0', '8'], '12345678'], // toSubstr
    [':', '123456789123456789', ['1', '8'], '23456789'],
    [':', '123456789123456789', ['9'], '123456789'],
    [':', '123456789123456789', ['9', '50'], '123456789'],
    [':', '123456789123456789', ['-3', '2'], '78'],
    [':', '123456789123456789', ['-300', '3'], '123'],
    [':', '12345678', ['9', '1'], ''],
  ])('%s on %j with %j -> %j', (operator, value, args, result) => {
    expect(apply(operator, value, ...args)).toBe(result);
  });
});

describe('operators: defaults', () => {
  it.each(['=', ':=', ':-', ':?', ':+', '', '^,'])(
    '%j returns the value when it is non-empty, else the operands joined',
    (operator) => {
      expect(apply(operator, 'v', 'd')).toBe('v');
      expect(apply(operator, '', 'd', 'e')).toBe('de');
      expect(apply(operator, '')).toBe('');
    },
  );

  it('lets strict mode through only the default-style operators', () => {
    expect([...DEFAULT_OPERATORS].sort()).toEqual(['+', '-', ':+', ':-', ':=', ':?', '=', '?']);
  });
});

describe('operators: substring edge cases', () => {
  it.each<[string[], string]>([
    [['+1'], 'ello'],
    [['02'], 'llo'],
    [['007'], ''],
    [['-0'], 'hello'],
    [['99999999999999999999'], 'hello'], // beyond int64: not an integer, value unchanged
    [['9223372036854775807'], ''],
    [['1e2'], 'hello'],
  ])('hello with %j -> %j', (args, result) => {
    expect(apply(':', 'hello', ...args)).toBe(result);
  });

  it.each<[string[], string]>([
    [['0', '-1'], 'runtime error: slice bounds out of range [:-1]'],
    [['3', '-1'], 'runtime error: slice bounds out of range [3:2]'],
    // 1 + (2^63 - 1) wraps to -2^63 in Go's int arithmetic.
    [['1', '9223372036854775807'], 'runtime error: slice bounds out of range [:-9223372036854775808]'],
  ])('hello with %j panics in Go', (args, message) => {
    expect(() => apply(':', 'hello', ...args)).toThrow(new SubstitutionError(message, { reason: 'runtime' }));
  });
});

describe('operators: trimming with glob patterns', () => {
  it.each<[string, string, string, string]>([
    ['#', 'a/b/c', '*/', 'b/c'],
    ['##', 'a/b/c', '*/', 'c'], // `*` crosses `/`
    ['%', 'a.b.c', '.*', 'a.b'],
    ['%%', 'a.b.c', '.*', 'a'],
    ['#', 'hello', '[a-h]', 'ello'],
    ['#', 'hello', '[^a-h]', 'hello'],
    ['#', 'hello', '\\h', 'ello'],
    ['#', 'hello', '[', 'hello'], // a malformed pattern leaves the value unchanged
    ['%', 'hello', '[lo]', 'hello'], // suffix patterns are reversed, so a class turns inside out
    ['#', 'émile', '?', '\ufffdmile'], // `?` matches the first byte of a split rune
    ['%', 'abé', 'é', 'ab'],
  ])('%s on %j with %j -> %j', (operator, value, pattern, result) => {
    expect(apply(operator, value, pattern)).toBe(result);
  });
});

describe('operators: replacing literal text', () => {
  it.each<[string, string, string[], string]>([
    ['/', 'banana', ['an', 'AN'], 'bANana'],
    ['//', 'banana', ['an', 'AN'], 'bANANa'],
    ['//', 'banana', ['an'], 'ba'],
    ['/#', 'banana', ['ba', 'BA'], 'BAnana'],
    ['/#', 'banana', ['na', 'NA'], 'banana'],
    ['/%', 'banana', ['na', 'NA'], 'banaNA'],
    ['/%', 'banana', ['na'], 'banana'], // prefix/suffix replacement needs two operands
    ['/', 'a.b', ['.', '$&'], 'a$&b'], // no JS replacement patterns
    ['/', 'ab', ['', '-'], '-ab'], // an empty pattern (from an empty ${...}) matches at the start
    ['//', 'aé', ['', '-'], '-a-é-'], // ... and around every rune
    ['/#', 'ab', ['', '-'], '-ab'],
    ['/%', 'ab', ['', '-'], 'ab-'],
  ])('%s on %j with %j -> %j', (operator, value, args, result) => {
    expect(apply(operator, value, ...args)).toBe(result);
  });
});

describe('operators: case mapping', () => {
  it.each<[string, string, string]>([
    ['^^', 'straße', 'STRAßE'],
    [',,', 'İstanbul', 'istanbul'],
    [',,', 'ΑΣ', 'ασ'], // no final-sigma rule
    ['^', 'ǆemal', 'Ǆemal'],
    ['^', 'ᾳx', 'ᾼx'],
    ['^^', 'ﬀ', 'ﬀ'],
  ])('%s on %j -> %j', (operator, value, result) => {
    expect(apply(operator, value)).toBe(result);
  });
});
