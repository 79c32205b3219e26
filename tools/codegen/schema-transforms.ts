/**
 * Turns upstream OpenAPI (Kubernetes swagger definitions, CRD openAPIV3Schema) into JSON schemas
 * that json-schema-to-typescript compiles into closed TypeScript types.
 */

export type SchemaNode = { [key: string]: unknown };

/** A schema object (not a list, not a scalar). */
export const isNode = (value: unknown): value is SchemaNode =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Upstream prose stays upstream: generated code carries no descriptions. */
const DROPPED_KEYS = new Set(['description', 'example', 'x-kubernetes-validations']);
/**
 * Conditions and explanations of our values schema: types say which keys exist and their shapes;
 * conditions between values are validate's (the compiled schema's) to check.
 */
const CONDITION_KEYS = new Set(['if', 'then', 'else', 'not', 'propertyNames', 'x-message', 'x-fix']);
/** `{ not: {} }`: a key that exists only to be refused with an explanation. */
const refused = (node: unknown): boolean => isNode(node) && isNode(node['not']) && Object.keys(node['not']).length === 0;

/** Kubernetes encodes these as strings but accepts numbers too (e.g. `port: 53`, `cpu: 1`). */
const NUMBER_OR_STRING = { tsType: 'number | string' };

export interface TransformOptions {
  /** Rewrites a `$ref` (already in `#/definitions/<name>` form) to the node that replaces it. */
  ref: (ref: string) => SchemaNode;
}

/**
 * Recursively closes every object that declares properties (so a misspelt field fails `tsc`),
 * keeps objects marked `x-kubernetes-preserve-unknown-fields` open, and maps int-or-string.
 */
export function toTypeSchema(node: unknown, options: TransformOptions): unknown {
  if (Array.isArray(node)) return node.map((item) => toTypeSchema(item, options));
  if (!isNode(node)) return node;

  if (typeof node['$ref'] === 'string') return options.ref(node['$ref']);
  if (refused(node)) return { tsType: 'never' };
  if (node['x-kubernetes-int-or-string'] === true || node['format'] === 'int-or-string') {
    return { ...NUMBER_OR_STRING };
  }

  const out: SchemaNode = {};
  for (const [key, value] of Object.entries(node)) {
    if (DROPPED_KEYS.has(key) || CONDITION_KEYS.has(key) || key.startsWith('x-kubernetes-')) continue;
    if (key === 'properties' && isNode(value)) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, child]) => [name, toTypeSchema(child, options)]),
      );
    } else {
      out[key] = toTypeSchema(value, options);
    }
  }

  // An `allOf` whose other members were only conditions is its remaining member.
  if (Array.isArray(out['allOf'])) {
    const members = (out['allOf'] as unknown[]).filter((member) => !isNode(member) || Object.keys(member).some((key) => key !== '$comment'));
    if (members.length === 0) delete out['allOf'];
    else out['allOf'] = members;
  }

  const preserveUnknown = node['x-kubernetes-preserve-unknown-fields'] === true;
  if (preserveUnknown && out['additionalProperties'] === undefined) {
    out['additionalProperties'] = true;
  } else if (isNode(out['properties']) && out['additionalProperties'] === undefined) {
    out['additionalProperties'] = false;
  }
  return out;
}
