/** Where a cluster's rendered files live in the repository, and how Flux finds them. */
export const clusterDir = (cluster: string): string => `kubernetes/clusters/${cluster}`;

/** A `spec.path` for a Flux Kustomization of the bootstrap GitRepository. */
export const fluxPath = (cluster: string, folder: string): string => `./${clusterDir(cluster)}/${folder}`;

export const CLUSTER_SETTINGS = 'cluster-settings';
