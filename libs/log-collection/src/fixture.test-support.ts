import { chartSources } from '@gitops/chart-sources';
import { defineCluster, renderCluster } from '@gitops/cluster';
import type { ManifestFile } from '@gitops/manifest';
import type { LogCollectionSettings } from './generated/log-collection-settings';
import { FLUENT_BIT_CHART, logCollection } from './log-collection';
import { operatorVMAuth, VICTORIA_LOGS_MAX_LINE_BYTES } from './sinks';

/** Valid settings that tests change one field of. */
export const validSettings = (): LogCollectionSettings => ({
  logSink: {
    vmauth: operatorVMAuth({ name: 'victoria-logs', namespace: 'observability' }),
    path: '/insert/jsonline',
    requiresCredentials: false,
    maxLineBytes: VICTORIA_LOGS_MAX_LINE_BYTES,
    dependsOn: ['observability-victoria-logs'],
  },
  containerLogs: { tenant: { accountId: 0, projectId: 0 }, outage: { minutes: 60, linesPerSecond: 300 } },
  auditLogs: { enabled: true, tenant: { accountId: 1, projectId: 0 }, outage: { minutes: 60, linesPerSecond: 50 } },
  fluentBit: {
    namespace: { name: 'observability', managed: true },
    resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '200m', memory: '128Mi' } },
  },
});

/** A cluster `demo` of the chart sources and log collection with these settings, rendered. */
export const renderDemo = (settings: LogCollectionSettings = validSettings()): ManifestFile[] =>
  renderCluster(
    'demo',
    defineCluster({
      environment: 'staging',
      apiServer: { cidrs: ['192.168.1.10/32'], port: 6443 },
      apps: [chartSources([FLUENT_BIT_CHART]), logCollection(settings)],
    }),
  ).files;
