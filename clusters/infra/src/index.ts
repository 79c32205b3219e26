import { defineCluster } from '@gitops/cluster';

/** The infrastructure cluster: runs VictoriaLogs, and collects API audit logs for compliance. */
export default defineCluster('clusters/infra/src/index.ts', {
  name: 'infra',
  environment: 'production',
  // Control-plane node addresses: kube-apiserver is host-networked on Talos.
  apiServer: { cidrs: ['10.10.0.11/32', '10.10.0.12/32', '10.10.0.13/32'], port: 6443 },
  logSink: {
    // VMAuth `victoria-logs` -> Service vmauth-victoria-logs.observability:8427.
    vmauth: { name: 'victoria-logs', namespace: 'observability', port: 8427 },
    path: '/insert/jsonline',
    dependsOn: ['observability-victoria-logs'],
  },
  containerLogs: {
    tenant: { accountId: 0, projectId: 0 },
    outage: { minutes: 60, linesPerSecond: 300 },
  },
  auditLogs: {
    enabled: true,
    tenant: { accountId: 1, projectId: 0 },
    outage: { minutes: 60, linesPerSecond: 50 },
  },
  fluentBit: {
    namespace: { name: 'observability', managed: true },
    resources: {
      requests: { cpu: '50m', memory: '64Mi' },
      limits: { cpu: '200m', memory: '128Mi' },
    },
  },
});
