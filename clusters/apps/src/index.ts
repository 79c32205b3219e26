import { defineCluster } from '@gitops/cluster';

/**
 * The application cluster: container logs only (no audit logs), through the vmauth `victoria-logs`
 * in its own observability namespace, which Kustomization observability-victoria-logs deploys there.
 */
export default defineCluster('clusters/apps/src/index.ts', {
  name: 'apps',
  environment: 'production',
  // Control-plane node addresses: kube-apiserver is host-networked on Talos.
  apiServer: { cidrs: ['10.20.0.11/32', '10.20.0.12/32', '10.20.0.13/32'], port: 6443 },
  logSink: {
    vmauth: { name: 'victoria-logs', namespace: 'observability', port: 8427 },
    path: '/insert/jsonline',
    dependsOn: ['observability-victoria-logs'],
  },
  containerLogs: {
    tenant: { accountId: 0, projectId: 0 },
    outage: { minutes: 60, linesPerSecond: 300 },
  },
  auditLogs: { enabled: false },
  fluentBit: {
    namespace: { name: 'observability', managed: true },
    resources: {
      requests: { cpu: '50m', memory: '64Mi' },
      limits: { cpu: '200m', memory: '128Mi' },
    },
  },
});
