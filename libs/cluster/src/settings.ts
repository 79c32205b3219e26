import { Ajv, type ErrorObject } from 'ajv';
import { memoryForChunks } from '@gitops/fluent-bit-values';
import { quantityValue } from '@gitops/manifest';
import schema from '../schema/cluster-settings.schema.json';
import type { ClusterSettings, Outage } from './generated/cluster-settings';
import { AUDIT_EVENT_BYTES, ENRICHED_RECORD_BYTES, MAX_QUEUE_BYTES, queueBytes } from './sizing';

export type { ClusterSettings } from './generated/cluster-settings';

/** One thing wrong with a cluster's settings. */
export interface SettingsIssue {
  /** Dotted path of the field, e.g. `fluentBit.resources.limits.cpu`. */
  path: string;
  value: unknown;
  expected: string;
}

export class ClusterSettingsError extends Error {
  constructor(
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

const ajv = new Ajv({ allErrors: true, verbose: true, strict: true });
const validateSchema = ajv.compile<ClusterSettings>(schema);

/** Filesystem chunks in memory at once (Fluent Bit `storage.max_chunks_up`), ~2 MiB each. */
export const CHUNKS_IN_MEMORY = 16;
export const MIN_MEMORY_LIMIT = memoryForChunks(CHUNKS_IN_MEMORY);

/**
 * Checks settings against the schema and the rules a schema cannot express. Every problem is
 * reported at once; the result is the same object, now typed.
 */
export function validateClusterSettings(input: unknown, source: string): ClusterSettings {
  const name = (input as { name?: unknown } | null)?.name;
  const cluster = `${typeof name === 'string' ? JSON.stringify(name) : '(unnamed)'} (${source})`;
  const valid = validateSchema(input);
  const issues = [...(valid ? [] : schemaIssues(validateSchema.errors ?? [])), ...resourceIssues(input), ...apiServerIssues(input), ...queueIssues(input)];
  if (valid && issues.length === 0) return input;
  throw new ClusterSettingsError(cluster, issues);
}

/** Each stream's on-disk queue must fit the node disk we allow it. */
function queueIssues(input: unknown): SettingsIssue[] {
  const settings = input as { containerLogs?: { outage?: Partial<Outage> }; auditLogs?: { outage?: Partial<Outage> } } | null;
  const streams: Array<[string, Partial<Outage> | undefined, number]> = [
    ['containerLogs.outage', settings?.containerLogs?.outage, ENRICHED_RECORD_BYTES],
    ['auditLogs.outage', settings?.auditLogs?.outage, AUDIT_EVENT_BYTES],
  ];
  return streams.flatMap(([path, outage, recordBytes]) => {
    if (typeof outage?.minutes !== 'number' || typeof outage.linesPerSecond !== 'number') return [];
    const bytes = queueBytes(outage as Outage, recordBytes);
    return bytes > MAX_QUEUE_BYTES
      ? [{ path, value: outage, expected: `an outage whose queue fits ${MAX_QUEUE_BYTES / 2 ** 30} GiB of node disk (this one needs ${(bytes / 2 ** 30).toFixed(1)} GiB at ${recordBytes} B a line)` }]
      : [];
  });
}

/** The NetworkPolicy opens the API port to these CIDRs: a very wide one opens it to everything. */
function apiServerIssues(input: unknown): SettingsIssue[] {
  const cidrs = (input as { apiServer?: { cidrs?: unknown } } | null)?.apiServer?.cidrs;
  if (!Array.isArray(cidrs)) return [];
  return cidrs.flatMap((cidr, index) => {
    if (typeof cidr !== 'string') return [];
    const bits = Number(cidr.split('/')[1]);
    const minimum = cidr.includes(':') ? 16 : 8;
    return bits < minimum
      ? [{ path: `apiServer.cidrs[${index}]`, value: cidr, expected: `the control-plane node addresses (a prefix of at least /${minimum}), not a range this wide` }]
      : [];
  });
}

type Resources = Partial<Record<'requests' | 'limits', Partial<Record<'cpu' | 'memory', unknown>>>>;

/** Rules across fields; checked on whatever quantities are readable, so all issues come at once. */
function resourceIssues(input: unknown): SettingsIssue[] {
  const resources = (input as { fluentBit?: { resources?: Resources } } | null)?.fluentBit?.resources;
  const value = (quantity: unknown) => (typeof quantity === 'string' ? quantityValue(quantity) : undefined);
  const requests = resources?.requests ?? {};
  const limits = resources?.limits ?? {};
  const issues: SettingsIssue[] = [];
  for (const resource of ['cpu', 'memory'] as const) {
    const limit = value(limits[resource]);
    const request = value(requests[resource]);
    if (limit !== undefined && request !== undefined && limit < request) {
      issues.push({
        path: `fluentBit.resources.limits.${resource}`,
        value: limits[resource],
        expected: `a limit at least the request (${requests[resource]})`,
      });
    }
  }
  const memoryLimit = value(limits.memory);
  if (memoryLimit !== undefined && memoryLimit < MIN_MEMORY_LIMIT) {
    issues.push({
      path: 'fluentBit.resources.limits.memory',
      value: limits.memory,
      expected: `at least ${MIN_MEMORY_LIMIT / 2 ** 20}Mi: ${CHUNKS_IN_MEMORY} buffer chunks of ~2 MiB plus Fluent Bit itself`,
    });
  }
  return issues;
}

const dotted = (instancePath: string): string =>
  instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, segment) => (/^\d+$/.test(segment) ? `${path}[${segment}]` : path ? `${path}.${segment}` : segment), '');

/** Ajv's errors in the user's terms: one issue per field, with the schema's description. */
function schemaIssues(errors: readonly ErrorObject[]): SettingsIssue[] {
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
