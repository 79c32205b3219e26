/**
 * The CRDs' CEL validation rules (x-kubernetes-validations), evaluated as the API server does on
 * create: `self` is the value at the rule's place in the object, for every list item or map value
 * under a `*`. Transition rules (those reading `oldSelf`) need the stored object and are skipped.
 */
import { celEnv, celError, isCelError, parse, plan } from '@bufbuild/cel';
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

type Program = (bindings: Record<string, unknown>) => unknown;
const programs = new Map<string, Program>();

/** Each rule is parsed and planned once (run() would do both on every call); errors are values. */
function program(rule: string): Program {
  let compiled = programs.get(rule);
  if (!compiled) {
    try {
      const planned = plan(celEnv(), parse(rule)) as unknown as Program;
      compiled = (bindings) => {
        try {
          return planned(bindings);
        } catch (error) {
          return celError(error);
        }
      };
    } catch (error) {
      const failure = celError(error);
      compiled = () => failure;
    }
    programs.set(rule, compiled);
  }
  return compiled;
}

/** Every failed CEL rule of the object's CRD; a rule that cannot be evaluated says so. */
export function celViolations(object: { apiVersion?: unknown; kind?: unknown; [field: string]: unknown }): SchemaViolation[] {
  const rules = CEL_RULES[`${String(object?.apiVersion)}/${String(object?.kind)}`] ?? [];
  const violations: SchemaViolation[] = [];
  for (const rule of rules) {
    if (isTransitionRule(rule)) continue;
    for (const { value, at } of valuesAt(object, rule.path)) {
      const result = program(rule.rule)({ self: toCel(value) });
      const path = rule.fieldPath ? `${at}${rule.fieldPath}` : at;
      if (result === true) continue;
      violations.push({
        path,
        message:
          result === false
            ? `${rule.message ?? `failed rule: ${rule.rule}`} (CEL rule \`${rule.rule}\`)`
            : `CEL rule \`${rule.rule}\` could not be evaluated: ${isCelError(result) ? result.message : String(result)}`,
      });
    }
  }
  return violations;
}
