/**
 * The few Go `strconv` behaviours envsubst and go-yaml depend on. Integers are bigint because Go's are 64-bit and a
 * number past 2^53 must still be told apart from one that overflows.
 */

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** strconv.Atoi on a 64-bit platform: an optional sign and decimal digits, within int64. */
export function atoi(text: string): bigint | undefined {
  return /^[+-]?[0-9]+$/.test(text) ? withinInt64(BigInt(text)) : undefined;
}

/** strconv.ParseUint(text, base, 64). Base 0 reads a `0b`, `0o`, `0x` or `0` prefix. No underscores. */
export function parseUint(text: string, base: 0 | 2 | 10): bigint | undefined {
  const { digits, radix } = base === 0 ? splitBasePrefix(text) : { digits: text, radix: base };
  if (text === '') return undefined;
  let value = 0n;
  for (const char of digits) {
    const digit = digitValue(char);
    if (digit === undefined || digit >= radix) return undefined;
    value = value * BigInt(radix) + BigInt(digit);
  }
  return value <= UINT64_MAX ? value : undefined;
}

/** strconv.ParseInt(text, base, 64): an optional sign, then as ParseUint, within int64. */
export function parseInt64(text: string, base: 0 | 2 | 10): bigint | undefined {
  const negative = text.startsWith('-');
  const unsigned = parseUint(negative || text.startsWith('+') ? text.slice(1) : text, base);
  if (unsigned === undefined) return undefined;
  return withinInt64(negative ? -unsigned : unsigned);
}

/** strconv.ParseFloat(text, 64) for decimal notation; an overflow to infinity is an error as in Go. */
export function parseDecimalFloat(text: string): number | undefined {
  if (!/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** strconv.FormatFloat(value, 'g', -1, bitSize): shortest digits, exponent form below 1e-4 or from 1e6. */
export function formatFloat(value: number, bitSize: 32 | 64): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  const { sign, digits, exponent } = shortestDigits(bitSize === 32 ? Math.fround(value) : value, bitSize);
  if (exponent < -4 || exponent >= 6) {
    const fraction = digits.length > 1 ? `.${digits.slice(1)}` : '';
    const magnitude = String(Math.abs(exponent)).padStart(2, '0');
    return `${sign}${digits[0]}${fraction}e${exponent < 0 ? '-' : '+'}${magnitude}`;
  }
  const pointAt = exponent + 1;
  if (pointAt <= 0) return `${sign}0.${'0'.repeat(-pointAt)}${digits}`;
  if (pointAt >= digits.length) return `${sign}${digits}${'0'.repeat(pointAt - digits.length)}`;
  return `${sign}${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
}

function shortestDigits(value: number, bitSize: 32 | 64): { sign: string; digits: string; exponent: number } {
  let notation = Math.abs(value).toExponential();
  if (bitSize === 32) {
    // The shortest decimal that reads back as the same float32.
    for (let fractionDigits = 0; fractionDigits < 9; fractionDigits++) {
      notation = Math.abs(value).toExponential(fractionDigits);
      if (Math.fround(Number(notation)) === Math.abs(value)) break;
    }
  }
  const [mantissa = '0', exponent = '0'] = notation.split('e');
  return { sign: value < 0 ? '-' : '', digits: mantissa.replace('.', ''), exponent: Number(exponent) };
}

function withinInt64(value: bigint): bigint | undefined {
  return value >= INT64_MIN && value <= INT64_MAX ? value : undefined;
}

function splitBasePrefix(text: string): { digits: string; radix: number } {
  if (!text.startsWith('0')) return { digits: text, radix: 10 };
  const marker = text.length >= 3 ? text[1]?.toLowerCase() : undefined;
  if (marker === 'b') return { digits: text.slice(2), radix: 2 };
  if (marker === 'o') return { digits: text.slice(2), radix: 8 };
  if (marker === 'x') return { digits: text.slice(2), radix: 16 };
  return { digits: text.slice(1), radix: 8 };
}

function digitValue(char: string): number | undefined {
  const code = char.charCodeAt(0);
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x61 && code <= 0x7a) return code - 0x61 + 10;
  if (code >= 0x41 && code <= 0x5a) return code - 0x41 + 10;
  return undefined;
}
