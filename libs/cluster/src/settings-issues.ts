import type { ErrorObject, ValidateFunction } from 'ajv';

/** One thing wrong with a cluster's settings. */
export interface SettingsIssue {
  /** Dotted path of the field, e.g. `apiServer.port` or `apps["observability/fluent-bit"].logSink.vmauth.port`. */
  path: string;
  value: unknown;
  expected: string;
}

export class ClusterSettingsError extends Error {
  constructor(
    /** The cluster and its definition file, e.g. `"infra" (clusters/infra/cluster.ts)`. */
    readonly cluster: string,
    readonly issues: readonly SettingsIssue[],
  ) {
    super(
      [
        `invalid settings for cluster ${cluster}:`,
        ...issues.map(
          ({ path, value, expected }) =>
            `  ${path || '(settings)'}: got ${value === undefined ? 'nothing' : JSON.stringify(value)}, expected ${expected}`,
        ),
      ].join('\n'),
    );
    this.name = 'ClusterSettingsError';
  }
}

/** The issues under `prefix`: an app's options are checked on their own, then located in the cluster. */
export const issuesUnder = (prefix: string, issues: readonly SettingsIssue[]): SettingsIssue[] =>
  issues.map((issue) => ({ ...issue, path: issue.path ? `${prefix}.${issue.path}` : prefix }));

/** Checks `input` against a compiled JSON Schema; one issue per field, in the schema's words. */
export function schemaIssues(validate: ValidateFunction, input: unknown): SettingsIssue[] {
  return validate(input) ? [] : describeErrors(validate.errors ?? []);
}

const dotted = (instancePath: string): string =>
  instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, segment) => (/^\d+$/.test(segment) ? `${path}[${segment}]` : path ? `${path}.${segment}` : segment), '');

/** Ajv's errors in the user's terms: one issue per field, with the schema's description. */
function describeErrors(errors: readonly ErrorObject[]): SettingsIssue[] {
  const issues = new Map<string, SettingsIssue>();
  for (const error of pickOneOfBranches(errors)) {
    const base = dotted(error.instancePath);
    let issue: SettingsIssue;
    if (error.keyword === 'required') {
      const field = (error.params as { missingProperty: string }).missingProperty;
      const path = base ? `${base}.${field}` : field;
      const described = (error.parentSchema as { properties?: Record<string, { description?: string }> })
        ?.properties?.[field]?.description;
      issue = { path, value: undefined, expected: `a value (required setting)${described ? `: ${described}` : ''}` };
    } else if (error.keyword === 'additionalProperties') {
      const field = (error.params as { additionalProperty: string }).additionalProperty;
      const known = Object.keys((error.parentSchema as { properties?: object }).properties ?? {});
      issue = {
        path: base ? `${base}.${field}` : field,
        value: (error.data as Record<string, unknown>)[field],
        expected: `no such setting (unknown key; known here: ${known.join(', ')})`,
      };
    } else {
      const described = (error.parentSchema as { description?: string } | undefined)?.description;
      issue = { path: base, value: error.data, expected: described ?? expectedFrom(error) };
    }
    if (!issues.has(issue.path)) issues.set(issue.path, issue);
  }
  return [...issues.values()];
}

/** What the schema wanted, in words, where it gives no description. */
function expectedFrom(error: ErrorObject): string {
  const params = error.params as { allowedValue?: unknown; allowedValues?: unknown[]; type?: string };
  switch (error.keyword) {
    case 'const':
      return JSON.stringify(params.allowedValue);
    case 'enum':
      return `one of ${params.allowedValues?.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'type':
      return `a value of type ${params.type}`;
    default:
      return error.message ?? 'a valid value';
  }
}

/**
 * For a failed `oneOf`, keep only the errors of the branch the input most likely meant: not a
 * branch whose discriminating `const` failed, and then the one with the fewest errors.
 */
function pickOneOfBranches(errors: readonly ErrorObject[]): ErrorObject[] {
  const failedOneOf = errors.filter((error) => error.keyword === 'oneOf');
  let kept = errors.filter((error) => error.keyword !== 'oneOf');
  for (const oneOf of failedOneOf) {
    const prefix = `${oneOf.schemaPath}/`;
    const branches = new Map<string, ErrorObject[]>();
    for (const error of kept) {
      if (!error.schemaPath.startsWith(prefix)) continue;
      const branch = error.schemaPath.slice(prefix.length).split('/')[0]!;
      branches.set(branch, [...(branches.get(branch) ?? []), error]);
    }
    const ranked = [...branches.values()].sort(
      (a, b) =>
        Number(a.some((e) => e.keyword === 'const')) - Number(b.some((e) => e.keyword === 'const')) ||
        a.length - b.length,
    );
    const chosen = new Set(ranked[0] ?? []);
    kept = kept.filter((error) => !error.schemaPath.startsWith(prefix) || chosen.has(error));
    if (chosen.size === 0) kept.push(oneOf);
  }
  return kept;
}
