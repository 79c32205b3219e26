import { AUDIT_LOG_TAG, auditEventParser, auditLogInput } from './audit-logs';
import {
  CONTAINER_LOG_TAG,
  containerLogInput,
  type ContainerRef,
  criLogParser,
  kubernetesMetadataFilter,
  liftKubernetesMetadata,
} from './container-logs';
import type { Filter, Input, Output, Parser, Pipeline, Size } from './pipeline/model';
import { recordFields } from './record-fields';
import { serviceSection, type ServiceOptions } from './service';
import { victoriaLogsOutput, type VictoriaLogsOutputOptions, type VictoriaLogsTenant } from './victoria-logs';

export interface LogStreamOptions {
  tenant: VictoriaLogsTenant;
  queueLimit: Size;
  maxLineSize: Size;
}

export interface LogShippingOptions extends Omit<ServiceOptions, 'customParsers'> {
  /** Stamped on every record as `cluster` and `environment`. */
  cluster: string;
  environment: string;
  sink: Pick<VictoriaLogsOutputOptions, 'host' | 'port' | 'path' | 'credentials'>;
  /**
   * Container logs from the CRI files kubelet links in `logDir`, except those of `skipContainers`;
   * omitted = not collected.
   */
  containerLogs?: LogStreamOptions & { logDir: string; skipContainers?: ContainerRef };
  /** Kubernetes API audit events from the kube-apiserver log in `logDir`; omitted = not collected. */
  auditLogs?: LogStreamOptions & { logDir: string };
}

/** Streams fields: low cardinality, as VictoriaLogs recommends (keyConcepts: stream fields). */
const CONTAINER_STREAM_FIELDS = ['cluster', 'k8s_namespace_name', 'k8s_pod_name', 'k8s_container_name'];
const AUDIT_STREAM_FIELDS = ['cluster', 'log_type'];

/** One stream's part of a pipeline. */
interface Stream {
  parser: Parser;
  input: Input;
  filters: Filter[];
  output: Output;
}

/**
 * Container logs and/or API audit events, each enriched with the cluster's identity (container
 * logs also with Kubernetes metadata), shipped to VictoriaLogs with an on-disk queue and unbounded
 * retries. Each collector runs the streams its node has and its privileges allow.
 */
export function logShippingPipeline(options: LogShippingOptions): Pipeline {
  const identity = { cluster: options.cluster, environment: options.environment };
  const { stateDir, sink } = options;
  const streams: Stream[] = [];
  if (options.containerLogs) {
    const { logDir, maxLineSize, tenant, queueLimit, skipContainers } = options.containerLogs;
    streams.push({
      parser: criLogParser,
      input: containerLogInput({ logDir, stateDir, maxLineSize, ...(skipContainers && { skipContainers }) }),
      filters: [kubernetesMetadataFilter(), recordFields(CONTAINER_LOG_TAG, identity), liftKubernetesMetadata()],
      output: victoriaLogsOutput({
        ...sink,
        match: CONTAINER_LOG_TAG,
        tenant,
        // Plain-text lines keep `log`; merged JSON lines lose it (Keep_Log Off) and carry msg/message.
        messageFields: ['log', 'message', 'msg'],
        streamFields: CONTAINER_STREAM_FIELDS,
        queueLimit,
      }),
    });
  }
  if (options.auditLogs) {
    const { logDir, maxLineSize, tenant, queueLimit } = options.auditLogs;
    streams.push({
      parser: auditEventParser,
      input: auditLogInput({ logDir, stateDir, maxLineSize }),
      filters: [recordFields(AUDIT_LOG_TAG, { ...identity, log_type: 'audit' })],
      output: victoriaLogsOutput({ ...sink, match: AUDIT_LOG_TAG, tenant, messageFields: ['requestURI'], streamFields: AUDIT_STREAM_FIELDS, queueLimit }),
    });
  }
  if (streams.length === 0) throw new Error('log shipping pipeline: no stream to ship (containerLogs, auditLogs)');
  return {
    service: serviceSection({ ...options, customParsers: true }),
    parsers: streams.map((stream) => stream.parser),
    inputs: streams.map((stream) => stream.input),
    filters: streams.flatMap((stream) => stream.filters),
    outputs: streams.map((stream) => stream.output),
  };
}
