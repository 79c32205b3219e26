import { describe, expect, it } from 'vitest';
import { YamlWriter } from './writer';

/** Writes `key: <scalar>` the way the mapping emitter drives the writer. */
function keyValue(write: (writer: YamlWriter) => void): string {
  const writer = new YamlWriter();
  writer.increaseIndent(false, false);
  writer.writeIndent();
  writer.increaseIndent(true, false);
  writer.writePlain('key', false, false);
  writer.decreaseIndent();
  writer.writeIndicator(':', false, false, false);
  writer.increaseIndent(true, false);
  write(writer);
  writer.decreaseIndent();
  writer.decreaseIndent();
  writer.endDocument();
  return writer.toString();
}

describe('YamlWriter scalars', () => {
  it('folds a plain scalar at the first single space past column 80', () => {
    const words = Array.from({ length: 20 }, (_, i) => `word${i}`).join(' ');
    expect(keyValue((w) => w.writePlain(words, true, false))).toBe(
      'key: word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n' +
        '  word13 word14 word15 word16 word17 word18 word19\n',
    );
  });

  it('does not fold keys', () => {
    const writer = new YamlWriter();
    writer.writePlain('a '.repeat(60) + 'b', false, false);
    expect(writer.toString()).not.toContain('\n');
  });

  it('doubles single quotes', () => {
    expect(keyValue((w) => w.writeSingleQuoted("it's", true))).toBe("key: 'it''s'\n");
  });

  it.each([
    ['a"b\\c', 'key: "a\\"b\\\\c"\n'],
    ['\t\r\n\u0000\u0007\b\u000b\f\u001b', 'key: "\\t\\r\\n\\0\\a\\b\\v\\f\\e"\n'],
    ['\u0085\u00a0\u2028\u2029', 'key: "\\N\u00a0\\L\\P"\n'], // NBSP is printable
    ['\u0001\u007f\ufffe🎉', 'key: "\\x01\\x7F\\uFFFE\\U0001F389"\n'],
    ['\ufeffab', 'key: "\\uFEFF\\x61\\x62"\n'], // go-yaml escapes every character after a leading BOM
  ])('escapes %j in double quotes', (value, yaml) => {
    expect(keyValue((w) => w.writeDoubleQuoted(value, true))).toBe(yaml);
  });

  it.each([
    ['a\nb', 'key: |-\n  a\n  b\n'],
    ['a\n', 'key: |\n  a\n'],
    ['a\n\n', 'key: |+\n  a\n\n'],
    [' a\n', 'key: |2\n   a\n'],
    ['a\n\nb', 'key: |-\n  a\n\n  b\n'],
  ])('writes %j as a literal block', (value, yaml) => {
    expect(keyValue((w) => w.writeLiteral(value))).toBe(yaml);
  });

  it('ends a document holding only a plain scalar with `...`', () => {
    const writer = new YamlWriter();
    writer.increaseIndent(true, false);
    writer.writePlain('text', true, true);
    writer.decreaseIndent();
    writer.endDocument();
    expect(writer.toString()).toBe('text\n...\n');
  });
});
