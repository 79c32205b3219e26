import { describe, expect, it } from 'vitest';
import {
  isBase60Float,
  isPlainSafe,
  resolvePlain,
  resolveTagged,
  YAML_TAG_PREFIX,
  type ResolvedScalar,
} from './resolve';

describe('resolvePlain', () => {
  it.each<[string, ResolvedScalar]>([
    ['', { kind: 'null' }],
    ['~', { kind: 'null' }],
    ['NULL', { kind: 'null' }],
    ['y', { kind: 'bool', value: true }],
    ['On', { kind: 'bool', value: true }],
    ['OFF', { kind: 'bool', value: false }],
    ['nO', { kind: 'str', value: 'nO' }], // only the listed spellings
    ['0755', { kind: 'int', value: 493n }],
    ['-9223372036854775808', { kind: 'int', value: -9223372036854775808n }],
    ['18446744073709551615', { kind: 'uint', value: 18446744073709551615n }],
    ['1.5', { kind: 'float', value: 1.5 }],
    ['.5', { kind: 'float', value: 0.5 }],
    ['-.Inf', { kind: 'float', value: -Infinity }],
    ['2024-02-29', { kind: 'timestamp', value: '2024-02-29' }],
    ['2023-02-29', { kind: 'str', value: '2023-02-29' }], // no such day
    ['2001-12-14t21:59:43.10-05:00', { kind: 'timestamp', value: '2001-12-14t21:59:43.10-05:00' }],
    ['2001-12-14 21:59:43.10', { kind: 'timestamp', value: '2001-12-14 21:59:43.10' }],
    ['<<', { kind: 'str', value: '<<' }], // `<` gives no hint; merge keys are recognised by the decoder
    ['${x}', { kind: 'str', value: '${x}' }],
    ['8${x}', { kind: 'str', value: '8${x}' }],
    ['-', { kind: 'str', value: '-' }],
  ])('%j', (text, resolved) => {
    expect(resolvePlain(text)).toEqual(resolved);
  });
});

describe('isPlainSafe (go-yaml may write the string unquoted)', () => {
  it.each(['abc', '${x}', 'a b', '1:2x', '.x', 'no way', '0x', '1e', '12Mi', 'é', '<<'])('%j is safe', (text) => {
    expect(isPlainSafe(text)).toBe(true);
  });

  it.each(['', 'yes', '123', '1.5', '0x1F', '1:20', '-1:20:30.5', '2024-01-01', '~'])('%j must be quoted', (text) => {
    expect(isPlainSafe(text)).toBe(false);
  });

  it('knows base-60 floats', () => {
    expect(isBase60Float('190:20:30.15')).toBe(true);
    expect(isBase60Float('1:60')).toBe(false);
  });
});

describe('resolveTagged', () => {
  const tag = (name: string) => YAML_TAG_PREFIX + name;
  it.each<[string, string, ResolvedScalar]>([
    ['str', '123', { kind: 'str', value: '123' }],
    ['int', '0x10', { kind: 'int', value: 16n }],
    ['float', '3', { kind: 'float', value: 3 }], // an int is accepted as a float
    ['timestamp', '2024-01-01', { kind: 'timestamp', value: '2024-01-01' }],
    ['binary', 'aGk=', { kind: 'str', value: 'aGk=' }], // decoded by the caller
  ])('!!%s %j', (name, text, resolved) => {
    expect(resolveTagged(tag(name), text)).toEqual(resolved);
  });

  it('keeps the text for tags it does not know', () => {
    expect(resolveTagged('!custom', '1')).toEqual({ kind: 'str', value: '1' });
  });

  it('rejects values that do not fit their tag', () => {
    expect(() => resolveTagged(tag('bool'), '1')).toThrow('yaml: cannot decode !!int `1` as a !!bool');
    expect(() => resolveTagged(tag('int'), '')).toThrow('yaml: cannot decode !!null `` as a !!int');
  });
});
