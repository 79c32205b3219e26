import type { ClusterSettings } from './generated/cluster-settings';

/** Valid settings that tests change one field of. */
export const validSettings = (): ClusterSettings => ({
  name: 'demo',
  environment: 'staging',
  apiServer: { cidrs: ['192.168.1.10/32'], port: 6443 },
  logSink: {
    vmauth: { name: 'victoria-logs', namespace: 'observability', port: 8427 },
    path: '/insert/jsonline',
    dependsOn: ['observability-victoria-logs'],
  },
  containerLogs: { tenant: { accountId: 0, projectId: 0 }, outage: { minutes: 60, linesPerSecond: 300 } },
  auditLogs: { enabled: true, tenant: { accountId: 1, projectId: 0 }, outage: { minutes: 60, linesPerSecond: 50 } },
  fluentBit: {
    namespace: { name: 'observability', managed: true },
    resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '200m', memory: '128Mi' } },
  },
});
