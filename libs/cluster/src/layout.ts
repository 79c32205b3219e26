/**
 * Where a cluster lives. The folder name under `clusters/` is the single source of a cluster's
 * name, its Nx project, its definition file and its rendered folder.
 */

/** A DNS-1123 label: lower-case letters, digits and '-', at most 63, alphanumeric at both ends. */
export const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** A cluster name: a DNS-1123 label, as it becomes the `cluster` log label and part of paths. */
export const CLUSTER_NAME = DNS1123_LABEL;

/** Folder of the fleet's cluster definitions. */
export const CLUSTERS_DIR = 'clusters';

/** A cluster's definition module, default-exporting `defineCluster(...)`. */
export const CLUSTER_DEFINITION_FILE = 'cluster.ts';

export const clusterSourceDir = (cluster: string): string => `${CLUSTERS_DIR}/${cluster}`;
export const clusterDefinitionPath = (cluster: string): string => `${clusterSourceDir(cluster)}/${CLUSTER_DEFINITION_FILE}`;
export const clusterProject = (cluster: string): string => `clusters-${cluster}`;

/** Where a cluster's rendered files live in the repository, and how Flux finds them. */
export const clusterDir = (cluster: string): string => `kubernetes/clusters/${cluster}`;

/** A `spec.path` for a Flux Kustomization of the bootstrap GitRepository. */
export const fluxPath = (cluster: string, folder: string): string => `./${clusterDir(cluster)}/${folder}`;

export const CLUSTER_SETTINGS = 'cluster-settings';

/**
 * The folder of a cluster's rendered tree that holds hand-written manifests: render never writes
 * there, and lists it in the cluster's entry point when it has a kustomization.yaml.
 */
export const HAND_WRITTEN_DIR = 'hand-written';
