import { LineCounter, parseAllDocuments } from 'yaml';

export interface ParsedDocuments {
  objects: Record<string, unknown>[];
  /** Syntax problems and duplicate keys (which Kubernetes tooling resolves silently). */
  errors: Array<{ line: number; message: string }>;
}

/** Parses a multi-document YAML stream as Kubernetes tooling reads it (YAML 1.1), rejecting duplicate keys. */
export function parseDocuments(text: string): ParsedDocuments {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { version: '1.1', uniqueKeys: true, lineCounter, prettyErrors: false });
  const errors: ParsedDocuments['errors'] = [];
  const objects: Record<string, unknown>[] = [];
  for (const document of Array.isArray(documents) ? documents : [documents]) {
    for (const error of document.errors) {
      const line = lineCounter.linePos(error.pos[0]).line;
      errors.push({ line, message: error.message.split('\n')[0]! });
    }
    if (document.errors.length > 0) continue;
    const value = document.toJS({ maxAliasCount: 100 }) as unknown;
    if (value !== null && value !== undefined) objects.push(value as Record<string, unknown>);
  }
  return { objects, errors };
}
