import { AUDIT_LOG_TAG, auditEventParser, auditLogInput } from './audit-logs';
import {
  CONTAINER_LOG_TAG,
  containerLogInput,
  kubernetesMetadataFilter,
  liftKubernetesMetadata,
} from './container-logs';
import type { HostPaths } from './paths';
import type { Pipeline, Size } from './pipeline/model';
import { recordFields } from './record-fields';
import { serviceSection, type ServiceOptions } from './service';
import { victoriaLogsOutput, type VictoriaLogsOutputOptions, type VictoriaLogsTenant } from './victoria-logs';

export interface LogStreamOptions {
  tenant: VictoriaLogsTenant;
  queueLimit: Size;
  maxLineSize: Size;
}

export interface LogShippingOptions extends Omit<ServiceOptions, 'stateDir' | 'customParsers'> {
  hostPaths: HostPaths;
  /** Stamped on every record as `cluster` and `environment`. */
  cluster: string;
  environment: string;
  sink: Pick<VictoriaLogsOutputOptions, 'host' | 'port' | 'path' | 'credentials'>;
  containerLogs: LogStreamOptions;
  /** Kubernetes API audit events from the kube-apiserver log in `logDir`; omitted = not collected. */
  auditLogs?: LogStreamOptions & { logDir: string };
}

/** Streams fields: low cardinality, as VictoriaLogs recommends (keyConcepts: stream fields). */
const CONTAINER_STREAM_FIELDS = ['cluster', 'k8s_namespace_name', 'k8s_pod_name', 'k8s_container_name'];
const AUDIT_STREAM_FIELDS = ['cluster', 'log_type'];

/**
 * Container logs (and optionally audit events) enriched with Kubernetes metadata and the
 * cluster's identity, shipped to VictoriaLogs with an on-disk queue and unbounded retries.
 */
export function logShippingPipeline(options: LogShippingOptions): Pipeline {
  const identity = { cluster: options.cluster, environment: options.environment };
  const { auditLogs, containerLogs } = options;
  const parsers = auditLogs ? [auditEventParser] : [];
  const { hostPaths } = options;
  return {
    service: serviceSection({ ...options, stateDir: hostPaths.state, customParsers: parsers.length > 0 }),
    parsers,
    inputs: [
      containerLogInput({ ...containerLogs, logDir: hostPaths.containerLogs, stateDir: hostPaths.state }),
      ...(auditLogs ? [auditLogInput({ ...auditLogs, stateDir: hostPaths.state })] : []),
    ],
    filters: [
      kubernetesMetadataFilter(),
      recordFields(CONTAINER_LOG_TAG, identity),
      liftKubernetesMetadata(),
      ...(auditLogs ? [recordFields(AUDIT_LOG_TAG, { ...identity, log_type: 'audit' })] : []),
    ],
    outputs: [
      victoriaLogsOutput({
        ...options.sink,
        match: CONTAINER_LOG_TAG,
        tenant: containerLogs.tenant,
        // Plain-text lines keep `log`; merged JSON lines lose it (Keep_Log Off) and carry msg/message.
        messageFields: ['log', 'message', 'msg'],
        streamFields: CONTAINER_STREAM_FIELDS,
        queueLimit: containerLogs.queueLimit,
      }),
      ...(auditLogs
        ? [
            victoriaLogsOutput({
              ...options.sink,
              match: AUDIT_LOG_TAG,
              tenant: auditLogs.tenant,
              messageFields: ['requestURI'],
              streamFields: AUDIT_STREAM_FIELDS,
              queueLimit: auditLogs.queueLimit,
            }),
          ]
        : []),
    ],
  };
}
