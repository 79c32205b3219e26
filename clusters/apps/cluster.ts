import { chartSources } from '@gitops/chart-sources';
import { defineCluster } from '@gitops/cluster';
import { fleet } from '@gitops/fleet';
import { FLUENT_BIT_CHART, logCollection } from '@gitops/log-collection';

/** The application cluster: container logs only, through its own vmauth (see the fleet settings). */
export default defineCluster({
  environment: 'production',
  // Control-plane node addresses: kube-apiserver is host-networked on Talos.
  apiServer: { cidrs: ['10.20.0.11/32', '10.20.0.12/32', '10.20.0.13/32'], port: 6443 },
  apps: [chartSources([FLUENT_BIT_CHART]), logCollection({ ...fleet.logCollection, auditLogs: { enabled: false } })],
});
