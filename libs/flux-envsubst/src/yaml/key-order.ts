/**
 * The order go-yaml v2 writes map keys in (sorter.go), which is what sigs.k8s.io/yaml output follows: rune by rune,
 * letters sort before non-letters, and runs of digits compare by numeric value ("a2" before "a10").
 */
import { isDigit, isLetter } from '../go/unicode';

/** Sorts string keys as go-yaml v2 does. */
export function sortKeys(keys: readonly string[]): string[] {
  const runesByKey = new Map(keys.map((key) => [key, Array.from(key, (char) => char.codePointAt(0) ?? 0)]));
  const runes = (key: string): number[] => runesByKey.get(key) ?? [];
  return [...keys].sort((a, b) => {
    if (keyLess(runes(a), runes(b))) return -1;
    return keyLess(runes(b), runes(a)) ? 1 : 0;
  });
}

/** go-yaml's keyList.Less for two string keys. */
export function keyLess(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length && i < b.length; i++) {
    const ra = a[i] ?? 0;
    const rb = b[i] ?? 0;
    if (ra === rb) continue;
    const aLetter = isLetter(ra);
    const bLetter = isLetter(rb);
    if (aLetter && bLetter) return ra < rb;
    if (aLetter || bLetter) return bLetter;
    // Digits after a non-zero digit belong to the same number, so leading-zero handling only applies at its start.
    let aNumber = 0n;
    let bNumber = 0n;
    if (ra === 0x30 || rb === 0x30) {
      for (let j = i - 1; j >= 0 && isDigit(a[j] ?? 0); j--) {
        if (a[j] !== 0x30) {
          aNumber = 1n;
          bNumber = 1n;
          break;
        }
      }
    }
    const aEnd = accumulateDigits(a, i, aNumber);
    const bEnd = accumulateDigits(b, i, bNumber);
    if (aEnd.value !== bEnd.value) return aEnd.value < bEnd.value;
    if (aEnd.end !== bEnd.end) return aEnd.end < bEnd.end;
    return ra < rb;
  }
  return a.length < b.length;
}

/** Reads the digit run from `start` onto `initial`, wrapping at 64 bits as Go's int64 does. */
function accumulateDigits(runes: readonly number[], start: number, initial: bigint): { value: bigint; end: number } {
  let value = initial;
  let end = start;
  for (; end < runes.length && isDigit(runes[end] ?? 0); end++) {
    value = BigInt.asIntN(64, value * 10n + BigInt((runes[end] ?? 0) - 0x30));
  }
  return { value, end };
}
