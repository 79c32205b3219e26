import { describe, expect, it } from 'vitest';
import { toBytes } from '../go/bytes';
import { unreadableYaml } from './reader';

describe("unreadableYaml: go-yaml v2's reader checks", () => {
  it.each(['a: b\n', 'tab\there', 'cr\r\n', 'é 漢 🎉', '\u0085', '\u00a0'])('reads %j', (text) => {
    expect(unreadableYaml(toBytes(text))).toBeUndefined();
  });

  it.each<[string, string]>([
    ['\xa9mile', 'yaml: invalid leading UTF-8 octet'],
    ['\xc3', 'yaml: incomplete UTF-8 octet sequence'],
    ['\xc3x', 'yaml: invalid trailing UTF-8 octet'],
    ['\xc0\x80', 'yaml: invalid length of a UTF-8 sequence'],
    ['\xed\xa0\x80', 'yaml: invalid Unicode character'],
    ['\x00', 'yaml: control characters are not allowed'],
    ['\x7f', 'yaml: control characters are not allowed'],
    [toBytes('\u0086'), 'yaml: control characters are not allowed'],
    [toBytes('\uffff'), 'yaml: control characters are not allowed'],
  ])('refuses %j', (bytes, message) => {
    expect(unreadableYaml(bytes)).toBe(message);
  });
});
