/**
 * The CRDs' CEL validation rules (x-kubernetes-validations), evaluated as the API server does on
 * create: `self` is the value at the rule's place in the object, for every list item or map value
 * under a `*`. Transition rules (those reading `oldSelf`) need the stored object and are skipped.
 */
import { run } from '@bufbuild/cel';
import { CEL_RULES, type CelRule } from './generated/cel-rules';
import type { SchemaViolation } from './index';

/** CEL has maps, lists, ints and doubles: a JSON whole number is an int, as Kubernetes reads it. */
function toCel(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toCel);
  if (value !== null && typeof value === 'object') return new Map(Object.entries(value).map(([key, item]) => [key, toCel(item)]));
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
  return value;
}

/** The values at `path` (expanding `*`), each with its dotted path for findings. */
function valuesAt(root: unknown, path: readonly string[]): Array<{ value: unknown; at: string }> {
  let current: Array<{ value: unknown; at: string }> = [{ value: root, at: '' }];
  for (const segment of path) {
    const next: Array<{ value: unknown; at: string }> = [];
    for (const { value, at } of current) {
      if (value === null || typeof value !== 'object') continue;
      if (segment === '*') {
        if (Array.isArray(value)) value.forEach((item, index) => next.push({ value: item, at: `${at}[${index}]` }));
        else for (const [key, item] of Object.entries(value)) next.push({ value: item, at: at ? `${at}.${key}` : key });
      } else if (Object.hasOwn(value, segment) && (value as Record<string, unknown>)[segment] !== null) {
        next.push({ value: (value as Record<string, unknown>)[segment], at: at ? `${at}.${segment}` : segment });
      }
    }
    current = next;
  }
  return current;
}

const isTransitionRule = (rule: CelRule) => /\boldSelf\b/.test(rule.rule);

/** Every failed CEL rule of the object's CRD; a rule that cannot be evaluated says so. */
export function celViolations(object: { apiVersion?: unknown; kind?: unknown }): SchemaViolation[] {
  const rules = CEL_RULES[`${String(object?.apiVersion)}/${String(object?.kind)}`] ?? [];
  const violations: SchemaViolation[] = [];
  for (const rule of rules) {
    if (isTransitionRule(rule)) continue;
    for (const { value, at } of valuesAt(object, rule.path)) {
      let result: unknown;
      try {
        result = run(rule.rule, { self: toCel(value) } as never);
      } catch (error) {
        result = error;
      }
      const path = rule.fieldPath ? `${at}${rule.fieldPath}` : at;
      if (result === true) continue;
      violations.push({
        path,
        message:
          result === false
            ? `${rule.message ?? `failed rule: ${rule.rule}`} (CEL rule \`${rule.rule}\`)`
            : `CEL rule \`${rule.rule}\` could not be evaluated: ${result instanceof Error ? result.message : String(result)}`,
      });
    }
  }
  return violations;
}
