import { describe, expect, it } from 'vitest';
import { JsonToYamlError, toJsonValue } from './json-value';

describe('toJsonValue: the object as Flux hands it to JSONToYAML', () => {
  it('keeps JSON data and drops what JSON cannot hold', () => {
    expect(toJsonValue({ a: 1, b: undefined, c: [undefined], d: new Date(0), e: () => 1 })).toEqual({
      a: 1,
      c: [null],
      d: '1970-01-01T00:00:00.000Z',
    });
  });

  it('turns lone surrogates into U+FFFD, as Go strings cannot hold them', () => {
    expect(toJsonValue({ ['k\ud800']: 'v\udc00', ok: '🎉', slash: '\\ud800' })).toEqual({
      'k\ufffd': 'v\ufffd',
      ok: '🎉',
      slash: '\\ud800',
    });
  });

  it('folds a raw NEL like a line break in a double-quoted scalar', () => {
    expect(toJsonValue({ a: 'x \u0085 y', b: 'x\u0085\u0085y', c: '\u0085x' })).toEqual({
      a: 'x y',
      b: 'x\ny',
      c: ' x',
    });
  });

  it.each<[unknown, string]>([
    [{ 'a\u0085b': 1 }, "yaml: line 1: did not find expected ',' or '}'"],
    [{ a: 'x\u0085--- y' }, 'yaml: line 2: found unexpected document indicator'],
    [{ a: 'x\u007f' }, 'yaml: control characters are not allowed'],
    [{ a: 'x\uffff' }, 'yaml: control characters are not allowed'],
  ])('refuses %j', (object, message) => {
    expect(() => toJsonValue(object)).toThrow(new JsonToYamlError(message));
  });

  it('refuses values JSON cannot encode', () => {
    expect(() => toJsonValue({ a: 1n })).toThrow(JsonToYamlError);
  });
});
