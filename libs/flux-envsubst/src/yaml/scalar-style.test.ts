import { describe, expect, it } from 'vitest';
import { analyzeScalar, isPrintable, selectScalarStyle, type ScalarStyle } from './scalar-style';

const style = (value: string, requested: ScalarStyle = 'plain', simpleKey = false) =>
  selectScalarStyle(requested, value, analyzeScalar(value), simpleKey);

describe('selectScalarStyle', () => {
  it.each<[string, ScalarStyle]>([
    ['${port}', 'plain'],
    ['a: b', 'single-quoted'], // `: ` is a block indicator
    ['a:b', 'plain'],
    ['a #b', 'single-quoted'],
    ['a#b', 'plain'],
    ['#a', 'single-quoted'],
    ['- a', 'single-quoted'],
    ['-a', 'plain'],
    ['{x}', 'single-quoted'],
    ['x{y}', 'plain'], // flow indicators only matter first or in flow context
    ['---', 'single-quoted'],
    [' a', 'single-quoted'],
    ['a ', 'single-quoted'],
    ['a\tb', 'double-quoted'], // tab is not printable for go-yaml
    ['🎉', 'double-quoted'], // nor is anything outside the BMP
    ['\u0085', 'double-quoted'],
    ['a\u2028b', 'single-quoted'],
  ])('%j', (value, expected) => {
    expect(style(value)).toBe(expected);
  });

  it.each<[string, ScalarStyle]>([
    ['a\nb', 'literal'],
    ['a \nb', 'double-quoted'], // a space before a break cannot be a block scalar
    ['a\n', 'literal'],
    ['a \n', 'double-quoted'],
    ['a\r\nb', 'double-quoted'],
  ])('multi-line %j', (value, expected) => {
    expect(style(value, 'literal')).toBe(expected);
  });

  it('keeps keys on one line and never leaves them empty', () => {
    expect(style('a\nb', 'literal', true)).toBe('double-quoted');
    expect(style('', 'plain', true)).toBe('single-quoted');
    expect(style('', 'plain', false)).toBe('plain');
  });

  it('leaves a requested double-quoted style alone', () => {
    expect(style('123', 'double-quoted')).toBe('double-quoted');
  });
});

describe('isPrintable', () => {
  it.each(['\n', ' ', '~', '\u00a0', 'é', '\ud7ff', '\ue000', '\ufffd'])('%j is printable', (char) => {
    expect(isPrintable(char)).toBe(true);
  });

  it.each(['\t', '\r', '\u0000', '\u007f', '\u0085', '\ufeff', '\ufffe', '🎉'])('%j is not', (char) => {
    expect(isPrintable(char)).toBe(false);
  });
});
