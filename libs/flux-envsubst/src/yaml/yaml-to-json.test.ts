import { describe, expect, it } from 'vitest';
import type { JsonValue } from './json-to-yaml';
import { yamlToJson } from './yaml-to-json';

// Expected values are what sigs.k8s.io/yaml YAMLToJSON (go-yaml v2) returns for the same text.
describe('yamlToJson: YAML 1.1 typing of plain scalars, as go-yaml v2 does it', () => {
  it.each<[string, JsonValue]>([
    // research table "how substituted unquoted scalars re-type"
    ['123', 123],
    ['true', true],
    ['yes', true],
    ['on', true],
    ['1.50', 1.5],
    ['0755', 493],
    ['~', null],
    ['', null],
    ['!!str 123', '123'],
    ['"123"', '123'],
    // more YAML 1.1
    ['Y', true],
    ['n', false],
    ['NO', false],
    ['Off', false],
    ['null', null],
    ['Null', null],
    ['0x1F', 31],
    ['0b101', 5],
    ['0b-1', -1], // go-yaml retries binary with the prefix cut off
    ['-0b11', -3],
    ['0o17', 15],
    ['08', 8], // not octal, so a float
    ['09.5', 9.5],
    ['1_000', 1000],
    ['+12', 12],
    ['-0', 0],
    ['1e3', 1000],
    ['.5', 0.5],
    ['1.', 1],
    ['99999999999999999999', 1e20],
    ['1e999', '1e999'], // out of float range: a string
    ['1:20', '1:20'], // base 60 is not read
    ['2024-01-01', '2024-01-01'], // timestamps stay strings
    ['2024-01-01T10:00:00Z', '2024-01-01T10:00:00Z'],
    ['123m', '123m'],
    ['8427', 8427],
    ["'8427'", '8427'],
    ['|\n  8427\n', '8427\n'],
    ['<<', '<<'],
    ['=', '='],
  ])('v: %s', (scalar, value) => {
    expect(yamlToJson(`v: ${scalar}`)).toEqual({ v: value });
  });
});

describe('yamlToJson: tags', () => {
  it.each<[string, JsonValue]>([
    ['!foo bar', 'bar'], // a tag go-yaml cannot resolve keeps the text
    ['!!binary aGVsbG8=', 'hello'],
    ['!!float 1', 1],
    ['!!int "5"', 5],
    ['!!bool yes', true],
    ['!!null ~', null],
    ['!!timestamp 2024-01-01', '2024-01-01'],
  ])('v: %s', (scalar, value) => {
    expect(yamlToJson(`v: ${scalar}`)).toEqual({ v: value });
  });

  it.each([
    ['!!int x', 'yaml: cannot decode !!str `x` as a !!int'],
    ['!!null x', 'yaml: cannot decode !!str `x` as a !!null'],
    ['!!binary ???', 'yaml: !!binary value contains invalid base64 data'],
  ])('v: %s fails', (scalar, message) => {
    expect(() => yamlToJson(`v: ${scalar}`)).toThrow(message);
  });
});

describe('yamlToJson: map keys become JSON strings', () => {
  it.each<[string, string]>([
    ['123', '123'],
    ['on', 'true'],
    ['true', 'true'],
    ['1.5', '1.5'],
    ['0.1', '0.1'], // go-yaml formats float keys at 32-bit precision
    ['1e6', '1e+06'],
    ['.inf', '.inf'],
    ['0755', '493'],
    ['"123"', '123'],
  ])('%s', (key, json) => {
    expect(yamlToJson(`${key}: a`)).toEqual({ [json]: 'a' });
  });

  it.each([
    ['~: a', 'unsupported map key of type: %!s(<nil>), key: <nil>'],
    ['18446744073709551615: a', 'unsupported map key of type: uint64, key: 0xffffffffffffffff'],
    ['? [a]\n: b', 'yaml: invalid map key: a mapping or sequence'],
  ])('%j fails', (text, message) => {
    expect(() => yamlToJson(text)).toThrow(message);
  });

  it('keeps the last of duplicate keys', () => {
    expect(yamlToJson('a: 1\na: 2')).toEqual({ a: 2 });
  });

  it('orders keys as encoding/json does (byte order)', () => {
    expect(Object.keys(yamlToJson('b: 1\nB: 1\na: 1\n_: 1') as object)).toEqual(['B', '_', 'a', 'b']);
  });

  it('keeps `__proto__` as an ordinary key', () => {
    const value = yamlToJson('__proto__: x') as Record<string, unknown>;
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });
});

describe('yamlToJson: merge keys and aliases', () => {
  it.each<[string, JsonValue]>([
    ['base: &b {x: 1, y: 2}\nv:\n  <<: *b\n  y: 3', { base: { x: 1, true: 2 }, v: { x: 1, true: 3 } }], // `y` is a boolean key
    ['v:\n  y: 3\n  <<: {x: 1, y: 2}', { v: { x: 1, true: 2 } }], // a later merge overrides
    ['v:\n  <<: [{x: 1}, {x: 2, z: 3}]', { v: { x: 1, z: 3 } }], // earlier maps in a list win
    ['a: &x [1, 2]\nb: *x', { a: [1, 2], b: [1, 2] }],
  ])('%j', (text, value) => {
    expect(yamlToJson(text)).toEqual(value);
  });

  it.each([
    ['v:\n  <<: 1', 'yaml: map merge requires map or sequence of maps as the value'],
    ['v: *nope', "yaml: unknown anchor 'nope' referenced"],
  ])('%j fails', (text, message) => {
    expect(() => yamlToJson(text)).toThrow(message);
  });
});

describe('yamlToJson: documents and errors', () => {
  it.each<[string, JsonValue]>([
    ['', null],
    ['---\na: 1\n---\nb: 2', { a: 1 }], // only the first document
    ['- 1\n- 2', [1, 2]],
    ['just text', 'just text'],
  ])('%j', (text, value) => {
    expect(yamlToJson(text)).toEqual(value);
  });

  it.each([
    ['v: .inf', 'json: unsupported value: +Inf'],
    ['v: .nan', 'json: unsupported value: NaN'],
    ['a: b: c', 'yaml: Nested mappings are not allowed in compact mappings'], // no line prefix on line 1
    ['x: 1\na: b: c', 'yaml: line 2: Nested mappings are not allowed in compact mappings'],
    ['a: "x', 'yaml: Missing closing "quote'],
    ['v: @x', 'yaml: Plain value cannot start with reserved character @'],
    ['v: &Secret#1', 'yaml: did not find expected alphabetic or numeric character'], // go-yaml's name rules
    ['x: 1\nv: !Pass#', 'yaml: line 2: did not find expected whitespace or line break'],
  ])('%j fails: %s', (text, message) => {
    expect(() => yamlToJson(text)).toThrow(message);
  });

  it('accepts a comment right after a token, as go-yaml does', () => {
    expect(yamlToJson('v: "q"#c')).toEqual({ v: 'q' });
  });
});
