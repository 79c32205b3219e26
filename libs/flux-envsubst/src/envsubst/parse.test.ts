import { describe, expect, it } from 'vitest';
import { SubstitutionError } from '../substitution-error';
import { parseTemplate, SYNTAX_ERRORS } from './parse';
import type { Expansion, Fragment, Text } from './template';

const T = (text: string): Text => ({ kind: 'text', text });
const F = (variable: string, operator = '', args: Fragment[] = []): Expansion => ({
  kind: 'expansion',
  variable,
  operator,
  args,
});

describe('parseTemplate: upstream parse_test.go trees (Go list nodes flattened)', () => {
  it.each<[string, Fragment[]]>([
    ['text', [T('text')]],
    ['}text', [T('}text')]],
    ['http://github.com', [T('http://github.com')]],
    ['$${string}', [T('${string}')]],
    ['$$string', [T('$string')]],
    ['\\\\.\\pipe\\pipename', [T('\\\\.\\pipe\\pipename')]],
    ['${string}', [F('string')]],
    ['${string,}', [F('string', ',')]],
    ['${string,,}', [F('string', ',,')]],
    ['${string^}', [F('string', '^')]],
    ['${string^^}', [F('string', '^^')]],
    ['${string:position}', [F('string', ':', [T('position')])]],
    ['${string:position:length}', [F('string', ':', [T('position'), T('length')])]],
    ['${string#substring}', [F('string', '#', [T('substring')])]],
    ['${string##substring}', [F('string', '##', [T('substring')])]],
    ['${string%substring}', [F('string', '%', [T('substring')])]],
    ['${string%%substring}', [F('string', '%%', [T('substring')])]],
    ['${string/substring/replacement}', [F('string', '/', [T('substring'), T('replacement')])]],
    ['${string//substring/replacement}', [F('string', '//', [T('substring'), T('replacement')])]],
    ['${string/#substring/replacement}', [F('string', '/#', [T('substring'), T('replacement')])]],
    ['${string/%substring/replacement}', [F('string', '/%', [T('substring'), T('replacement')])]],
    ['${string=default}', [F('string', '=', [T('default')])]],
    ['${string:=default}', [F('string', ':=', [T('default')])]],
    ['${string:-default}', [F('string', ':-', [T('default')])]],
    ['${string:?default}', [F('string', ':?', [T('default')])]],
    ['${string:+default}', [F('string', ':+', [T('default')])]],
    ['${#string}', [F('string', '#')]],
    ['${string#$%:*{}', [F('string', '#', [T('$%:*{')])]],
    ['hello ${#string} world', [T('hello '), F('string', '#'), T(' world')]],
    ['\\\\ hello ${#string} world \\\\', [T('\\\\ hello '), F('string', '#'), T(' world \\\\')]],
    ['${string/\\/position/length}', [F('string', '/', [T('/position'), T('length')])]],
    ['${string/\\/position\\\\/length}', [F('string', '/', [T('/position\\'), T('length')])]],
    ['${string/position/\\/length}', [F('string', '/', [T('position'), T('/length')])]],
    ['${string/position/\\/length\\\\}', [F('string', '/', [T('position'), T('/length\\')])]],
    ['${string/position/\\/leng\\\\th}', [F('string', '/', [T('position'), T('/leng\\th')])]],
    ['${string:${position}}', [F('string', ':', [F('position')])]],
    [
      '${string:${stringy:position:length}:${stringz,,}}',
      [F('string', ':', [F('stringy', ':', [T('position'), T('length')]), F('stringz', ',,')])],
    ],
    ['${string#${stringz}}', [F('string', '#', [F('stringz')])]],
    ['${string=${stringz}}', [F('string', '=', [F('stringz')])]],
    ['${string=prefix-${var}}', [F('string', '=', [T('prefix-'), F('var')])]],
    ['${string=${var}-suffix}', [F('string', '=', [F('var'), T('-suffix')])]],
    ['${string=prefix-${var}-suffix}', [F('string', '=', [T('prefix-'), F('var'), T('-suffix')])]],
    ['${string=prefix${var} suffix}', [F('string', '=', [T('prefix'), F('var'), T(' suffix')])]],
    ['${string//${stringy}/${stringz}}', [F('string', '//', [F('stringy'), F('stringz')])]],
  ])('%s', (input, tree) => {
    expect(parseTemplate(input)).toEqual(tree);
  });
});

describe('parseTemplate: operand rules', () => {
  it.each<[string, Fragment[]]>([
    ['', []],
    ['${1a}', [F('1a')]], // a leading digit is fine
    ['${a==b}', [F('a', '=', [T('=b')])]],
    ['${a=}', [F('a', '=', [])]],
    ['${a:1::2}', [F('a', ':', [T('1'), T('2')])]],
    ['${a:1:2:3}', [F('a', ':', [T('1'), T('2:3')])]],
    ['${a/l//x}', [F('a', '/', [T('l'), T('x')])]],
    ['${a/l/}', [F('a', '/', [T('l')])]],
    ['${a/l}/x}', [F('a', '/', [T('l}'), T('x')])]], // the pattern runs to the next `/`, past `}`
    ['${a/$$/x}', [F('a', '/', [T('$'), T('x')])]], // replace operands honour `$$`
    ['${a#\\*}', [F('a', '#', [T('\\*')])]], // other operands keep backslashes for the glob
    ['${a,^}', [F('a', ',^')]],
    ['${a:=$${x}}', [F('a', ':=', [T('$'), F('x')])]],
  ])('%j', (input, tree) => {
    expect(parseTemplate(input)).toEqual(tree);
  });

  it.each([
    ['${a/x${b}/y}', SYNTAX_ERRORS.badSubstitution], // a replace operand is one text run or one ${...}
    ['${a/l/x${b}}', SYNTAX_ERRORS.badSubstitution],
    ['${a:1${b}}', SYNTAX_ERRORS.badSubstitution],
    ['${a#x${b}}', SYNTAX_ERRORS.badSubstitution],
    ['${#a:1}', SYNTAX_ERRORS.badSubstitution],
    ['${a,,,}', SYNTAX_ERRORS.badSubstitution],
    ['${a///y}', SYNTAX_ERRORS.operand],
    ['${a:: }', SYNTAX_ERRORS.operand],
  ])('%s is rejected: %s', (input, message) => {
    expect(() => parseTemplate(input)).toThrow(new SubstitutionError(message, { reason: 'syntax' }));
  });
});
