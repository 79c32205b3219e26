/**
 * The CEL validation rules of CustomResourceDefinitions (`x-kubernetes-validations`), with where
 * each applies: the API server evaluates them on create and update, JSON Schema cannot express them.
 */
import { isNode, type SchemaNode } from './schema-transforms';

export interface CelRule {
  /** Property names from the object's root; `*` for every list item or map value. */
  path: string[];
  rule: string;
  message?: string;
  /** Where the API server reports the failure, relative to `path` (e.g. `.spec.chart`). */
  fieldPath?: string;
}


/** Every rule in a structural schema, depth first, in the schema's order. */
export function celRulesOf(schema: SchemaNode, path: string[] = []): CelRule[] {
  const rules: CelRule[] = [];
  const own = schema['x-kubernetes-validations'];
  if (Array.isArray(own)) {
    for (const entry of own as Array<{ rule?: unknown; message?: unknown; fieldPath?: unknown }>) {
      if (typeof entry.rule !== 'string') continue;
      rules.push({
        path,
        rule: entry.rule,
        ...(typeof entry.message === 'string' && { message: entry.message }),
        ...(typeof entry.fieldPath === 'string' && { fieldPath: entry.fieldPath }),
      });
    }
  }
  const properties = schema['properties'];
  if (isNode(properties)) {
    for (const [name, child] of Object.entries(properties)) if (isNode(child)) rules.push(...celRulesOf(child, [...path, name]));
  }
  for (const key of ['items', 'additionalProperties']) {
    const child = schema[key];
    if (isNode(child)) rules.push(...celRulesOf(child, [...path, '*']));
  }
  return rules;
}

/** The generated module: rules keyed by `apiVersion/kind`. */
export function celRulesModule(header: string, entries: ReadonlyArray<[string, CelRule[]]>): string {
  const sorted = [...entries].filter(([, rules]) => rules.length > 0).sort(([a], [b]) => (a < b ? -1 : 1));
  return [
    header,
    '',
    'export interface CelRule {',
    '  /** Property names from the object root; `*` for every list item or map value. */',
    '  path: readonly string[];',
    '  rule: string;',
    '  message?: string;',
    '  fieldPath?: string;',
    '}',
    '',
    '/** The CRDs\' x-kubernetes-validations, keyed by `apiVersion/kind`. */',
    'export const CEL_RULES: Readonly<Record<string, readonly CelRule[]>> = {',
    ...sorted.map(([key, rules]) => `  ${JSON.stringify(key)}: ${JSON.stringify(rules)},`),
    '};',
    '',
  ].join('\n');
}
