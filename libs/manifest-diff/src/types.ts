/** The data of a rendered diff: objects in, changes and danger flags out. */

export type KubeObject = Record<string, unknown>;

/** One object as a cluster receives it (after Flux post-build substitution), and what applies it. */
export interface AppliedObject {
  object: KubeObject;
  /** The Flux Kustomization that applies it; undefined for the cluster's entry point. */
  kustomization?: string;
}

/** What one side (base or head) of a cluster renders to. */
export interface ClusterObjects {
  objects: readonly AppliedObject[];
  /** Flux Kustomizations of that side by name, with whether they prune. */
  prunes?: Readonly<Record<string, boolean>>;
}

/** Identity of an object: group (not version: a version bump is a change), kind, namespace, name. */
export interface ObjectId {
  group: string;
  kind: string;
  namespace?: string;
  name: string;
}

export interface FieldChange {
  /** `spec.template.spec.containers[name=fluent-bit].image`, or a Fluent Bit section `[OUTPUT] http kube.*`. */
  path: string;
  /** For a Fluent Bit configuration change: the key within the section. */
  key?: string;
  before?: unknown;
  after?: unknown;
}

export type DangerRule =
  | 'pruned'
  | 'namespace-removed'
  | 'immutable-field'
  | 'suspended'
  | 'chart-major'
  | 'privilege'
  | 'network-widened'
  | 'log-routing'
  | 'durability';

export interface DangerFlag {
  rule: DangerRule;
  reason: string;
  /** The change it belongs to (a FieldChange path, with its key), when it is one change's. */
  path?: string;
  key?: string;
}

export type ObjectStatus = 'added' | 'removed' | 'changed';

export interface ObjectDiff {
  id: ObjectId;
  status: ObjectStatus;
  changes: FieldChange[];
  flags: DangerFlag[];
}

export interface ClusterDiff {
  cluster: string;
  objects: ObjectDiff[];
}
