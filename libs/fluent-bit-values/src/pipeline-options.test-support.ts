import type { LogShippingOptions } from './log-shipping';
import { TALOS_HOST_PATHS } from './paths';

/** Container logs only, as the apps cluster ships them. */
export const containerLogsOnly: LogShippingOptions = {
  cluster: 'infra',
  environment: 'production',
  hostPaths: TALOS_HOST_PATHS,
  sink: { host: 'vmauth-victoria-logs.observability.svc.cluster.local', port: 8427, path: '/insert/jsonline' },
  containerLogs: { tenant: { accountId: '0', projectId: '0' }, queueLimit: '864M', maxLineSize: '256k' },
  retryBackoffCap: 30,
  maxChunksInMemory: 16,
};

/** Container logs and API audit events, as the infra cluster ships them. */
export const withAuditLogs: LogShippingOptions = {
  ...containerLogsOnly,
  auditLogs: { logDir: '/var/log/audit/kube', tenant: { accountId: '1', projectId: '0' }, queueLimit: '270M', maxLineSize: '1M' },
};
