import { Ajv } from 'ajv';
import { schemaIssues, type SettingsIssue } from '@gitops/cluster';
import { memoryForChunks } from '@gitops/fluent-bit-values';
import { quantityValue } from '@gitops/manifest';
import schema from '../schema/log-collection-settings.schema.json';
import type { LogCollectionSettings, Outage } from './generated/log-collection-settings';
import { AUDIT_EVENT_BYTES, CONTAINER_LINE_BYTES, CONTAINER_RECORD_BYTES, ENRICHED_RECORD_BYTES, MAX_QUEUE_BYTES, queueBytes } from './sizing';

const ajv = new Ajv({ allErrors: true, verbose: true, strict: true });
const validateSchema = ajv.compile<LogCollectionSettings>(schema);

/** Filesystem chunks in memory at once (Fluent Bit `storage.max_chunks_up`), ~2 MiB each. */
export const CHUNKS_IN_MEMORY = 16;
export const MIN_MEMORY_LIMIT = memoryForChunks(CHUNKS_IN_MEMORY);

/** Every problem with the options at once: the schema, then the rules a schema cannot express. */
export function logCollectionIssues(input: unknown): SettingsIssue[] {
  return [...schemaIssues(validateSchema, input), ...resourceIssues(input), ...queueIssues(input), ...credentialIssues(input), ...lineSizeIssues(input)];
}

/** vmauth that answers 401 without credentials makes Fluent Bit drop every chunk, unretried. */
function credentialIssues(input: unknown): SettingsIssue[] {
  const sink = (input as { logSink?: { requiresCredentials?: unknown; credentials?: unknown } } | null)?.logSink;
  return sink?.requiresCredentials === true && sink.credentials === undefined
    ? [{ path: 'logSink.credentials', value: undefined, expected: 'credentials (a Secret with the vmauth user and password): this vmauth requires them, answers 401 without, and Fluent Bit drops a chunk on 401 without retrying' }]
    : [];
}

/** Every container log record must fit the sink's line limit: VictoriaLogs drops longer ones and answers 200. */
function lineSizeIssues(input: unknown): SettingsIssue[] {
  const max = (input as { logSink?: { maxLineBytes?: unknown } } | null)?.logSink?.maxLineBytes;
  return typeof max === 'number' && max < CONTAINER_RECORD_BYTES
    ? [{ path: 'logSink.maxLineBytes', value: max, expected: `at least ${CONTAINER_RECORD_BYTES} (a container log record can reach that: a ${CONTAINER_LINE_BYTES}-byte CRI line JSON-escaped up to 6x, plus Kubernetes metadata); raise VictoriaLogs' -insert.maxLineSizeBytes with it` }]
    : [];
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
