import { describe, expect, it } from 'vitest';
import { decodeRune, encodeRune, fromBytes, runesOf, runesToBytes, toBytes } from './bytes';

describe('byte strings', () => {
  it('hold one UTF-16 unit per UTF-8 byte', () => {
    expect(toBytes('aé🎉')).toBe('a\xc3\xa9\xf0\x9f\x8e\x89');
    expect(toBytes('aé🎉').length).toBe(7);
    expect(fromBytes(toBytes('aé🎉 ünï'))).toBe('aé🎉 ünï');
  });

  it('decode each invalid byte to U+FFFD, as Go does', () => {
    expect(fromBytes('\xa9mile')).toBe('\ufffdmile');
    expect(fromBytes('\xe2\x82')).toBe('\ufffd\ufffd');
    expect(fromBytes('\xed\xa0\x80')).toBe('\ufffd\ufffd\ufffd'); // an encoded surrogate is invalid
  });

  it.each<[string, number, number]>([
    ['a', 0x61, 1],
    ['\xc3\xa9', 0xe9, 2],
    ['\xe2\x82\xac', 0x20ac, 3],
    ['\xf0\x9f\x8e\x89', 0x1f389, 4],
    ['\xc0\x80', 0xfffd, 1], // overlong
    ['\xe0\x80\x80', 0xfffd, 1], // overlong
    ['\xf4\x90\x80\x80', 0xfffd, 1], // above U+10FFFF
    ['\xc3', 0xfffd, 1], // truncated
    ['\x80', 0xfffd, 1],
  ])('decodeRune(%j) = U+%s', (bytes, rune, width) => {
    expect(decodeRune(bytes, 0)).toEqual({ rune, width });
  });

  it('converts runes to bytes and back', () => {
    expect(runesOf(toBytes('aé🎉'))).toEqual([0x61, 0xe9, 0x1f389]);
    expect(runesToBytes([0x61, 0xe9, 0x1f389])).toBe(toBytes('aé🎉'));
    expect(encodeRune(0x20ac)).toBe('\xe2\x82\xac');
  });
});
