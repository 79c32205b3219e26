/**
 * What a cluster receives, read from a folder tree: its entry point built with kustomize, then
 * each Flux Kustomization's spec.path built and substituted as kustomize-controller would
 * (tools/validate's Flux build, reused as it is).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { clusterDir } from '@gitops/cluster';
import { KUSTOMIZATION_FILES } from '@gitops/flux-ks';
import type { AppliedObject, ClusterObjects } from '@gitops/manifest-diff';
import { fluxBuild, isFluxKustomization, type FluxKustomization } from '../validate/flux-build';
import { KustomizeBuildError, type KustomizeRunner } from '../validate/kustomize';
import { readSources } from '../validate/sources';
import { parseDocuments } from '../validate/yaml-documents';

export interface BuiltCluster extends ClusterObjects {
  /** Problems that left objects out (a failed build, an undefined variable), one line each. */
  problems: string[];
}

type Raw = Record<string, unknown>;
const metadata = (object: Raw) => (object['metadata'] ?? {}) as { name?: unknown; namespace?: unknown };

/** The folder of the cluster's entry kustomization, when it has one. */
export function entryDir(root: string, name: string): string | undefined {
  const folder = join(root, clusterDir(name));
  return KUSTOMIZATION_FILES.some((file) => existsSync(join(folder, file))) ? folder : undefined;
}

/** The folders of the cluster's Flux Kustomizations (spec.path), read from its entry point's build. */
export function kustomizationDirs(root: string, name: string, kustomize: KustomizeRunner): string[] {
  const entry = entryDir(root, name);
  if (!entry) return [];
  try {
    return parseDocuments(kustomize.build(entry))
      .objects.filter(isFluxKustomization)
      .map((ks) => join(root, String((ks.spec as { path?: unknown } | undefined)?.path ?? './')))
      .filter((dir) => existsSync(dir));
  } catch (error) {
    if (error instanceof KustomizeBuildError) return [];
    throw error;
  }
}

/** The cluster `name` as it is below `root` (a checkout or an extracted git tree); absent: no objects. */
export function buildCluster(root: string, name: string, kustomize: KustomizeRunner): BuiltCluster {
  const folder = clusterDir(name);
  if (!existsSync(join(root, folder))) return { objects: [], prunes: {}, problems: [] };
  const problems: string[] = [];
  let entry: Raw[];
  if (KUSTOMIZATION_FILES.some((file) => existsSync(join(root, folder, file)))) {
    try {
      entry = parseDocuments(kustomize.build(join(root, folder))).objects;
    } catch (error) {
      if (!(error instanceof KustomizeBuildError)) throw error;
      return { objects: [], prunes: {}, problems: [`${kustomize.describe} ${folder} failed: ${error.message}`] };
    }
  } else {
    // No entry kustomization: Flux applies every manifest in the folder.
    entry = readSources(root, [folder]).files.flatMap((file) => file.objects);
  }
  const objects: AppliedObject[] = entry.map((object) => ({ object }));
  const prunes: Record<string, boolean> = {};
  const variables = (namespace: string) => (kind: 'ConfigMap' | 'Secret', sourceName: string) => {
    const found = entry.find((object) => object['kind'] === kind && metadata(object).name === sourceName && (metadata(object).namespace ?? 'default') === namespace);
    return found as { data?: Record<string, string>; stringData?: Record<string, string> } | undefined;
  };
  for (const ks of entry.filter((object) => isFluxKustomization(object) && typeof metadata(object).name === 'string') as Array<FluxKustomization & Raw>) {
    prunes[ks.metadata.name] = (ks.spec as { prune?: unknown } | undefined)?.prune === true;
    const built = fluxBuild(ks, root, kustomize, variables(ks.metadata.namespace ?? 'flux-system'), () => undefined, undefined);
    for (const finding of built.findings) problems.push(`Kustomization ${ks.metadata.name}: ${finding.message}`);
    objects.push(...built.objects.map(({ object, kustomization }) => ({ object, kustomization })));
  }
  return { objects, prunes, problems };
}
