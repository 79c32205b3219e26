import { isAscii } from 'node:buffer';
import { readBlockYaml } from './block-yaml';
import { Composer, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, Parser, type CST, type Document, type Node } from 'yaml';

export interface YamlProblem {
  /** 1-based line the problem is on (1 when the whole file is concerned). */
  line: number;
  message: string;
  fix: string;
}

export interface ParsedDocuments {
  /** The documents that are mappings (Kubernetes objects, kustomizations). */
  objects: Record<string, unknown>[];
  /** Unreadable input, syntax problems, duplicate keys (which Kubernetes tooling resolves silently), exceeded bounds. */
  errors: YamlProblem[];
}

/**
 * Bounds that keep reading linear and within the JS stack whatever the input. Aliases themselves are
 * unlimited (kubectl accepts any number); what they expand to is bounded, as go-yaml bounds alias
 * expansion against "billion laughs" documents.
 */
export interface ReadLimits {
  /** File size. The API server takes at most 3 MiB per request; files hold many objects. */
  maxBytes: number;
  /** Nesting of collections, aliases expanded. Kubernetes objects nest a few dozen levels. */
  maxDepth: number;
  /** Nodes of a document once every alias is expanded. */
  maxNodes: number;
}

// 16 MiB: the yaml library reads about 1 MB/s of manifests, so any file is read within seconds.
export const READ_LIMITS: ReadLimits = { maxBytes: 16 * 2 ** 20, maxDepth: 256, maxNodes: 1_000_000 };

const FIX_SYNTAX = 'fix the YAML syntax';
const FIX_DUPLICATE = 'remove the duplicate key: Kubernetes tooling keeps one of the values without a word';
const FIX_ENCODING = 'save the file as UTF-8 text: kubectl and kustomize refuse it as it is';
const FIX_BOUND = 'split the file or flatten the structure; no Kubernetes object needs this much';

/**
 * Parses a multi-document YAML stream as Kubernetes tooling reads it (YAML 1.1), rejecting duplicate
 * keys. Never throws: whatever the input, each problem comes back as an error with its line.
 */
export function parseDocuments(input: string | Uint8Array, limits: ReadLimits = READ_LIMITS, reader: 'auto' | 'full' = 'auto'): ParsedDocuments {
  try {
    return read(input, limits, reader);
  } catch (error) {
    // Last resort: a parser failure we did not foresee is still a located finding, not a crash.
    return { objects: [], errors: [{ line: 1, message: `cannot read the YAML: ${firstLine(error)}`, fix: FIX_SYNTAX }] };
  }
}

function read(input: string | Uint8Array, limits: ReadLimits, reader: 'auto' | 'full'): ParsedDocuments {
  const large = tooLarge(typeof input === 'string' ? input.length : input.byteLength, limits);
  if (large) return large;
  // ASCII bytes (most manifests) are UTF-8 as they are: no decoder, and no Unicode scans below.
  const ascii = typeof input !== 'string' && isAscii(input);
  const decoded = typeof input === 'string' ? { text: input } : ascii ? { text: Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('latin1') } : decodeUtf8(input);
  if ('invalidLine' in decoded) return failed(decoded.invalidLine, 'not UTF-8 text (invalid byte sequence)', FIX_ENCODING);
  const text = decoded.text;

  // go-yaml's reader refuses these before parsing ("control characters are not allowed").
  const control = disallowedAt(text, ascii);
  if (control !== -1) {
    const code = text.codePointAt(control)!.toString(16).toUpperCase().padStart(4, '0');
    return failed(lineAt(text, control), `control character U+${code} is not allowed in YAML`, FIX_ENCODING);
  }

  // Block-style manifests (nearly all) take the fast reader; anything else, or anything wrong,
  // the full one below, which gives each problem with its line.
  const fast = reader === 'auto' ? readBlockYaml(text, limits, ascii) : undefined;
  if (fast) return { objects: fast.filter(isObject), errors: [] };

  const lineCounter = new LineCounter();
  const tokens = Array.from(new Parser(lineCounter.addNewLine).parse(text));
  // Stream-level errors (e.g. a directive without `---`) have no position: line 1 then.
  const line = (offset: number) => Math.max(1, lineCounter.linePos(Math.max(0, offset)).line);
  // The composer recurses per level: measure nesting on the flat token tree first.
  const deep = tooDeep(tokens, limits.maxDepth);
  if (deep !== undefined) return failed(line(deep), `nesting deeper than ${limits.maxDepth} levels`, FIX_BOUND);

  // uniqueKeys is quadratic in the keys of a map (100k keys: minutes); expandAliases checks them linearly.
  const composer = new Composer({ version: '1.1', uniqueKeys: false, prettyErrors: false, logLevel: 'silent' });
  const errors: YamlProblem[] = [];
  const objects: Record<string, unknown>[] = [];
  for (const document of composer.compose(tokens, true)) {
    for (const error of document.errors) {
      const message = firstLine(error);
      errors.push({ line: line(error.pos[0]), message, fix: message.includes('unique') ? FIX_DUPLICATE : FIX_SYNTAX });
    }
    if (document.errors.length > 0) continue;
    const problems = expandAliases(document, limits);
    if (problems.length > 0) {
      errors.push(...problems.map((problem) => ({ line: line(problem.offset), message: problem.message, fix: problem.fix })));
      continue;
    }
    let value: unknown;
    try {
      value = document.toJS({ maxAliasCount: -1 });
    } catch (error) {
      // e.g. a merge key (<<) whose value is not a mapping, as go-yaml refuses it too.
      errors.push({ line: line(document.range[0]), message: firstLine(error), fix: FIX_SYNTAX });
      continue;
    }
    if (isObject(value)) objects.push(value);
  }
  return { objects, errors };
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The finding for a file too large to read, so callers need not read it first. */
export const tooLarge = (bytes: number, limits: ReadLimits = READ_LIMITS): ParsedDocuments | undefined =>
  bytes > limits.maxBytes ? failed(1, `the file is ${mib(bytes)}, more than the ${mib(limits.maxBytes)} validate reads`, FIX_BOUND) : undefined;

const failed = (line: number, message: string, fix: string): ParsedDocuments => ({ objects: [], errors: [{ line, message, fix }] });

const firstLine = (error: unknown): string => (error instanceof Error ? error.message : String(error)).split('\n')[0]!;

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

/** Tab, line breaks and printable characters only (go-yaml's reader); a lone surrogate is not text either. */
const PRINTABLE_ASCII = /^[\t\n\r\x20-\x7e]*$/;
const ASCII_CONTROLS = Array.from({ length: 32 }, (_, code) => code)
  .filter((code) => code !== 0x09 && code !== 0x0a && code !== 0x0d)
  .concat(0x7f)
  .map((code) => String.fromCharCode(code));

/** Index of the first character YAML does not allow, or -1; ASCII text needs only its controls looked up. */
function disallowedAt(text: string, ascii: boolean): number {
  if (!ascii) {
    if (PRINTABLE_ASCII.test(text)) return -1;
    return DISALLOWED.exec(text)?.index ?? -1;
  }
  let first = -1;
  for (const control of ASCII_CONTROLS) {
    const at = text.indexOf(control);
    if (at !== -1 && (first === -1 || at < first)) first = at;
  }
  return first;
}
const DISALLOWED = /[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}

function decodeUtf8(bytes: Uint8Array): { text: string } | { invalidLine: number } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // Locate the first invalid sequence: the longest prefix that still decodes, by bisection. A
    // fresh streaming decoder per probe: a prefix cut inside a multibyte character is not invalid.
    let good = 0;
    let bad = bytes.byteLength;
    while (bad - good > 4) {
      const middle = (good + bad) >> 1;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, middle), { stream: true });
        good = middle;
      } catch {
        bad = middle;
      }
    }
    let line = 1;
    for (let i = 0; i < good; i++) if (bytes[i] === 0x0a) line += 1;
    return { invalidLine: line };
  }
}

/** Offset of the first collection nested deeper than maxDepth, walking the token tree without recursion. */
function tooDeep(tokens: readonly CST.Token[], maxDepth: number): number | undefined {
  const stack: Array<[CST.Token, number]> = tokens.map((token) => [token, 0]);
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    if (token.type === 'document') {
      if (token.value) stack.push([token.value, depth]);
      continue;
    }
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') continue;
    if (depth + 1 > maxDepth) return token.offset;
    for (const item of token.items) {
      if ('key' in item && item.key) stack.push([item.key, depth + 1]);
      if (item.value) stack.push([item.value, depth + 1]);
    }
  }
  return undefined;
}

interface Measure {
  size: number;
  height: number;
}

interface Problem {
  offset: number;
  message: string;
  fix: string;
}

/**
 * Checks keys are unique and what the document's aliases expand to (node count, depth, no alias
 * inside its own anchor), and puts each alias's target in its place, so toJS never resolves an
 * alias (its lookup is quadratic in the number of aliases) and gives every use its own copy.
 */
function expandAliases(document: Document, limits: ReadLimits): Problem[] {
  const anchors = new Map<string, Node>();
  const measured = new Map<Node, Measure | 'open'>();
  const problems: Problem[] = [];
  let total = 0;
  let stopped = false;
  const stop = (node: Node, message: string, fix: string): Measure => {
    if (!stopped) problems.push({ offset: node.range?.[0] ?? 0, message, fix });
    stopped = true;
    return { size: 0, height: 0 };
  };

  // Recursion depth is bounded: tooDeep() already bounded the nesting of the source.
  const visit = (node: unknown, replace: (target: Node) => void): Measure => {
    if (stopped || node === null || node === undefined) return { size: 0, height: 0 };
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (!target) return stop(node, `unknown anchor '${node.source}' referenced`, FIX_SYNTAX);
      const known = measured.get(target);
      if (known === 'open' || known === undefined) return stop(node, `anchor '${node.source}' value contains itself`, FIX_SYNTAX);
      total += known.size;
      if (total > limits.maxNodes) return stop(node, `aliases expand to more than ${limits.maxNodes} nodes`, FIX_BOUND);
      replace(target);
      return known;
    }
    const self = node as Node;
    if (self.anchor) {
      anchors.set(self.anchor, self);
      measured.set(self, 'open');
    }
    total += 1;
    const measure: Measure = { size: 1, height: 0 };
    if (isMap(self) || isSeq(self)) {
      const items = self.items as unknown[];
      const keys = new Set<unknown>();
      let children = 0;
      const add = (child: Measure) => {
        measure.size += child.size;
        children = Math.max(children, child.height);
      };
      for (let i = 0; i < items.length; i++) {
        const item = items[i];
        if (isPair(item)) {
          // As the yaml library compares keys: scalars by value, anything else by identity.
          const key = isScalar(item.key) ? item.key.value : item.key;
          if (isMap(self) && keys.has(key)) {
            const range = (item.key as Node | null)?.range;
            problems.push({ offset: range?.[0] ?? 0, message: `Map keys must be unique (${JSON.stringify(String(key)).slice(0, 60)} repeats)`, fix: FIX_DUPLICATE });
          }
          keys.add(key);
          add(visit(item.key, (target) => (item.key = target)));
          add(visit(item.value, (target) => (item.value = target)));
        } else {
          add(visit(item, (target) => (items[i] = target)));
        }
      }
      measure.height = children + 1;
    }
    if (self.anchor) measured.set(self, measure);
    if (measure.height > limits.maxDepth) return stop(self, `aliases nest deeper than ${limits.maxDepth} levels`, FIX_BOUND);
    if (total > limits.maxNodes) return stop(self, `more than ${limits.maxNodes} nodes`, FIX_BOUND);
    return measure;
  };
  visit(document.contents, (target) => (document.contents = target));
  return problems;
}
