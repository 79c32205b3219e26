import type { LogShippingOptions } from './log-shipping';
import { TALOS_HOST_PATHS } from './paths';

/** Container logs only, as the apps cluster ships them. */
export const containerLogsOnly: LogShippingOptions = {
  cluster: 'infra',
  environment: 'production',
  stateDir: TALOS_HOST_PATHS.state,
  sink: { host: 'vmauth-victoria-logs.observability.svc.cluster.local', port: 8427, path: '/insert/jsonline' },
  containerLogs: { logDir: TALOS_HOST_PATHS.containerLogs, tenant: { accountId: '0', projectId: '0' }, queueLimit: '864M', maxLineSize: '32k' },
  retryBackoffCap: 30,
  maxChunksInMemory: 16,
};

/** Container logs and API audit events in one pipeline (clusters run them in two collectors). */
export const withAuditLogs: LogShippingOptions = {
  ...containerLogsOnly,
  auditLogs: { logDir: TALOS_HOST_PATHS.auditLogs, tenant: { accountId: '1', projectId: '0' }, queueLimit: '270M', maxLineSize: '260k' },
};
