/**
 * go-yaml v2's input reader (readerc.go) refuses malformed UTF-8 and most control characters before any parsing.
 * Flux hits it when substitution leaves broken bytes (`${v:1}` on a multi-byte rune) or a value carries e.g. DEL.
 * Works on byte strings (see go/bytes.ts).
 */

/** go-yaml's message for the first unreadable byte sequence, or undefined when the text is readable. */
export function unreadableYaml(bytes: string): string | undefined {
  for (let i = 0; i < bytes.length;) {
    const lead = bytes.charCodeAt(i);
    const width =
      lead < 0x80 ? 1 : (lead & 0xe0) === 0xc0 ? 2 : (lead & 0xf0) === 0xe0 ? 3 : (lead & 0xf8) === 0xf0 ? 4 : 0;
    if (width === 0) return 'yaml: invalid leading UTF-8 octet';
    if (i + width > bytes.length) return 'yaml: incomplete UTF-8 octet sequence';
    let rune = width === 1 ? lead : lead & (0xff >> (width + 1));
    for (let k = 1; k < width; k++) {
      const octet = bytes.charCodeAt(i + k);
      if ((octet & 0xc0) !== 0x80) return 'yaml: invalid trailing UTF-8 octet';
      rune = (rune << 6) | (octet & 0x3f);
    }
    const minimum = [0, 0, 0x80, 0x800, 0x10000][width] ?? 0;
    if (rune < minimum) return 'yaml: invalid length of a UTF-8 sequence';
    if ((rune >= 0xd800 && rune <= 0xdfff) || rune > 0x10ffff) return 'yaml: invalid Unicode character';
    if (!isAllowed(rune)) return 'yaml: control characters are not allowed';
    i += width;
  }
  return undefined;
}

/** Tab, line breaks and printable characters; no other C0/C1 control, DEL, U+FFFE or U+FFFF. */
function isAllowed(rune: number): boolean {
  return (
    rune === 0x09 ||
    rune === 0x0a ||
    rune === 0x0d ||
    (rune >= 0x20 && rune <= 0x7e) ||
    rune === 0x85 ||
    (rune >= 0xa0 && rune <= 0xd7ff) ||
    (rune >= 0xe000 && rune <= 0xfffd) ||
    rune >= 0x10000
  );
}
