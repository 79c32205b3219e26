/** The workspace's Nx plugin: cluster projects inferred from clusters/<name>/cluster.ts. */
export { createNodesV2 } from './cluster-projects';
