import { describe, expect, it } from 'vitest';
import { Parser } from 'yaml';
import { goYamlDifference } from './go-yaml-differences';

const problem = (text: string) => goYamlDifference(Array.from(new Parser().parse(text)));

// Outcomes as go-yaml v2 reports them for `v: <value>`.
describe('goYamlDifference', () => {
  it.each(['&a-_9 x', '&a b', '*a', '!a.b', '!a,b', '!a%20b x', '!!str x', '!<tag:x> y', '&a:b', 'plain#text'])(
    'accepts %j',
    (value) => {
      expect(problem(`v: ${value}\n`)).toBeUndefined();
    },
  );

  it.each([
    ['&abc#1', 'did not find expected alphabetic or numeric character'],
    ['&ab.c', 'did not find expected alphabetic or numeric character'],
    ['*a#b', 'did not find expected alphabetic or numeric character'],
    ['&a`b', 'found character that cannot start any token'],
    ['!abc#', 'did not find expected whitespace or line break'],
    ['!a#b c', 'did not find expected whitespace or line break'],
    ['!!str#x', 'did not find expected whitespace or line break'],
  ])('refuses %j', (value, message) => {
    expect(problem(`v: ${value}\n`)).toEqual({ offset: 3, message });
  });

  it.each(["'it''s'", "''", "'a'''", '"a\\\\"', '"\\""', '""'])('accepts the closed quoted scalar %s', (value) => {
    expect(problem(`v: ${value}\n`)).toBeUndefined();
  });

  it.each([
    ["'#''\n  c: x'", "Missing closing 'quote"], // go-yaml reads "#' c: x"
    ['"a\\"\n  c: x"', 'Missing closing "quote'],
  ])('refuses a quoted scalar left open at the end of a line: %j', (value, message) => {
    expect(problem(`x:\n  a: ${value}\n`)).toEqual({ offset: 8, message });
  });

  it('reports the first problem of the first document only', () => {
    expect(problem('a: &x# 1\nb: &y# 2\n')?.offset).toBe(3);
    expect(problem('a: 1\n---\nb: &y# 2\n')).toBeUndefined();
  });
});
