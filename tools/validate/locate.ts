import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, Scalar, type Document, type Node } from 'yaml';
import type { Finding, ObjectRef } from './findings';

interface SourceText {
  text: string;
  documents: Document.Parsed[];
  lines: LineCounter;
}

/** `spec.egress[2].ports[0].port`, `metadata.annotations["a/b"]` -> keys and indexes. */
export function pathSegments(path: string): Array<string | number> {
  return [...path.matchAll(/\["((?:[^"\\]|\\.)*)"\]|\[(\d+)\]|([^.[\]]+)/g)].map(([, quoted, index, key]) =>
    quoted !== undefined ? JSON.parse(`"${quoted}"`) : index !== undefined ? Number(index) : key!,
  );
}

/**
 * Gives each finding with a file and a field path the line and column of that field in the file
 * (or of its deepest ancestor there), and for a line inside a configuration block, that line.
 */
export function locateFindings(findings: readonly Finding[], repoRoot: string): Finding[] {
  const sources = new Map<string, SourceText | undefined>();
  const source = (file: string) => {
    if (!sources.has(file)) sources.set(file, readSource(join(repoRoot, file)));
    return sources.get(file);
  };
  return findings.map((finding) => {
    if (!finding.file || finding.line !== undefined || (!finding.path && !finding.object)) return finding;
    const parsed = source(finding.file);
    const document = parsed && documentOf(parsed.documents, finding.object);
    if (!parsed || !document) return finding;
    const node = deepestNode(document, pathSegments(finding.path ?? ''), finding.textLine !== undefined);
    if (!node?.range) return finding;
    const at = parsed.lines.linePos(node.range[0]);
    if (finding.textLine !== undefined && isScalar(node)) {
      // By content first (folded blocks); a line Flux substitution changed, by its number in a literal block.
      const line =
        lineInText(parsed.text.split('\n'), at.line, finding.textLine) ??
        (node.type === Scalar.BLOCK_LITERAL ? literalLine(parsed.text.split('\n'), at.line, finding.textLine.number) : undefined);
      if (line !== undefined) {
        const text = parsed.text.split('\n')[line - 1]!;
        return { ...finding, line, column: text.length - text.trimStart().length + 1 };
      }
    }
    return { ...finding, line: at.line, column: at.col };
  });
}

/**
 * The file line holding a line of a text block that starts at `startLine`, looked up by its content
 * (the n-th occurrence): literal blocks (`|`, as render writes) and folded ones (`>`) alike.
 */
function lineInText(fileLines: readonly string[], startLine: number, { content, occurrence }: { content: string; occurrence: number }): number | undefined {
  if (content.includes('${')) return undefined;
  let remaining = occurrence;
  for (let index = startLine - 1; index < fileLines.length; index += 1) {
    if (fileLines[index]!.trim() === content && --remaining === 0) return index + 1;
  }
  return undefined;
}

/** Line `number` of a literal block whose node starts on `startLine` (its header or its first line). */
function literalLine(fileLines: readonly string[], startLine: number, number: number): number {
  const header = /[|>][-+0-9]*\s*(#.*)?$/.test(fileLines[startLine - 1] ?? '');
  return startLine + number - (header ? 0 : 1);
}

function readSource(path: string): SourceText | undefined {
  try {
    const text = readFileSync(path, 'utf8');
    const lines = new LineCounter();
    return { text, documents: parseAllDocuments(text, { version: '1.1', lineCounter: lines, uniqueKeys: false }) as Document.Parsed[], lines };
  } catch {
    return undefined;
  }
}

/** The document declaring the object (by kind and name, and namespace when the file gives one). */
function documentOf(documents: readonly Document.Parsed[], ref: ObjectRef | undefined): Document.Parsed | undefined {
  if (!ref) return documents.length === 1 ? documents[0] : undefined;
  return documents.find((document) => {
    const kind = document.get('kind');
    const name = document.getIn(['metadata', 'name']);
    const namespace = document.getIn(['metadata', 'namespace']);
    return kind === ref.kind && name === ref.name && (namespace === undefined || ref.namespace === undefined || namespace === ref.namespace);
  });
}

/**
 * The node at `segments`, or the deepest one on the way there. A field is found at its key (where
 * an editor should put the cursor), except a text block asked for a line inside it.
 */
function deepestNode(document: Document.Parsed, segments: ReadonlyArray<string | number>, wantValue: boolean): Node | undefined {
  let node = document.contents as Node | null;
  let found: Node | undefined = node ?? undefined;
  for (const [index, segment] of segments.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) break;
      node = pair.value as Node | null;
      found = wantValue && index === segments.length - 1 && node ? node : (pair.key as Node);
    } else if (isSeq(node) && typeof segment === 'number') {
      node = (node.items[segment] as Node | undefined) ?? null;
      if (!node) break;
      found = node;
    } else {
      break;
    }
  }
  return found;
}
