/**
 * The merge keys of Kubernetes lists (`x-kubernetes-list-map-keys`, else
 * `x-kubernetes-patch-merge-key`), from the OpenAPI document, for the manifest diff: list entries
 * are matched by them, so a reordering is not a change. Only the definitions and fields that lead
 * to a keyed list are kept, which keeps the table small.
 */
import { definitionName, groupVersionKind, type OpenApiDocument } from './openapi';
import type { SchemaNode } from './schema-transforms';
import type { MergeKeyField, MergeKeyTable } from '../../libs/manifest-diff/src/merge-key-table';


const PREFIX = 'io.k8s.';
const short = (name: string) => (name.startsWith(PREFIX) ? name.slice(PREFIX.length) : name);

const refOf = (node: SchemaNode | undefined): string | undefined => {
  if (!node) return undefined;
  const ref = node['$ref'];
  if (typeof ref === 'string') return definitionName(ref);
  const allOf = node['allOf'];
  if (Array.isArray(allOf)) for (const part of allOf) if (typeof part?.['$ref'] === 'string') return definitionName(part['$ref'] as string);
  return undefined;
};

function keysOf(property: SchemaNode): string[] | undefined {
  const mapKeys = property['x-kubernetes-list-map-keys'];
  if (Array.isArray(mapKeys) && mapKeys.length > 0) return mapKeys.map(String);
  const mergeKey = property['x-kubernetes-patch-merge-key'];
  return typeof mergeKey === 'string' ? [mergeKey] : undefined;
}

export function mergeKeyTable(openApi: OpenApiDocument): MergeKeyTable {
  const raw = new Map<string, Record<string, { keys?: string[]; type?: string }>>();
  for (const [name, definition] of Object.entries(openApi.definitions)) {
    const fields: Record<string, { keys?: string[]; type?: string }> = {};
    const properties = (definition['properties'] ?? {}) as Record<string, SchemaNode>;
    for (const [field, property] of Object.entries(properties)) {
      // A map's values are not followed: the table's `type` is the field's own (or its items') definition.
      const element = property['type'] === 'array' ? (property['items'] as SchemaNode | undefined) : property;
      const keys = property['type'] === 'array' ? keysOf(property) : undefined;
      const type = refOf(element);
      if (keys || type) fields[field] = { ...(keys && { keys }), ...(type && { type: short(type) }) };
    }
    raw.set(short(name), fields);
  }
  // Keep only what leads to a keyed list (a fixed point over the reference graph).
  const useful = new Set<string>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const [name, fields] of raw) {
      if (useful.has(name)) continue;
      if (Object.values(fields).some((field) => field.keys || (field.type && useful.has(field.type)))) {
        useful.add(name);
        changed = true;
      }
    }
  }
  const definitions: Record<string, Record<string, MergeKeyField>> = {};
  for (const name of [...useful].sort()) {
    const kept: Record<string, { keys?: string[]; type?: string }> = {};
    for (const [field, value] of Object.entries(raw.get(name)!).sort(([a], [b]) => a.localeCompare(b))) {
      const type = value.type && useful.has(value.type) ? value.type : undefined;
      if (value.keys || type) kept[field] = { ...(value.keys && { keys: value.keys }), ...(type && { type }) };
    }
    definitions[name] = kept;
  }
  const kinds: Record<string, string> = {};
  for (const [name, definition] of Object.entries(openApi.definitions).sort(([a], [b]) => a.localeCompare(b))) {
    const gvk = groupVersionKind(definition);
    if (!gvk || !useful.has(short(name))) continue;
    // One definition per group/kind: the versions of a kind share their list semantics; the
    // stable version (no alpha/beta) is preferred.
    const key = `${gvk.group}/${gvk.kind}`;
    if (!kinds[key] || !/(alpha|beta)/.test(gvk.version)) kinds[key] = short(name);
  }
  return { kinds, definitions };
}
