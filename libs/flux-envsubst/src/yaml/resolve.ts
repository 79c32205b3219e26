/**
 * How go-yaml v2 (the YAML library behind sigs.k8s.io/yaml) types a scalar: YAML 1.1 booleans (`yes`, `on`, `n`),
 * integers via Go's ParseInt with base prefixes (`0755` is octal, `0x1F`, `0b101`, underscores ignored), floats,
 * nulls (`~`, empty). It decides both which strings the emitter must quote and what a plain scalar reads back as.
 */
import { parseDecimalFloat, parseInt64, parseUint } from '../go/strconv';

export type ResolvedScalar =
  | { readonly kind: 'null' }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'int'; readonly value: bigint } // fits int64
  | { readonly kind: 'uint'; readonly value: bigint } // fits only uint64
  | { readonly kind: 'float'; readonly value: number }
  | { readonly kind: 'timestamp'; readonly value: string } // decoded as its text, as go-yaml v2 does
  | { readonly kind: 'str'; readonly value: string };

export const YAML_TAG_PREFIX = 'tag:yaml.org,2002:';

const KEYWORDS = new Map<string, ResolvedScalar>([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'].map((word): [string, ResolvedScalar] => [
    word,
    { kind: 'bool', value: true },
  ]),
  ...['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'].map(
    (word): [string, ResolvedScalar] => [word, { kind: 'bool', value: false }],
  ),
  ...['', '~', 'null', 'Null', 'NULL'].map((word): [string, ResolvedScalar] => [word, { kind: 'null' }]),
  ...['.nan', '.NaN', '.NAN'].map((word): [string, ResolvedScalar] => [word, { kind: 'float', value: NaN }]),
  ...['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF'].map((word): [string, ResolvedScalar] => [
    word,
    { kind: 'float', value: Infinity },
  ]),
  ...['-.inf', '-.Inf', '-.INF'].map((word): [string, ResolvedScalar] => [word, { kind: 'float', value: -Infinity }]),
]);

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/** go-yaml looks further only when the first byte hints at a non-string (so `<<` is a string here). */
function hint(text: string): 'keyword' | 'number' | 'dot' | undefined {
  if (text === '') return 'keyword';
  const first = text[0] ?? '';
  if ('yYnNtTfFoO~'.includes(first)) return 'keyword';
  if ('+-0123456789'.includes(first)) return 'number';
  if (first === '.') return 'dot';
  return undefined;
}

/** The type of an untagged plain scalar. */
export function resolvePlain(text: string): ResolvedScalar {
  return resolveScalar(text, true);
}

function resolveScalar(text: string, tryTimestamp: boolean): ResolvedScalar {
  const kind = hint(text);
  if (kind === undefined) return { kind: 'str', value: text };
  const keyword = KEYWORDS.get(text);
  if (keyword !== undefined) return keyword;
  if (kind === 'dot') {
    const float = parseDecimalFloat(text);
    return float === undefined ? { kind: 'str', value: text } : { kind: 'float', value: float };
  }
  if (kind === 'number') return resolveNumber(text, tryTimestamp) ?? { kind: 'str', value: text };
  return { kind: 'str', value: text };
}

function resolveNumber(text: string, tryTimestamp: boolean): ResolvedScalar | undefined {
  if (tryTimestamp && isTimestamp(text)) return { kind: 'timestamp', value: text };
  const plain = text.replaceAll('_', '');
  const int = parseInt64(plain, 0);
  if (int !== undefined) return { kind: 'int', value: int };
  const uint = parseUint(plain, 0);
  if (uint !== undefined) return { kind: 'uint', value: uint };
  if (YAML_STYLE_FLOAT.test(plain)) {
    const float = parseDecimalFloat(plain);
    if (float !== undefined) return { kind: 'float', value: float };
  }
  // go-yaml retries binary literals with the prefix cut off, which also lets a sign through (`0b-1` is -1).
  if (plain.startsWith('0b')) {
    const binary = parseInt64(plain.slice(2), 2);
    if (binary !== undefined) return { kind: 'int', value: binary };
    const unsignedBinary = parseUint(plain.slice(2), 2);
    if (unsignedBinary !== undefined) return { kind: 'uint', value: unsignedBinary };
  } else if (plain.startsWith('-0b')) {
    const binary = parseInt64(`-${plain.slice(3)}`, 2);
    if (binary !== undefined) return { kind: 'int', value: binary };
  }
  return undefined;
}

/** go-yaml v2 quotes base-60 floats (`1:20`) on output although it reads them back as strings. */
export function isBase60Float(text: string): boolean {
  return text.includes(':') && BASE60_FLOAT.test(text);
}

/** Whether go-yaml v2 may write `text` as a plain scalar: it must read back as the same string. */
export function isPlainSafe(text: string): boolean {
  return resolvePlain(text).kind === 'str' && !isBase60Float(text);
}

const RESOLVABLE_TAGS = new Set(['str', 'bool', 'int', 'float', 'null', 'timestamp'].map((t) => YAML_TAG_PREFIX + t));

/**
 * The value of a scalar with an explicit tag (`!!str 123`, `!!int "5"`). Tags go-yaml cannot resolve (`!foo`,
 * `!!binary`) yield the text; a value that does not fit its tag throws go-yaml's error text.
 */
export function resolveTagged(tag: string, text: string): ResolvedScalar {
  if (!RESOLVABLE_TAGS.has(tag) || tag === `${YAML_TAG_PREFIX}str`) return { kind: 'str', value: text };
  const resolved = resolveScalar(text, tag === `${YAML_TAG_PREFIX}timestamp`);
  const resolvedTag = YAML_TAG_PREFIX + (resolved.kind === 'uint' ? 'int' : resolved.kind);
  if (resolvedTag === tag) return resolved;
  if (tag === `${YAML_TAG_PREFIX}float` && resolved.kind === 'int')
    return { kind: 'float', value: Number(resolved.value) };
  throw new Error(`yaml: cannot decode ${shortTag(resolvedTag)} \`${text}\` as a ${shortTag(tag)}`);
}

export function shortTag(tag: string): string {
  return tag.startsWith(YAML_TAG_PREFIX) ? `!!${tag.slice(YAML_TAG_PREFIX.length)}` : tag;
}

const DATE = String.raw`(?<year>\d{4})-(?<month>\d{1,2})-(?<day>\d{1,2})`;
const CLOCK = String.raw`(?<hour>\d{1,2}):(?<minute>\d{1,2}):(?<second>\d{1,2})(?:[.,]\d+)?`;
const TIMESTAMPS = [
  new RegExp(`^${DATE}$`),
  new RegExp(`^${DATE}[Tt]${CLOCK}(?:Z|[+-]\\d{2}:\\d{2})$`),
  new RegExp(`^${DATE} ${CLOCK}$`),
];

/** The timestamp layouts go-yaml v2 accepts (time.Parse with short date fields), with Go's range checks. */
function isTimestamp(text: string): boolean {
  const fields = TIMESTAMPS.map((layout) => layout.exec(text)?.groups).find((groups) => groups !== undefined);
  if (fields === undefined) return false;
  const [year, month, day, hour, minute, second] = ['year', 'month', 'day', 'hour', 'minute', 'second'].map((name) =>
    Number(fields[name] ?? 0),
  ) as [number, number, number, number, number, number];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 59;
}
