/**
 * In-process validation of Kubernetes objects and of our chart values against the strict JSON
 * Schemas committed under `schemas/` (kubeconform -strict semantics), using Ajv validators compiled
 * ahead of time by tools/codegen (`src/generated/`, do not edit).
 */
import type { ErrorObject } from 'ajv';
import { FLUENT_BIT_CHART_VALUES, KIND_SCHEMAS, type SchemaExplanation } from './generated/catalog';
import type { Validator } from './generated/validators.js';

export interface SchemaViolation {
  /** JSON-pointer-ish dotted path, e.g. spec.egress[0].ports[0].port; '' is the object itself. */
  path: string;
  message: string;
  /** From the schema's `x-message`: why the value fails, in the terms of what consumes it. */
  explanation?: string;
  /** From the schema's `x-fix`: what to write instead. */
  fix?: string;
}

/** Every `apiVersion/kind` that has a schema, sorted. */
export const KNOWN_KINDS: readonly string[] = Object.freeze(Object.keys(KIND_SCHEMAS).sort());

/** The committed schema file (relative to the workspace root) for an `apiVersion/kind`, if any. */
export function schemaPathOf(apiVersion: string, kind: string): string | undefined {
  return KIND_SCHEMAS[`${apiVersion}/${kind}`]?.schema;
}

export { celViolations } from './cel';

/** 'no-schema' when we generate none for that apiVersion/kind. */
export function validateObject(object: { apiVersion?: unknown; kind?: unknown }): SchemaViolation[] | 'no-schema' {
  const { apiVersion, kind } = object ?? {};
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return 'no-schema';
  const entry = Object.hasOwn(KIND_SCHEMAS, `${apiVersion}/${kind}`) ? KIND_SCHEMAS[`${apiVersion}/${kind}`] : undefined;
  return entry ? run(entry.validate, object) : 'no-schema';
}

/** Our fluent-bit chart 0.58.1 values (libs/fluent-bit-values/schema/chart-values.schema.json, closed). */
export function validateFluentBitChartValues(values: unknown): SchemaViolation[] {
  return run(FLUENT_BIT_CHART_VALUES.validate, values, FLUENT_BIT_CHART_VALUES.explanations);
}

function run(validate: Validator, data: unknown, explanations: readonly SchemaExplanation[] = []): SchemaViolation[] {
  if (validate(data)) return [];
  // A failed `if` reports itself beside the failing `then`/`else` branch, and a failed
  // `propertyNames` beside the failure of each name (which carries the name): those say more.
  const errors = collapseAlternatives(validate.errors ?? []).filter((e) => e.keyword !== 'if' && e.keyword !== 'propertyNames');
  const seen = new Set<string>();
  const violations: SchemaViolation[] = [];
  for (const error of errors) {
    const explained = explanationOf(error, explanations);
    const violation = { ...describe(error, data), ...(explained?.message && { explanation: explained.message }), ...(explained?.fix && { fix: explained.fix }) };
    const key = `${violation.path}\u0000${violation.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    violations.push(violation);
  }
  return violations;
}

/**
 * The innermost annotation whose node produced the error: the error's keyword belongs to that node
 * (or, for a string annotation, to a node under it) and its value is the one the node validates
 * (see tools/codegen `schemaExplanations`).
 */
function explanationOf(error: ErrorObject, explanations: readonly SchemaExplanation[]): SchemaExplanation | undefined {
  const node = error.schemaPath.slice(0, error.schemaPath.lastIndexOf('/'));
  const instance = pointerSegments(error.instancePath);
  let best: SchemaExplanation | undefined;
  for (const explanation of explanations) {
    const applies = explanation.keyword === undefined
      ? node === explanation.schemaPath || node.startsWith(`${explanation.schemaPath}/`)
      : node === explanation.schemaPath && error.keyword === explanation.keyword;
    if (!applies || explanation.instancePath.length > instance.length) continue;
    if (!explanation.instancePath.every((segment, i) => segment === '*' || segment === instance[i])) continue;
    if (!best || explanation.schemaPath.length >= best.schemaPath.length) best = explanation;
  }
  return best;
}

/**
 * With allErrors, a failed anyOf/oneOf reports every branch's errors and then itself; the branch
 * errors (schemaPath under the combinator's) are noise, the combinator's own error is the finding.
 */
function collapseAlternatives(errors: readonly ErrorObject[]): ErrorObject[] {
  const combinators = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  if (combinators.length === 0) return [...errors];
  return errors.filter(
    (e) => !combinators.some((c) => c !== e && e.schemaPath.startsWith(`${c.schemaPath}/`) && e.instancePath.startsWith(c.instancePath)),
  );
}

const pointerSegments = (pointer: string): string[] =>
  pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** `/spec/egress/0/ports/0/port` -> `spec.egress[0].ports[0].port` (indexes only where the data is an array). */
function dottedPath(data: unknown, segments: readonly string[]): string {
  let path = '';
  let node: unknown = data;
  for (const segment of segments) {
    if (Array.isArray(node) && /^\d+$/.test(segment)) path += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) path += path === '' ? segment : `.${segment}`;
    else path += `[${JSON.stringify(segment)}]`;
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[segment] : undefined;
  }
  return path;
}

function valueAt(data: unknown, segments: readonly string[]): unknown {
  let node = data;
  for (const segment of segments) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[segment] : undefined;
  }
  return node;
}

const typeOf = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;

/** A short rendering of a value for messages: `"8427"`, `42`, `object`, `array`. */
function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'object' && value !== null) return Array.isArray(value) ? `an array` : 'an object';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** `string "8427"`, `integer 7`, `null`, `an object`. */
const gotValue = (value: unknown): string =>
  value === null || value === undefined || typeof value === 'object' ? show(value) : `${typeOf(value)} ${show(value)}`;

const QUANTITY_HINT = /Ki\|Mi|\[KMGTPE\]i/;

function describe(error: ErrorObject, data: unknown): SchemaViolation {
  // A `propertyNames` failure is about the name of a field of the object at instancePath.
  const name = error.propertyName;
  const segments = [...pointerSegments(error.instancePath), ...(name === undefined ? [] : [name])];
  const value = name ?? valueAt(data, segments);
  const params = error.params as Record<string, unknown>;
  const at = (extra?: string): string => dottedPath(data, extra === undefined ? segments : [...segments, extra]);

  switch (error.keyword) {
    case 'additionalProperties': {
      const field = String(params['additionalProperty']);
      return { path: at(field), message: `unknown field \`${field}\`` };
    }
    case 'required': {
      const field = String(params['missingProperty']);
      return { path: at(field), message: `missing required field \`${field}\`` };
    }
    case 'type': {
      // Optional fields accept null as "not set"; naming it in every message would only distract.
      const types = ([] as unknown[]).concat(params['type']);
      const expected = (types.length > 1 ? types.filter((type) => type !== 'null') : types).join(' or ');
      return { path: at(), message: `expected ${expected}, got ${gotValue(value)}` };
    }
    case 'enum': {
      const values = params['allowedValues'] as unknown[];
      const allowed = (values.length > 1 ? values.filter((v) => v !== null) : values).map((v) => JSON.stringify(v)).join(', ');
      return { path: at(), message: `expected one of ${allowed}, got ${show(value)}` };
    }
    case 'const':
      return { path: at(), message: `expected ${JSON.stringify(params['allowedValue'])}, got ${show(value)}` };
    case 'pattern': {
      const pattern = String(params['pattern']);
      return QUANTITY_HINT.test(pattern)
        ? { path: at(), message: `expected a Kubernetes quantity (e.g. 500m, 128Mi, 2), got ${show(value)}` }
        : { path: at(), message: `expected a string matching /${pattern}/, got ${show(value)}` };
    }
    case 'minLength':
    case 'maxLength': {
      const length = typeof value === 'string' ? [...value].length : undefined;
      const bound = error.keyword === 'minLength' ? 'at least' : 'at most';
      return { path: at(), message: `expected ${bound} ${String(params['limit'])} characters, got ${length ?? '?'}` };
    }
    case 'minItems':
    case 'maxItems': {
      const bound = error.keyword === 'minItems' ? 'at least' : 'at most';
      const count = Array.isArray(value) ? value.length : '?';
      return { path: at(), message: `expected ${bound} ${String(params['limit'])} items, got ${count}` };
    }
    case 'minProperties':
    case 'maxProperties': {
      const bound = error.keyword === 'minProperties' ? 'at least' : 'at most';
      const count = typeof value === 'object' && value !== null ? Object.keys(value).length : '?';
      return { path: at(), message: `expected ${bound} ${String(params['limit'])} fields, got ${count}` };
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { path: at(), message: `expected ${String(params['comparison'])} ${String(params['limit'])}, got ${show(value)}` };
    case 'multipleOf':
      return { path: at(), message: `expected a multiple of ${String(params['multipleOf'])}, got ${show(value)}` };
    case 'uniqueItems':
      return {
        path: at(),
        message: `expected unique items, items ${String(params['j'])} and ${String(params['i'])} are equal`,
      };
    case 'anyOf':
    case 'oneOf':
      return Array.isArray(params['passingSchemas'])
        ? { path: at(), message: `${show(value)} matches more than one of the allowed shapes (oneOf)` }
        : { path: at(), message: `${show(value)} matches none of the allowed shapes (${error.keyword})` };
    case 'not':
      return { path: at(), message: `${show(value)} is not allowed here` };
    default:
      return { path: at(), message: `fails ${error.keyword} ${JSON.stringify(params)}` };
  }
}
