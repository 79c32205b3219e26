/**
 * A fast reader for the block-style YAML that manifests are written in (what render, kubectl and
 * most editors emit): block mappings and sequences, plain, single- and double-quoted one-line
 * scalars, literal blocks (`|`, `|-`, `|+`), empty `{}`/`[]`, comments and `---`. It reads about
 * 20x faster than the full YAML library, which builds a syntax tree with source positions that
 * validation only needs for the few objects with findings (locate.ts re-reads those files).
 *
 * Anything else (flow collections, anchors, aliases, tags, folded or multi-line scalars, tabs,
 * CR line ends, duplicate or merge keys, unusual indentation, YAML escapes JSON lacks...) gives
 * undefined, and the full reader (yaml-documents.ts) reads the file, with its errors and lines.
 * Scalars resolve as the full reader resolves them (YAML 1.1): plain scalars that may be other
 * than strings are resolved by the YAML library itself. block-yaml.test.ts checks both agree.
 */
import { parse } from 'yaml';

type Value = unknown;

/** Thrown inside the reader to give up; never escapes it. */
class NotBlockYaml extends Error {}
const GIVE_UP = new NotBlockYaml();
const giveUp = (): never => {
  throw GIVE_UP;
};

/** Each document's value (null for an empty one), or undefined when the text is beyond the subset. */
export function readBlockYaml(text: string, limits: { maxDepth: number; maxNodes: number }, ascii = false): Value[] | undefined {
  if (text.length > 0 && !text.endsWith('\n')) return undefined;
  // Tabs, CR and the YAML 1.1 line breaks (NEL, LS, PS), a byte-order mark: the full reader.
  if (text.includes('\t') || text.includes('\r') || (!ascii && /[\u0085\u2028\u2029\ufeff]/.test(text))) return undefined;
  try {
    return new BlockReader(text, limits.maxDepth, limits.maxNodes).documents();
  } catch (error) {
    if (error instanceof NotBlockYaml) return undefined;
    throw error;
  }
}

// Plain scalars the YAML 1.1 schema may read as other than a string: null, booleans, numbers,
// dates, merge keys. Anything else is the string itself.
const MAYBE_NOT_STRING =
  /^(?:[-+]?[0-9.]|[-+]?[eE][-+]?[0-9]|~$|null$|Null$|NULL$|[yYnN]$|yes$|Yes$|YES$|no$|No$|NO$|true$|True$|TRUE$|false$|False$|FALSE$|on$|On$|ON$|off$|Off$|OFF$|<<$|=$)/;
// The first characters of those (a cheap test before the expression).
const MAY_START_NOT_STRING = Array.from({ length: 128 }, (_, code) => '+-.0123456789eE~nNyYtTfFoO<='.includes(String.fromCharCode(code)));
const resolved = new Map<string, unknown>();

/** A plain scalar's value as the YAML library reads it (YAML 1.1); non-scalar results give up. */
function plainValue(text: string): Value {
  if (!MAY_START_NOT_STRING[text.charCodeAt(0)] || !MAYBE_NOT_STRING.test(text)) return text;
  if (!resolved.has(text)) {
    if (resolved.size > 10_000) resolved.clear();
    const value = parse(text, { version: '1.1' }) as unknown;
    resolved.set(text, value !== null && typeof value === 'object' ? GIVE_UP : value);
  }
  const value = resolved.get(text);
  return value === GIVE_UP ? giveUp() : value;
}

const SPACE = 32;

class BlockReader {
  private readonly lines: string[];
  /** Each line's indentation; a `- key: value` line's is where its key starts. */
  private readonly indents: number[];
  private index = 0;
  private end = 0;
  /** Keys and values read: past the bound the full reader counts exactly and reports. */
  private nodes = 0;

  constructor(text: string, private readonly maxDepth: number, private readonly maxNodes: number) {
    this.lines = text.split('\n');
    this.lines.pop(); // the text ends with a line break
    this.indents = this.lines.map(indentOf);
  }

  /** The documents between `---` lines (a marker first in the stream gives an empty one, which is null). */
  documents(): Value[] {
    const documents: Value[] = [];
    let start = 0;
    for (let i = 0; i < this.lines.length; i += 1) {
      const line = this.lines[i]!;
      if (!line.startsWith('---') && !line.startsWith('...') && !line.startsWith('%')) continue;
      if (!/^--- *$/.test(line)) giveUp();
      documents.push(this.document(start, i));
      start = i + 1;
    }
    documents.push(this.document(start, this.lines.length));
    return documents;
  }

  private document(start: number, end: number): Value {
    this.index = start;
    this.end = end;
    this.skipBlank();
    if (this.index >= end) return null;
    const value = this.node(0, 0);
    this.skipBlank();
    if (this.index < end) giveUp();
    return value;
  }

  /** Skips empty and comment-only lines (outside literal blocks). */
  private skipBlank(): void {
    while (this.index < this.end) {
      const line = this.lines[this.index]!;
      const at = this.indents[this.index]!;
      if (at < line.length && line.charCodeAt(at) !== 35 /* # */) return;
      this.index += 1;
    }
  }

  private count(nodes: number): void {
    this.nodes += nodes;
    if (this.nodes > this.maxNodes / 2) giveUp();
  }

  /** The collection starting at the current line, indented at least `min`. */
  private node(min: number, depth: number): Value {
    if (depth > this.maxDepth) giveUp();
    const line = this.lines[this.index]!;
    const indent = this.indents[this.index]!;
    if (indent < min) giveUp();
    return isSequenceEntry(line, indent) ? this.sequence(indent, depth) : this.mapping(indent, depth);
  }

  private mapping(indent: number, depth: number): Record<string, Value> {
    const map: Record<string, Value> = {};
    for (;;) {
      this.skipBlank();
      if (this.index >= this.end) return map;
      const line = this.lines[this.index]!;
      const at = this.indents[this.index]!;
      if (at < indent) return map;
      if (at > indent || isSequenceEntry(line, at)) giveUp();
      const colon = keyEnd(line, at);
      if (colon === -1 || colon - at > 1000) giveUp();
      const key = keyAt(line, at, colon);
      if (key === '__proto__' || key === '<<' || Object.hasOwn(map, key)) giveUp();
      this.index += 1;
      this.count(2);
      map[key] = this.value(line, colon + 1, indent, depth, true);
    }
  }

  private sequence(indent: number, depth: number): Value[] {
    const items: Value[] = [];
    for (;;) {
      this.skipBlank();
      if (this.index >= this.end) return items;
      const line = this.lines[this.index]!;
      const at = this.indents[this.index]!;
      if (at < indent) return items;
      if (at > indent || !isSequenceEntry(line, at)) {
        // A mapping key at the sequence's indentation ends it (`key:\n- a\nnext: b`).
        if (at === indent) return items;
        giveUp();
      }
      this.count(1);
      let content = at + 1;
      while (content < line.length && line.charCodeAt(content) === SPACE) content += 1;
      if (content < line.length && line.charCodeAt(content) !== 35 && keyEnd(line, content) !== -1) {
        // `- key: value`: a mapping whose first line is this one, indented where its key starts.
        this.indents[this.index] = content;
        items.push(this.mapping(content, depth + 1));
        continue;
      }
      if (isSequenceEntry(line, content)) giveUp();
      this.index += 1;
      items.push(this.value(line, content, indent, depth, false));
    }
  }

  /**
   * The value of an entry at `indent` whose text starts at `from` on `line` (after `key:` or `- `,
   * comments included): a scalar on the line, a literal block, or a collection on the next lines.
   */
  private value(line: string, from: number, indent: number, depth: number, inMapping: boolean): Value {
    let start = from;
    while (start < line.length && line.charCodeAt(start) === SPACE) start += 1;
    if (start === line.length || line.charCodeAt(start) === 35 /* # */) {
      this.skipBlank();
      if (this.index >= this.end) return null;
      const next = this.lines[this.index]!;
      const at = this.indents[this.index]!;
      if (at > indent) return this.node(indent + 1, depth + 1);
      // A mapping's sequence may sit at the mapping's own indentation.
      if (at === indent && inMapping && isSequenceEntry(next, at)) return this.sequence(indent, depth + 1);
      return null;
    }
    const first = line.charCodeAt(start);
    let value: Value;
    if (first === 34 /* " */ || first === 39 /* ' */) {
      const close = first === 34 ? closingDoubleQuote(line, start) : closingSingleQuote(line, start);
      if (close === -1 || !onlyComment(line, close + 1)) giveUp();
      value = first === 34 ? doubleQuoted(line, start, close) : singleQuoted(line, start, close);
      return this.scalarEnds(value, indent);
    }
    const comment = line.indexOf(' #', start);
    let end = comment === -1 ? line.length : comment;
    while (end > start && line.charCodeAt(end - 1) === SPACE) end -= 1;
    const text = line.slice(start, end);
    if (first === 124 /* | */) return this.literal(text, indent);
    if (text === '{}') value = {};
    else if (text === '[]') value = [];
    else {
      if (!isPlainStart(text) || text.includes(': ') || text.endsWith(':')) giveUp();
      value = plainValue(text);
    }
    return this.scalarEnds(value, indent);
  }

  /** A more indented line after a scalar would continue it (a multi-line scalar): not ours. */
  private scalarEnds(value: Value, indent: number): Value {
    this.skipBlank();
    if (this.index < this.end && this.indents[this.index]! > indent) giveUp();
    return value;
  }

  /** A literal block (`|`, `|-`, `|+`, with an optional indentation indicator) of a node at `indent`. */
  private literal(header: string, indent: number): string {
    const match = /^\|([-+]?)([1-9]?)([-+]?)$/.exec(header);
    if (!match || (match[1] && match[3])) giveUp();
    const chomp = match![1] || match![3];
    const lines: string[] = [];
    let content = match![2] ? indent + Number(match![2]) : -1;
    for (; this.index < this.end; this.index += 1) {
      const line = this.lines[this.index]!;
      const at = this.indents[this.index]!;
      if (at === line.length) {
        // An empty line (spaces only) belongs to the block; longer than its indentation, it is content.
        if (content === -1 && at > indent + 1) giveUp();
        lines.push(content !== -1 && at > content ? line.slice(content) : '');
        continue;
      }
      if (content === -1) {
        if (at <= indent) break;
        content = at;
      }
      if (at < content) break;
      lines.push(line.slice(content));
    }
    if (content === -1 || content === 0) giveUp();
    let last = lines.length;
    while (last > 0 && lines[last - 1] === '') last -= 1;
    if (last === 0) giveUp();
    const body = lines.slice(0, last).join('\n');
    if (chomp === '-') return body;
    if (chomp === '+') return `${body}\n${'\n'.repeat(lines.length - last)}`;
    return `${body}\n`;
  }
}

function indentOf(line: string): number {
  let at = 0;
  while (at < line.length && line.charCodeAt(at) === SPACE) at += 1;
  return at;
}

const isSequenceEntry = (line: string, at: number) => line.charCodeAt(at) === 45 /* - */ && (at + 1 === line.length || line.charCodeAt(at + 1) === SPACE);

/** Where the implicit key starting at `from` ends (its colon), or -1 when the line has none there. */
function keyEnd(line: string, from: number): number {
  const first = line.charCodeAt(from);
  if (first === 34 || first === 39) {
    const close = first === 34 ? closingDoubleQuote(line, from) : closingSingleQuote(line, from);
    return close !== -1 && line.charCodeAt(close + 1) === 58 /* : */ && (close + 2 === line.length || line.charCodeAt(close + 2) === SPACE) ? close + 1 : -1;
  }
  for (let at = line.indexOf(':', from); at !== -1; at = line.indexOf(':', at + 1)) {
    if (at + 1 === line.length || line.charCodeAt(at + 1) === SPACE) {
      const comment = line.indexOf(' #', from);
      return comment !== -1 && comment < at ? -1 : at;
    }
  }
  return -1;
}

/** The key of a mapping line, from `at` to its colon. */
function keyAt(line: string, at: number, colon: number): string {
  const first = line.charCodeAt(at);
  let key: Value;
  if (first === 34) key = doubleQuoted(line, at, colon - 1);
  else if (first === 39) key = singleQuoted(line, at, colon - 1);
  else {
    let end = colon;
    while (end > at && line.charCodeAt(end - 1) === SPACE) end -= 1;
    const plain = line.slice(at, end);
    if (!isPlainStart(plain)) giveUp();
    key = plainValue(plain);
  }
  return typeof key === 'string' ? key : giveUp();
}

/** Whether only spaces, then nothing or a comment separated by a space, follow `from`. */
function onlyComment(line: string, from: number): boolean {
  if (from === line.length) return true;
  if (line.charCodeAt(from) !== SPACE) return false;
  let at = from;
  while (at < line.length && line.charCodeAt(at) === SPACE) at += 1;
  return at === line.length || line.charCodeAt(at) === 35;
}

/** Indicators that cannot start a plain scalar (or that we leave to the full reader). */
function isPlainStart(text: string): boolean {
  if (text === '') return false;
  const first = text[0]!;
  if (',[]{}#&*!|>\'"%@`'.includes(first)) return false;
  if ('-?:'.includes(first) && (text.length === 1 || text.charCodeAt(1) === SPACE)) return false;
  return true;
}

function closingDoubleQuote(line: string, open: number): number {
  for (let at = open + 1; at < line.length; at += 1) {
    const code = line.charCodeAt(at);
    if (code === 92 /* \ */) at += 1;
    else if (code === 34) return at;
  }
  return -1;
}

function closingSingleQuote(line: string, open: number): number {
  for (let at = open + 1; at < line.length; at += 1) {
    if (line.charCodeAt(at) !== 39) continue;
    if (line.charCodeAt(at + 1) === 39) at += 1;
    else return at;
  }
  return -1;
}

/** A one-line double-quoted scalar from `open` to `close`, using JSON's escapes only (YAML's others: the full reader). */
function doubleQuoted(line: string, open: number, close: number): string {
  if (closingDoubleQuote(line, open) !== close) giveUp();
  const body = line.slice(open + 1, close);
  if (!body.includes('\\')) return body;
  if (/\\[^"\\/bfnrtu]/.test(body)) giveUp();
  try {
    return JSON.parse(`"${body}"`) as string;
  } catch {
    return giveUp();
  }
}

function singleQuoted(line: string, open: number, close: number): string {
  if (closingSingleQuote(line, open) !== close) giveUp();
  const body = line.slice(open + 1, close);
  return body.includes("''") ? body.replaceAll("''", "'") : body;
}
