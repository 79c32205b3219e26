/**
 * Go strings are byte sequences, and envsubst slices, measures and pattern-matches them by byte.
 * We model a Go string as a "byte string": a JS string holding one UTF-16 unit (0-255) per byte.
 * JS string operations on byte strings (length, slice, indexOf, startsWith) are then byte-exact.
 */
import { isUtf8 } from 'node:buffer';

/** The UTF-8 bytes of `text`, as a byte string. */
export function toBytes(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1');
}

/** Decodes a byte string; each invalid byte becomes U+FFFD, as Go's `[]rune(s)` does. */
export function fromBytes(bytes: string): string {
  const buffer = Buffer.from(bytes, 'latin1');
  if (isUtf8(buffer)) return buffer.toString('utf8');
  return runesOf(bytes)
    .map((rune) => String.fromCodePoint(rune))
    .join('');
}

export const RUNE_ERROR = 0xfffd;

/** One rune and its byte width, decoded at `index` like Go's utf8.DecodeRuneInString. */
export interface DecodedRune {
  readonly rune: number;
  readonly width: number;
}

const INVALID: DecodedRune = { rune: RUNE_ERROR, width: 1 };

/** Decodes the rune at `index` (which must be in range); invalid UTF-8 yields U+FFFD of width 1. */
export function decodeRune(bytes: string, index: number): DecodedRune {
  const b0 = bytes.charCodeAt(index);
  if (b0 < 0x80) return { rune: b0, width: 1 };
  const continuation = (offset: number, low = 0x80, high = 0xbf): number | undefined => {
    const b = bytes.charCodeAt(index + offset);
    return b >= low && b <= high ? b & 0x3f : undefined;
  };
  if (b0 >= 0xc2 && b0 <= 0xdf) {
    const c1 = continuation(1);
    return c1 === undefined ? INVALID : { rune: ((b0 & 0x1f) << 6) | c1, width: 2 };
  }
  if (b0 >= 0xe0 && b0 <= 0xef) {
    // Overlong forms (E0 80..9F) and surrogates (ED A0..BF) are invalid.
    const c1 = continuation(1, b0 === 0xe0 ? 0xa0 : 0x80, b0 === 0xed ? 0x9f : 0xbf);
    const c2 = c1 === undefined ? undefined : continuation(2);
    return c2 === undefined || c1 === undefined ? INVALID : { rune: ((b0 & 0x0f) << 12) | (c1 << 6) | c2, width: 3 };
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const c1 = continuation(1, b0 === 0xf0 ? 0x90 : 0x80, b0 === 0xf4 ? 0x8f : 0xbf);
    const c2 = c1 === undefined ? undefined : continuation(2);
    const c3 = c2 === undefined ? undefined : continuation(3);
    if (c1 === undefined || c2 === undefined || c3 === undefined) return INVALID;
    return { rune: ((b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3, width: 4 };
  }
  return INVALID;
}

/** The runes of a byte string, as Go's `[]rune(s)` yields them. */
export function runesOf(bytes: string): number[] {
  const runes: number[] = [];
  for (let i = 0; i < bytes.length;) {
    const { rune, width } = decodeRune(bytes, i);
    runes.push(rune);
    i += width;
  }
  return runes;
}

/** The UTF-8 encoding of one rune, as a byte string. */
export function encodeRune(rune: number): string {
  return toBytes(String.fromCodePoint(rune));
}

/** Byte strings of the given runes (Go's `string([]rune)`). */
export function runesToBytes(runes: readonly number[]): string {
  return runes.map(encodeRune).join('');
}
