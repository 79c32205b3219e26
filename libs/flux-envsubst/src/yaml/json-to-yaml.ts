/**
 * sigs.k8s.io/yaml JSONToYAML (go-yaml v2 Marshal) for JSON values: block style, keys in go-yaml order, sequences
 * in a mapping not indented, `{}`/`[]` for empty collections, and strings quoted only when they would not read back
 * as the same string. Flux runs envsubst over this text, so its exact shape decides what gets re-typed.
 */
import { formatFloat } from '../go/strconv';
import { sortKeys } from './key-order';
import { isPlainSafe } from './resolve';
import { analyzeScalar, selectScalarStyle, type ScalarStyle } from './scalar-style';
import { YamlWriter } from './writer';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Where a node sits; the emitter's choices depend on it. */
interface NodeContext {
  readonly root?: boolean;
  readonly inMapping?: boolean;
  readonly simpleKey?: boolean;
}

const MAX_SIMPLE_KEY_BYTES = 128;

export function jsonToYaml(value: JsonValue): string {
  const writer = new YamlWriter();
  emitNode(writer, value, { root: true });
  writer.endDocument();
  return writer.toString();
}

function emitNode(writer: YamlWriter, value: JsonValue, context: NodeContext): void {
  if (value === null) emitScalar(writer, 'null', 'plain', context);
  else if (typeof value === 'boolean') emitScalar(writer, String(value), 'plain', context);
  else if (typeof value === 'number') emitScalar(writer, formatNumber(value), 'plain', context);
  else if (typeof value === 'string') emitScalar(writer, value, requestedStringStyle(value), context);
  else if (Array.isArray(value)) emitSequence(writer, value, context);
  else emitMapping(writer, value);
}

/** go-yaml's encoder asks for a literal block for multi-line text, plain when safe, double quotes otherwise. */
function requestedStringStyle(value: string): ScalarStyle {
  if (value.includes('\n')) return 'literal';
  return isPlainSafe(value) ? 'plain' : 'double-quoted';
}

/** JSON integers within 64 bits print as integers; other numbers as Go's shortest float (`1e+21`, `1.5`). */
function formatNumber(value: number): string {
  if (Number.isInteger(value) && value >= -(2 ** 63) && value < 2 ** 64) return BigInt(value).toString();
  const text = formatFloat(value, 64);
  return text === '+Inf' ? '.inf' : text === '-Inf' ? '-.inf' : text === 'NaN' ? '.nan' : text;
}

function emitScalar(writer: YamlWriter, value: string, requested: ScalarStyle, context: NodeContext): void {
  const simpleKey = context.simpleKey ?? false;
  const style = selectScalarStyle(requested, value, analyzeScalar(value), simpleKey);
  writer.increaseIndent(true, false);
  if (style === 'plain') writer.writePlain(value, !simpleKey, context.root ?? false);
  else if (style === 'single-quoted') writer.writeSingleQuoted(value, !simpleKey);
  else if (style === 'double-quoted') writer.writeDoubleQuoted(value, !simpleKey);
  else writer.writeLiteral(value);
  writer.decreaseIndent();
}

function emitEmptyCollection(writer: YamlWriter, open: string, close: string): void {
  writer.writeIndicator(open, true, true, false);
  writer.writeIndicator(close, false, false, false);
}

function emitSequence(writer: YamlWriter, items: readonly JsonValue[], context: NodeContext): void {
  if (items.length === 0) return emitEmptyCollection(writer, '[', ']');
  // A sequence that is a mapping value shares the key's indentation.
  writer.increaseIndent(false, (context.inMapping ?? false) && !writer.indention);
  for (const item of items) {
    writer.writeIndent();
    writer.writeIndicator('-', true, false, true);
    emitNode(writer, item, {});
  }
  writer.decreaseIndent();
}

function emitMapping(writer: YamlWriter, mapping: { readonly [key: string]: JsonValue }): void {
  const keys = sortKeys(Object.keys(mapping));
  if (keys.length === 0) return emitEmptyCollection(writer, '{', '}');
  writer.increaseIndent(false, false);
  for (const key of keys) {
    writer.writeIndent();
    if (isSimpleKey(key)) {
      emitNode(writer, key, { inMapping: true, simpleKey: true });
      writer.writeIndicator(':', false, false, false);
    } else {
      // Long or multi-line keys use the explicit `? key` / `: value` form.
      writer.writeIndicator('?', true, false, true);
      emitNode(writer, key, { inMapping: true });
      writer.writeIndent();
      writer.writeIndicator(':', true, false, true);
    }
    emitNode(writer, mapping[key] ?? null, { inMapping: true });
  }
  writer.decreaseIndent();
}

function isSimpleKey(key: string): boolean {
  return !analyzeScalar(key).multiline && Buffer.byteLength(key, 'utf8') <= MAX_SIMPLE_KEY_BYTES;
}
