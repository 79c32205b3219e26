import { operatorVMAuth, VICTORIA_LOGS_MAX_LINE_BYTES, type LogCollectionSettings } from '@gitops/log-collection';

/**
 * Settings every cluster of the fleet shares: the log sink, the container-log tenant and outage
 * budget, and the Fluent Bit namespace and resources. A cluster spreads them into its apps and
 * overrides what differs; a change here re-renders and re-validates every cluster that imports it.
 */
export const fleet = {
  logCollection: {
    logSink: {
      // VMAuth `victoria-logs` (VictoriaMetrics operator) -> Service vmauth-victoria-logs.observability:8427,
      // deployed by the Kustomization observability-victoria-logs in each cluster. For the
      // victoria-logs-cluster chart's vmauth: victoriaLogsClusterVMAuth({ release, namespace }).
      vmauth: operatorVMAuth({ name: 'victoria-logs', namespace: 'observability' }),
      path: '/insert/jsonline',
      // It serves unauthenticated writes; set true (and credentials) when it has users only.
      requiresCredentials: false,
      maxLineBytes: VICTORIA_LOGS_MAX_LINE_BYTES,
      dependsOn: ['observability-victoria-logs'],
    },
    containerLogs: {
      tenant: { accountId: 0, projectId: 0 },
      outage: { minutes: 60, linesPerSecond: 300 },
    },
    fluentBit: {
      namespace: { name: 'observability', managed: true },
      resources: {
        requests: { cpu: '50m', memory: '64Mi' },
        limits: { cpu: '200m', memory: '128Mi' },
      },
    },
  },
} satisfies { logCollection: Omit<LogCollectionSettings, 'auditLogs'> };
