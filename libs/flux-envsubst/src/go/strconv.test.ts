import { describe, expect, it } from 'vitest';
import { atoi, formatFloat, parseDecimalFloat, parseInt64, parseUint } from './strconv';

describe('strconv.Atoi', () => {
  it.each<[string, bigint | undefined]>([
    ['0', 0n],
    ['42', 42n],
    ['+7', 7n],
    ['-3', -3n],
    ['007', 7n],
    ['9223372036854775807', 9223372036854775807n],
    ['-9223372036854775808', -9223372036854775808n],
    ['9223372036854775808', undefined],
    ['', undefined],
    ['-', undefined],
    [' 1', undefined],
    ['1_000', undefined],
    ['0x10', undefined],
    ['1e2', undefined],
  ])('%j -> %s', (text, value) => {
    expect(atoi(text)).toBe(value);
  });
});

describe('strconv.ParseInt / ParseUint with base 0 and 2', () => {
  it.each<[string, 0 | 2, bigint | undefined]>([
    ['0755', 0, 493n],
    ['0o17', 0, 15n],
    ['0x1F', 0, 31n],
    ['0X1f', 0, 31n],
    ['0b101', 0, 5n],
    ['-0x10', 0, -16n],
    ['+12', 0, 12n],
    ['0', 0, 0n],
    ['08', 0, undefined],
    ['0x', 0, undefined],
    ['9223372036854775808', 0, undefined],
    ['-101', 2, -5n],
    ['102', 2, undefined],
  ])('ParseInt(%j, %d)', (text, base, value) => {
    expect(parseInt64(text, base)).toBe(value);
  });

  it.each<[string, bigint | undefined]>([
    ['18446744073709551615', 18446744073709551615n],
    ['18446744073709551616', undefined],
    ['+1', undefined], // no sign
    ['0xFFFFFFFFFFFFFFFF', 18446744073709551615n],
  ])('ParseUint(%j, 0)', (text, value) => {
    expect(parseUint(text, 0)).toBe(value);
  });
});

describe('strconv.ParseFloat (decimal notation)', () => {
  it.each<[string, number | undefined]>([
    ['1.5', 1.5],
    ['.5', 0.5],
    ['1.', 1],
    ['-1e3', -1000],
    ['1e999', undefined], // out of range is an error in Go
    ['.', undefined],
    ['1_0', undefined],
    ['inf', undefined],
  ])('%j -> %s', (text, value) => {
    expect(parseDecimalFloat(text)).toBe(value);
  });
});

describe("strconv.FormatFloat(v, 'g', -1, bits)", () => {
  it.each<[number, 32 | 64, string]>([
    [0, 64, '0'],
    [1.5, 64, '1.5'],
    [100, 64, '100'],
    [123456, 64, '123456'],
    [1e6, 64, '1e+06'],
    [1234567.5, 64, '1.2345675e+06'],
    [1e21, 64, '1e+21'],
    [0.0001, 64, '0.0001'],
    [0.00001, 64, '1e-05'],
    [-0.000123, 64, '-0.000123'],
    [1e-7, 64, '1e-07'],
    [0.1, 32, '0.1'],
    [1.1, 32, '1.1'],
    [16777217, 32, '1.6777216e+07'],
    [Infinity, 64, '+Inf'],
    [-Infinity, 64, '-Inf'],
    [NaN, 64, 'NaN'],
  ])('%d (%d-bit) -> %s', (value, bits, text) => {
    expect(formatFloat(value, bits)).toBe(text);
  });
});
