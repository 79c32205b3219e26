import type { BuiltObject, FluxKustomization } from './flux-build';

/** Everything validation knows about one cluster after the builds. */
export interface ClusterModel {
  name: string;
  /** Flux Kustomizations that the cluster's entry point applies, with their files. */
  kustomizations: Array<{ object: FluxKustomization; file: string }>;
  /** Objects Flux would apply, after substitution. */
  built: BuiltObject[];
  /** Things that exist in the cluster but are managed elsewhere. */
  external: ExternalObjects;
  /** Without them, the NetworkPolicy is checked by ports alone. */
  network?: NetworkFacts;
}

/** What the cluster's settings say the network looks like, to check the NetworkPolicy against. */
export interface NetworkFacts {
  apiServer: { cidrs: readonly string[]; port: number };
  logSink?: { namespace: string; podLabels: Readonly<Record<string, string>>; port: number; requiresCredentials?: boolean; maxLineBytes?: number };
}

export interface ExternalObjects {
  /** Flux Kustomization names (flux-system) that dependsOn may name. */
  kustomizations: readonly string[];
  /** Namespaces created and labelled by another Kustomization. */
  namespaces: readonly string[];
}

export const ofKind = <T = Record<string, unknown>>(built: readonly BuiltObject[], kind: string) =>
  built.filter((b) => b.object['kind'] === kind) as Array<BuiltObject & { object: T }>;

export const nameOf = (object: Record<string, unknown>): string => String((object['metadata'] as { name?: unknown })?.name);
export const namespaceOf = (object: Record<string, unknown>): string | undefined =>
  (object['metadata'] as { namespace?: string } | undefined)?.namespace;
