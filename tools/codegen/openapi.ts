import { readFileSync } from 'node:fs';
import type { SchemaNode } from './schema-transforms';

export interface OpenApiDocument {
  definitions: Record<string, SchemaNode>;
}

export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

export const loadOpenApi = (file: string): OpenApiDocument =>
  JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument;

const DEFINITION_REF = '#/definitions/';

export const definitionName = (ref: string): string => {
  if (!ref.startsWith(DEFINITION_REF)) throw new Error(`codegen: unsupported $ref ${ref}`);
  return ref.slice(DEFINITION_REF.length);
};

/** Every definition reachable from `roots` through `$ref`, in a stable (sorted) order. */
export function reachableDefinitions(doc: OpenApiDocument, roots: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name)) return;
    const definition = doc.definitions[name];
    if (!definition) throw new Error(`codegen: definition ${name} is not in the OpenAPI document`);
    seen.add(name);
    collectRefs(definition).forEach(visit);
  };
  roots.forEach(visit);
  return [...seen].sort();
}

export function collectRefs(node: unknown, refs: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((item) => collectRefs(item, refs));
  else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') refs.push(definitionName(value));
      else collectRefs(value, refs);
    }
  }
  return refs;
}

/** `io.k8s.api.core.v1.ObjectMeta` -> `ObjectMeta`; collisions are an error, not a silent overwrite. */
export function shortNames(names: readonly string[]): Map<string, string> {
  const byShort = new Map<string, string>();
  for (const name of names) {
    const short = name.slice(name.lastIndexOf('.') + 1);
    const other = byShort.get(short);
    if (other) throw new Error(`codegen: ${name} and ${other} would both be named ${short}`);
    byShort.set(short, name);
  }
  return new Map([...byShort].map(([short, name]) => [name, short]));
}

export function groupVersionKind(definition: SchemaNode): GroupVersionKind | undefined {
  const gvks = definition['x-kubernetes-group-version-kind'] as GroupVersionKind[] | undefined;
  return gvks?.length === 1 ? gvks[0] : undefined;
}

export const apiVersionOf = ({ group, version }: Pick<GroupVersionKind, 'group' | 'version'>): string =>
  group ? `${group}/${version}` : version;
