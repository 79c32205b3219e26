import { celViolations, validateObject } from '@gitops/k8s-schemas';
import { nameViolations, removedApi, sizeViolations } from './api-rules';
import type { Finding } from './findings';
import { objectRef } from './findings';

/** Every object against its strict schema; an object with no schema is an error unless its kind is skipped. */
export function schemaFindings(
  checked: ReadonlyArray<{ object: Record<string, unknown>; file?: string }>,
  skipKinds: readonly string[] = [],
): { findings: Finding[]; objects: Record<string, number> } {
  const findings: Finding[] = [];
  const objects: Record<string, number> = {};
  for (const { object, file } of checked) {
    const kind = String(object['kind']);
    const apiVersion = String(object['apiVersion']);
    objects[kind] = (objects[kind] ?? 0) + 1;
    const ref = objectRef(object);
    const located = { ...(file && { file }), ...(ref && { object: ref }) };
    const result = validateObject(object);
    for (const violation of [...nameViolations(object), ...sizeViolations(object)]) {
      findings.push({ check: 'schema', severity: 'error', ...located, ...violation });
    }
    if (result === 'no-schema') {
      const removed = removedApi(apiVersion, kind);
      if (removed) {
        findings.push({ check: 'schema', severity: 'error', ...located, path: 'apiVersion', message: `${apiVersion} ${kind} is a removed API version, no longer served by ${removed.since}`, fix: `use ${removed.use} (check the field changes of that version)` });
        continue;
      }
      if (skipKinds.includes(`${apiVersion}/${kind}`)) continue;
      findings.push({ check: 'schema', severity: 'error', ...located, message: `no schema for ${apiVersion} ${kind}`, fix: 'generate its schema (tools/codegen), fix apiVersion/kind, or skip the kind explicitly (--skip-kind)' });
      continue;
    }
    for (const violation of result) {
      findings.push({ check: 'schema', severity: 'error', ...located, path: violation.path, message: violation.message, fix: 'fix the field to match the API schema' });
    }
    // The CRD's CEL rules, as the API server evaluates them on create (after the schema).
    for (const violation of celViolations(object)) {
      findings.push({ check: 'schema', severity: 'error', ...located, path: violation.path, message: violation.message, fix: 'satisfy the rule: the API server rejects the object otherwise' });
    }
  }
  const sorted = Object.fromEntries(Object.entries(objects).sort(([a], [b]) => a.localeCompare(b)));
  return { findings, objects: sorted };
}
