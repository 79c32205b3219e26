/**
 * Rendered diffs of clusters: the objects a cluster receives at two git refs, matched by identity,
 * compared field by field (lists by merge key, HelmRelease values as data, the Fluent Bit
 * configuration as sections and keys), with danger flags; formatted as text or budgeted Markdown.
 * Pure functions: reading git and building manifests is tools/diff's job.
 */
export type { AppliedObject, ClusterDiff, ClusterObjects, DangerFlag, DangerRule, FieldChange, KubeObject, ObjectDiff, ObjectId, ObjectStatus } from './types';
export { diffCluster, objectChanges } from './diff-cluster';
export { dangerFlags, type ObjectChange } from './danger';
export { compareData, rootCursor } from './compare-data';
export { compareConfig, fluentBitConfig, type ConfigEntry } from './fluent-bit-config';
export { formatMarkdown, formatText, CUT_MARKER, type FormatOptions } from './format';
export { idKey, idLabel, objectId } from './identity';
