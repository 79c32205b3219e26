/** A cluster's settings and everything rendered from them. */
export { defineCluster, renderCluster, type ClusterDefinition } from './cluster';
export {
  validateClusterSettings,
  ClusterSettingsError,
  MIN_MEMORY_LIMIT,
  type ClusterSettings,
  type SettingsIssue,
} from './settings';
export { clusterDir } from './layout';
export { vmauthPodLabels } from './log-collection';
export { FluxVariables } from './flux-variables';
export { queueLimitFor, ENRICHED_RECORD_BYTES, AUDIT_EVENT_BYTES } from './sizing';
