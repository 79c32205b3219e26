import { validateObject } from '@gitops/k8s-schemas';
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
    if (result === 'no-schema') {
      if (skipKinds.includes(`${apiVersion}/${kind}`)) continue;
      findings.push({ check: 'schema', severity: 'error', ...located, message: `no schema for ${apiVersion} ${kind}`, fix: 'generate its schema (tools/codegen), fix apiVersion/kind, or skip the kind explicitly (--skip-kind)' });
      continue;
    }
    for (const violation of result) {
      findings.push({ check: 'schema', severity: 'error', ...located, path: violation.path, message: violation.message, fix: 'fix the field to match the API schema' });
    }
  }
  const sorted = Object.fromEntries(Object.entries(objects).sort(([a], [b]) => a.localeCompare(b)));
  return { findings, objects: sorted };
}
