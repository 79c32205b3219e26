import { defineCluster } from '@gitops/cluster';
import { fleet } from '@gitops/fleet';

/** The application cluster: container logs only, through its own vmauth (see the fleet settings). */
export default defineCluster('clusters/apps/src/index.ts', {
  ...fleet,
  name: 'apps',
  environment: 'production',
  // Control-plane node addresses: kube-apiserver is host-networked on Talos.
  apiServer: { cidrs: ['10.20.0.11/32', '10.20.0.12/32', '10.20.0.13/32'], port: 6443 },
  auditLogs: { enabled: false },
});
