/**
 * sigs.k8s.io/yaml YAMLToJSON: read the first YAML document with go-yaml v2's YAML 1.1 typing, then make it JSON
 * (keys become strings: `123` -> "123", `on` -> "true"; a null key or an infinite number is an error). The `yaml`
 * package does the syntax; scalar typing is ours (resolve.ts), since its YAML 1.1 schema differs from go-yaml's.
 */
import {
  Composer,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  Parser,
  type Alias,
  type Document,
  type Node,
} from 'yaml';
import { fromBytes } from '../go/bytes';
import { formatFloat } from '../go/strconv';
import { goYamlDifference } from './go-yaml-differences';
import type { JsonValue } from './json-to-yaml';
import { resolvePlain, resolveTagged, YAML_TAG_PREFIX, type ResolvedScalar } from './resolve';

/** Alias expansions allowed per document, against alias bombs. */
const MAX_ALIAS_EXPANSIONS = 10_000;

export class YamlToJsonError extends Error {
  override readonly name = 'YamlToJsonError';
}

export function yamlToJson(text: string): JsonValue {
  const lines = new LineCounter();
  const tokens = Array.from(new Parser(lines.addNewLine).parse(text));
  const composer = new Composer({ version: '1.1', schema: 'failsafe', uniqueKeys: false, merge: false, strict: false });
  const [document] = Array.from(composer.compose(tokens));
  const difference = goYamlDifference(tokens);
  const [syntaxError] = document?.errors ?? [];
  const problems = [
    ...(difference === undefined ? [] : [difference]),
    ...(syntaxError === undefined ? [] : [{ offset: syntaxError.pos[0], message: syntaxError.message }]),
  ].sort((a, b) => a.offset - b.offset);
  const [first] = problems;
  if (first !== undefined) {
    // Like go-yaml's scanner errors: a 1-based line, left out on the first line.
    const { line } = lines.linePos(first.offset);
    throw new YamlToJsonError(line > 1 ? `yaml: line ${line}: ${first.message}` : `yaml: ${first.message}`);
  }
  return document === undefined ? null : new Converter(document).value(document.contents);
}

class Converter {
  private aliasExpansions = 0;
  private readonly expanding = new Set<Node>();

  constructor(private readonly document: Document) {}

  value(node: unknown): JsonValue {
    if (node === null || node === undefined) return null;
    if (isAlias(node)) return this.throughAlias(node, (target) => this.value(target));
    if (isScalar(node)) return jsonScalar(this.scalar(node));
    if (isSeq(node)) return node.items.map((item) => this.value(item));
    if (isMap(node)) return this.mapping(node);
    throw new YamlToJsonError(`yaml: unsupported node ${String(node)}`);
  }

  private throughAlias<T>(alias: Alias, convert: (target: Node) => T): T {
    const target = alias.resolve(this.document);
    if (target === undefined) throw new YamlToJsonError(`yaml: unknown anchor '${alias.source}' referenced`);
    if (this.expanding.has(target)) throw new YamlToJsonError('yaml: anchor value contains itself');
    this.aliasExpansions += 1;
    if (this.aliasExpansions > MAX_ALIAS_EXPANSIONS) {
      throw new YamlToJsonError('yaml: document contains excessive aliasing');
    }
    this.expanding.add(target);
    try {
      return convert(target);
    } finally {
      this.expanding.delete(target);
    }
  }

  /** A plain untagged scalar is typed by YAML 1.1 rules; a quoted or block one is a string unless tagged. */
  private scalar(node: { value: unknown; tag?: string | undefined; type?: string | undefined }): ResolvedScalar {
    const text = node.value === null || node.value === undefined ? '' : String(node.value);
    if (node.tag !== undefined) return decodeTagged(node.tag, text);
    if (node.type === 'PLAIN' || node.type === undefined) return resolvePlain(text);
    return { kind: 'str', value: text };
  }

  private mapping(node: { items: ReadonlyArray<{ key: unknown; value: unknown }> }): JsonValue {
    const entries = new Map<string, JsonValue>();
    this.addEntries(node, entries);
    // encoding/json writes object keys in byte order.
    const keys = [...entries.keys()].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    return Object.fromEntries(keys.map((key) => [key, entries.get(key) ?? null]));
  }

  /** Later keys overwrite earlier ones, as go-yaml v2 does when decoding into a map. */
  private addEntries(
    node: { items: ReadonlyArray<{ key: unknown; value: unknown }> },
    entries: Map<string, JsonValue>,
  ): void {
    for (const { key, value } of node.items) {
      if (isMergeKey(key)) this.merge(value, entries);
      else entries.set(this.key(key), this.value(value));
    }
  }

  /** `<<: *base` or `<<: [*a, *b]`: earlier maps in a list take precedence. */
  private merge(node: unknown, entries: Map<string, JsonValue>): void {
    const mergeMap = (item: unknown): void => {
      if (isAlias(item)) return this.throughAlias(item, mergeMap);
      if (!isMap(item)) throw new YamlToJsonError('yaml: map merge requires map or sequence of maps as the value');
      this.addEntries(item, entries);
    };
    if (isSeq(node)) [...node.items].reverse().forEach(mergeMap);
    else mergeMap(node);
  }

  /** A map key as JSON sees it (sigs.k8s.io/yaml convertToJSONableObject). */
  private key(node: unknown): string {
    if (isAlias(node)) return this.throughAlias(node, (target) => this.key(target));
    if (isMap(node) || isSeq(node)) throw new YamlToJsonError('yaml: invalid map key: a mapping or sequence');
    const resolved: ResolvedScalar = isScalar(node) ? this.scalar(node) : { kind: 'null' };
    switch (resolved.kind) {
      case 'str':
      case 'timestamp':
        return resolved.value;
      case 'bool':
        return String(resolved.value);
      case 'int':
        return resolved.value.toString();
      case 'float': {
        // go-yaml formats float keys at 32-bit precision.
        const text = formatFloat(resolved.value, 32);
        return text === '+Inf' ? '.inf' : text === '-Inf' ? '-.inf' : text === 'NaN' ? '.nan' : text;
      }
      case 'uint':
        throw new YamlToJsonError(`unsupported map key of type: uint64, key: 0x${resolved.value.toString(16)}`);
      case 'null':
        throw new YamlToJsonError('unsupported map key of type: %!s(<nil>), key: <nil>');
    }
  }
}

function isMergeKey(node: unknown): boolean {
  if (!isScalar(node) || node.value !== '<<') return false;
  return node.tag === undefined ? node.type === 'PLAIN' : node.tag === `${YAML_TAG_PREFIX}merge`;
}

function decodeTagged(tag: string, text: string): ResolvedScalar {
  if (tag === `${YAML_TAG_PREFIX}binary`) return { kind: 'str', value: decodeBinary(text) };
  try {
    return resolveTagged(tag, text);
  } catch (error) {
    throw new YamlToJsonError((error as Error).message);
  }
}

function decodeBinary(text: string): string {
  const base64 = text.replace(/[\r\n]/g, '');
  if (base64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) {
    throw new YamlToJsonError('yaml: !!binary value contains invalid base64 data');
  }
  return fromBytes(Buffer.from(base64, 'base64').toString('latin1'));
}

/** JSON has no NaN or Infinity; encoding/json refuses them. Integers past 2^53 lose precision in JS. */
function jsonScalar(resolved: ResolvedScalar): JsonValue {
  switch (resolved.kind) {
    case 'null':
      return null;
    case 'bool':
      return resolved.value;
    case 'int':
    case 'uint':
      return Number(resolved.value);
    case 'float':
      if (!Number.isFinite(resolved.value)) {
        throw new YamlToJsonError(`json: unsupported value: ${formatFloat(resolved.value, 64)}`);
      }
      return resolved.value;
    default:
      return resolved.value;
  }
}
