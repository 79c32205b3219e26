import { chartSources } from '@gitops/chart-sources';
import { defineCluster } from '@gitops/cluster';
import { fleet } from '@gitops/fleet';
import { FLUENT_BIT_CHART, logCollection } from '@gitops/log-collection';

/** The infrastructure cluster: runs VictoriaLogs, and collects API audit logs for compliance. */
export default defineCluster({
  environment: 'production',
  // Control-plane node addresses: kube-apiserver is host-networked on Talos.
  apiServer: { cidrs: ['10.10.0.11/32', '10.10.0.12/32', '10.10.0.13/32'], port: 6443 },
  apps: [
    chartSources([FLUENT_BIT_CHART]),
    logCollection({
      ...fleet.logCollection,
      auditLogs: {
        enabled: true,
        tenant: { accountId: 1, projectId: 0 },
        outage: { minutes: 60, linesPerSecond: 50 },
      },
    }),
  ],
});
