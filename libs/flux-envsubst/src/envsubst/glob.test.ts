import { describe, expect, it } from 'vitest';
import { toBytes } from '../go/bytes';
import { matchGlob, type GlobResult } from './glob';

describe("matchGlob: envsubst's path.Match fork", () => {
  it.each<[string, string, GlobResult]>([
    ['abc', 'abc', 'match'],
    ['*', 'abc', 'match'],
    ['*', 'a/b', 'match'], // `*` matches `/` too, unlike path.Match
    ['*c', 'abc', 'match'],
    ['a*', 'a', 'match'],
    ['a*/b', 'abc/b', 'match'],
    ['a*/b', 'a/c/b', 'match'],
    ['a*b*c*d*e*/f', 'axbxcxdxe/f', 'match'],
    ['a*b?c*x', 'abxbbxdbxebxczzx', 'match'],
    ['a*b?c*x', 'abxbbxdbxebxczzy', 'mismatch'],
    ['ab[c]', 'abc', 'match'],
    ['ab[b-d]', 'abc', 'match'],
    ['ab[e-g]', 'abc', 'mismatch'],
    ['ab[^c]', 'abc', 'mismatch'],
    ['ab[^b-d]', 'abe', 'match'],
    ['a\\*b', 'a*b', 'match'],
    ['a\\*b', 'ab', 'mismatch'],
    ['a?b', 'a☺b', 'match'],
    ['a[^a]b', 'a☺b', 'match'],
    ['a???b', 'a☺b', 'mismatch'],
    ['a?b', 'a/b', 'match'],
    ['[\\]a]', ']', 'match'],
    ['[\\-]', '-', 'match'],
    ['[x\\-]', 'z', 'mismatch'],
    ['[', 'a', 'bad-pattern'],
    ['[^', 'a', 'bad-pattern'],
    ['[^bc', 'a', 'bad-pattern'],
    ['a[', 'a', 'mismatch'], // reported only when matching reaches the malformed part
    ['a[', 'ab', 'bad-pattern'],
    ['[a-', 'a', 'bad-pattern'],
    ['[]a]', ']', 'bad-pattern'],
    ['[-]', '-', 'bad-pattern'],
    ['*x', 'xxx', 'match'],
    ['x\\', 'x', 'mismatch'],
    ['\\', 'a', 'bad-pattern'],
  ])('%j against %j: %s', (pattern, name, result) => {
    expect(matchGlob(toBytes(pattern), toBytes(name))).toBe(result);
  });
});
