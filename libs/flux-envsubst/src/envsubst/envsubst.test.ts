import { describe, expect, it } from 'vitest';
import { failure } from '../failure.test-support';
import { fromBytes } from '../go/bytes';
import { envsubst, envsubstBytes } from './envsubst';

type Vars = Readonly<Record<string, string>>;

const lookupIn = (vars: Vars) => (name: string) => (Object.hasOwn(vars, name) ? vars[name] : undefined);
const nonStrict = (text: string, vars: Vars = {}) => envsubst(text, lookupIn(vars), { strict: false });
const strict = (text: string, vars: Vars = {}) => envsubst(text, lookupIn(vars), { strict: true });


describe('envsubst: upstream TestExpand (non-strict mapper)', () => {
  const PATH = '/home/bozo/ideas/thoughts.for.today';
  // [params, input, output], as in fluxcd/pkg envsubst/eval_test.go
  it.each<[Vars, string, string]>([
    [{}, 'abcdEFGH28ij', 'abcdEFGH28ij'],
    [{ var01: 'abcdEFGH28ij' }, '${#var01}', '12'],
    [{ var01: 'abcdEFGH28ij' }, '${var01^}', 'AbcdEFGH28ij'],
    [{ var01: 'abcdEFGH28ij' }, '${var01^^}', 'ABCDEFGH28IJ'],
    [{ var01: 'ABCDEFGH28IJ' }, '${var01,}', 'aBCDEFGH28IJ'],
    [{ var01: 'ABCDEFGH28IJ' }, '${var01,,}', 'abcdefgh28ij'],
    [{ path_name: PATH }, '${path_name:11}', 'ideas/thoughts.for.today'],
    [{ path_name: PATH }, '${path_name:11:5}', 'ideas'],
    [{ var: 'abc' }, '${var=xyz}', 'abc'],
    [{}, '${var=xyz}', 'xyz'],
    [{ default_var: 'foo' }, 'something ${var=${default_var}}', 'something foo'],
    [{ default_var: 'foo1' }, 'foo: ${var=${default_var}-suffix}', 'foo: foo1-suffix'],
    [{ default_var: 'foo1' }, 'foo: ${var=prefix${default_var}-suffix}', 'foo: prefixfoo1-suffix'],
    [{}, '${var:=xyz}', 'xyz'],
    [{ stringZ: 'abcABC123ABCabc' }, '${stringZ/%abc/XYZ}', 'abcABC123ABCXYZ'],
    [{ stringZ: 'abcABC123ABCabc' }, '${stringZ/#abc/XYZ}', 'XYZABC123ABCabc'],
    [{ stringZ: 'abcABC123ABCabc' }, '${stringZ//abc/xyz}', 'xyzABC123ABCxyz'],
    [{ stringZ: 'abcABC123ABCabc' }, '${stringZ/abc/xyz}', 'xyzABC123ABCabc'],
    [{ filename: 'bash.string.txt' }, '${filename#*.}', 'string.txt'],
    [{ filename: 'path/to/file' }, '${filename#*/}', 'to/file'],
    [{ filename: '/path/to/file' }, '${filename#*/}', 'path/to/file'],
    [{ filename: 'bash.string.txt' }, '${filename##*.}', 'txt'],
    [{ filename: 'path/to/file' }, '${filename##*/}', 'file'],
    [{ filename: '/path/to/file' }, '${filename##*/}', 'file'],
    [{ filename: 'bash.string.txt' }, '${filename%.*}', 'bash.string'],
    [{ filename: 'bash.string.txt' }, '${filename%%.*}', 'bash'],
    [{ var01: 'abcdEFGH28ij' }, '${var=${var01^^}}', 'ABCDEFGH28IJ'],
    [{ var01: 'abcdEFGH28ij' }, '$${var01}', '${var01}'],
    [
      { var01: 'abcdEFGH28ij' },
      'some text ${var01}$${var$${var01}$var01${var01}',
      'some text abcdEFGH28ij${var${var01}$var01abcdEFGH28ij',
    ],
    // `$${` escapes only the `${`; the nested `${default_var}` still expands and the last `}` is text.
    [{ default_var: 'foo' }, 'something $${var=${default_var}}', 'something ${var=foo}'],
    [{ stringZ: 'foo/bar' }, '${stringZ/\\//-}', 'foo-bar'],
    [{ stringZ: 'foo/bar/baz' }, '${stringZ//\\//-}', 'foo-bar-baz'],
    [{ default_var: 'foo' }, '\\\\something ${var=${default_var}}', '\\\\something foo'],
    [{ stringZ: 'foo.bar' }, '${stringZ/./}', 'foobar'],
  ])('%j: %s -> %s', (vars, input, output) => {
    expect(nonStrict(input, vars)).toBe(output);
  });
});

describe('envsubst: upstream TestExpandStrict (strict mapper)', () => {
  it.each<[Vars, string, string]>([
    [{}, 'abcdEFGH28ij', 'abcdEFGH28ij'],
    [{ foo: 'bar' }, '${foo}', 'bar'],
    [{ foo: '' }, '${foo}', ''],
    [{ foo: 'bar' }, '${missing:=default}', 'default'],
    [{}, '${missing:-fallback}', 'fallback'],
    [{}, '${missing:=assigned}', 'assigned'],
    [{}, '${missing=assigned}', 'assigned'],
  ])('%j: %s -> %j', (vars, input, output) => {
    expect(strict(input, vars)).toBe(output);
  });

  it.each([
    '${missing}',
    '${#missing}',
    '${missing^}',
    '${missing^^}',
    '${missing,}',
    '${missing,,}',
    '${missing:0}',
    '${missing:0:10}',
    '${missing/pattern/replacement}',
    '${missing//pattern/replacement}',
    '${missing/#pattern/replacement}',
    '${missing/%pattern/replacement}',
    '${missing#pattern}',
    '${missing##pattern}',
    '${missing%pattern}',
    '${missing%%pattern}',
  ])('%s fails with Flux\'s "variable not set" error', (input) => {
    const error = failure(() => strict(input));
    expect(error.message).toBe('variable not set (strict mode): "missing"');
    expect(error.variable).toBe('missing');
    expect(error.reason).toBe('unset-variable');
  });
});

describe('envsubst: escapes and text outside ${...}', () => {
  const vars = { a: 'hello', b: 'B', x: 'X' };
  it.each([
    ['$a', '$a'], // only ${ starts an expression
    ['$', '$'],
    ['${a}$', 'hello$'],
    ['${a}}', 'hello}'],
    ['{${a}}', '{hello}'],
    ['${a}${b}', 'helloB'],
    ['${a} $${b} $b ${b}', 'hello ${b} $b B'],
    ['$${a:=x}', '${a:=x}'],
    ['$${', '${'],
    ['x$${', 'x${'],
    ['$$string', '$string'],
    ['$$$', '$$'], // one $ dropped per pair
    ['$$$$', '$$'],
    ['$$${a}', '$hello'],
    ['$$$${a}', '$${a}'],
    ['\\${a}', '\\hello'], // backslash is not an escape at the top level
    ['\\\\x', '\\\\x'],
    ['}text', '}text'],
    ['http://github.com', 'http://github.com'],
    ['${zz:=$${x}}', '$X'], // `$$` inside a default is plain text: `$` then `${x}`
    ['${zz:=$$}', '$$'],
  ])('%s -> %s', (input, output) => {
    expect(nonStrict(input, vars)).toBe(output);
  });
});

describe('envsubst: default operators (value if non-empty, else the default)', () => {
  const vars = { a: 'hello', b: 'B', empty: '' };
  it.each([
    ['${empty=x}', 'x'],
    ['${empty:=x}', 'x'],
    ['${empty:-x}', 'x'],
    ['${zz:?err}', 'err'], // not bash: no error
    ['${a:?err}', 'hello'],
    ['${zz:+alt}', 'alt'], // not bash: `:+` is a default too
    ['${a:+alt}', 'hello'],
    ['${a:+}', 'hello'],
    ['${zz:=}', ''],
    ['${zz:=${b}}', 'B'],
    ['${zz:-${b}}', 'B'],
    ['${zz:=${missing:=deep}}', 'deep'],
    ['${zz:=${zz2:=q}r}', 'qr'],
    ['${zz:=pre${b}post}', 'preBpost'],
    ['${zz:= spaced }', ' spaced '],
    ['${zz:=x y}', 'x y'],
    ['${zz:="q"}', '"q"'],
    ['${zz:=a:b}', 'a:b'],
    ['${zz:=a}b}', 'ab}'], // the default ends at the first `}`
    ['${zz:=a\\}b}', 'a\\b}'],
    ['${a:-2}', 'hello'], // `:-` is the default operator, not a negative offset
    ['${a:-1:2}', 'hello'],
  ])('%s -> %j', (input, output) => {
    expect(nonStrict(input, vars)).toBe(output);
    expect(strict(input, vars)).toBe(output);
  });

  it('writes values verbatim, without expanding them again', () => {
    expect(strict('${ref}', { ref: '${b}', b: 'B' })).toBe('${b}');
  });

  it('does not assign: `:=` leaves the variable unset', () => {
    expect(nonStrict('${zz:=x}${zz}')).toBe('x');
    expect(failure(() => strict('${zz:=x}${zz}')).variable).toBe('zz');
  });
});

describe('envsubst: strict mode', () => {
  it.each<[string, Vars, string]>([
    ['${zz:=${missing}}', {}, 'missing'],
    // Operands are expanded first, so an unused default still fails.
    ['${a:=${b:=${c}}}', { a: 'hello' }, 'c'],
    ['${1a}', {}, '1a'],
    ['${_x}', {}, '_x'],
    ['${Ä}', {}, 'Ä'],
    ['${A}', { a: 'lower' }, 'A'],
    ['${#zz}', {}, 'zz'],
  ])('%s fails for %j', (input, vars, variable) => {
    const error = failure(() => strict(input, vars));
    expect(error.variable).toBe(variable);
    expect(error.message).toBe(`variable not set (strict mode): "${variable}"`);
  });

  it.each<[string, Vars, string]>([
    ['${zz:=${missing}}', {}, ''],
    ['${a:=${b:=${c}}}', { a: 'hello' }, 'hello'],
    ['${1a}', {}, ''],
    ['${Ä}', {}, ''],
    ['${#zz}', {}, '0'],
  ])('non-strict mode reads %s as empty', (input, vars, output) => {
    expect(nonStrict(input, vars)).toBe(output);
  });

  it('accepts a variable set to the empty string', () => {
    expect(strict('[${empty}]', { empty: '' })).toBe('[]');
  });

  it('reports a syntax error before any unset variable, since the whole text is parsed first', () => {
    expect(failure(() => strict('${missing} ${a-b}')).message).toBe('missing closing brace');
  });
});

describe('envsubst: transformations', () => {
  const vars = {
    a: 'hello',
    n: '2',
    path: '/a/b/c.tar.gz',
    e: 'émile',
    i: 'İstanbul',
    s: 'straße',
  };
  it.each([
    ['${a:1}', 'ello'],
    ['${a:1:2}', 'el'],
    ['${a:10}', ''],
    ['${a:0:0}', ''],
    ['${a:-3:2}', 'hello'], // `:-` again
    ['${a: -3:2}', 'hello'], // " -3" is not an integer, so the value is unchanged
    ['${a:${n}}', 'llo'],
    ['${a:${n}:${n}}', 'll'],
    ['${a:x}', 'hello'],
    ['${a:1:x}', 'hello'],
    ['${a:{}', 'hello'],
    ['${a: -2}', 'hello'],
    ['${a:1::2}', 'el'], // any run of colons separates position and length
    ['${a,}', 'hello'],
    ['${a,^}', 'hello'], // mixed case operators parse and change nothing
    ['${path#*/}', 'a/b/c.tar.gz'],
    ['${path##*/}', 'c.tar.gz'],
    ['${path%.*}', '/a/b/c.tar'],
    ['${path%%.*}', '/a/b/c'],
    ['${path#zzz}', '/a/b/c.tar.gz'],
    ['${a%%l*}', 'he'],
    ['${a#h?}', 'llo'],
    ['${a##*l}', 'o'],
    ['${a#*}', 'ello'], // the empty prefix is never tried
    ['${path/a/X}', '/X/b/c.tar.gz'],
    ['${path//\\//_}', '_a_b_c.tar.gz'],
    ['${path/#\\/a/Z}', 'Z/b/c.tar.gz'],
    ['${path/%gz/bz2}', '/a/b/c.tar.bz2'],
    ['${path/a/}', '//b/c.tar.gz'],
    ['${a/l/}', 'helo'],
    ['${a/l//L}', 'heLlo'], // any run of slashes separates pattern and replacement
    ['${a/#h/}', 'hello'], // a prefix replacement needs a replacement operand
    ['${a/[lo]/X}', 'hello'], // replace patterns are literal text
    ['${a//l*/X}', 'hello'],
    ['${a/$/X}', 'hello'],
    ['${#e}', '6'], // UTF-8 bytes
    ['${e^}', 'Émile'],
    ['${i,,}', 'istanbul'], // simple case mapping, as Go's unicode.ToLower
    ['${s^^}', 'STRAßE'],
  ])('%s -> %s', (input, output) => {
    expect(nonStrict(input, vars)).toBe(output);
  });

  it('slices UTF-8 bytes, which can split a rune', () => {
    const bytes = (input: string) => envsubstBytes(input, lookupIn(vars), { strict: false });
    expect(bytes('${e:1}')).toBe('\xa9mile');
    expect(bytes('${e:0:1}')).toBe('\xc3');
    expect(fromBytes(bytes('${e:1}'))).toBe('\ufffdmile');
    expect(nonStrict('${e:0:1}', vars)).toBe('\ufffd');
  });

  it('throws where Go panics: a negative length', () => {
    const error = failure(() => nonStrict('${a:0:-1}', vars));
    expect(error.reason).toBe('runtime');
    expect(error.message).toBe('runtime error: slice bounds out of range [:-1]');
  });
});

describe("envsubst: syntax errors carry Flux's text", () => {
  const vars = { a: 'hello', path: '/a/b' };
  it.each([
    ['${zz-def}', 'missing closing brace'], // `-` and `+` without a colon are not parsed
    ['${a-b}', 'missing closing brace'],
    ['${zz+alt}', 'missing closing brace'],
    ['${a.b}', 'missing closing brace'],
    ['${a }', 'missing closing brace'],
    ['${a', 'missing closing brace'],
    ['${', 'unable to parse variable name'],
    ['${}', 'unable to parse variable name'],
    ['${ a}', 'unable to parse variable name'],
    ['${a/l}', 'bad substitution'],
    ['${a/}', 'bad substitution'],
    ['${a//}', 'bad substitution'],
    ['${path//a}', 'bad substitution'],
    ['${a^x}', 'bad substitution'],
    ['${a,x}', 'bad substitution'],
    ['${#}', 'bad substitution'],
    ['${a:', 'bad substitution'],
    ['${a:é}', 'bad substitution'], // Go's scanner loses its place before a multi-byte rune
    ['${a#}', 'unable to parse substitution within function'],
    ['${a%}', 'unable to parse substitution within function'],
    ['${a:}', 'unable to parse substitution within function'],
    ['${a:1:}', 'unable to parse substitution within function'],
    ['${a:=x', 'unable to parse substitution within function'],
  ])('%s: %s', (input, message) => {
    for (const run of [nonStrict, strict]) {
      const error = failure(() => run(input, vars));
      expect(error.message).toBe(message);
      expect(error.reason).toBe('syntax');
    }
  });
});

describe('envsubst: lookup', () => {
  it('asks only for referenced names, as JS strings', () => {
    const asked: string[] = [];
    envsubst('${Ä} ${b:=x} $c', (name) => (asked.push(name), undefined), { strict: false });
    expect(asked).toEqual(['Ä', 'b']);
  });

  it('passes non-ASCII values through unchanged', () => {
    expect(nonStrict('${v}', { v: 'ünïcödé 🎉' })).toBe('ünïcödé 🎉');
  });
});
