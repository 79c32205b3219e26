import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CLUSTER_NAME,
  clusterDefinitionPath,
  clusterDir,
  ClusterSettingsError,
  HAND_WRITTEN_DIR,
  type ClusterDefinition,
} from '@gitops/cluster';
import { KUSTOMIZATION_FILES } from '@gitops/flux-ks';
import { renderedFiles, type RenderedFiles } from './rendered-files';

/** A cluster that cannot be loaded, in words for the user (no stack trace). */
export class ClusterLoadError extends Error {}

/** The cluster named by its folder, `clusters/<name>/cluster.ts` below `root`, loaded. */
export async function loadCluster(root: string, name: string): Promise<ClusterDefinition> {
  if (!CLUSTER_NAME.test(name)) {
    throw new ClusterLoadError(`invalid cluster name ${JSON.stringify(name)}: expected a DNS-1123 label (lower-case letters, digits and '-', at most 63 characters)`);
  }
  const file = clusterDefinitionPath(name);
  if (!existsSync(join(root, file))) throw new ClusterLoadError(`no cluster definition at ${file}`);
  let module: { default?: unknown };
  try {
    module = (await import(pathToFileURL(join(root, file)).href)) as { default?: unknown };
  } catch (error) {
    throw new ClusterLoadError(`${file} could not be loaded: ${(error as Error).message}`);
  }
  const definition = module.default as Partial<ClusterDefinition> | undefined;
  if (typeof definition !== 'object' || definition === null || !Array.isArray(definition.apps)) {
    throw new ClusterLoadError(`${file} must default-export defineCluster({ environment, apiServer, apps: [...] })`);
  }
  return definition as ClusterDefinition;
}

/** Whether the cluster's hand-written folder is a kustomization the entry point can apply. */
export const hasHandWritten = (root: string, name: string): boolean =>
  KUSTOMIZATION_FILES.some((file) => existsSync(join(root, clusterDir(name), HAND_WRITTEN_DIR, file)));

/**
 * The cluster of folder `clusters/<name>` loaded and rendered in memory, as render writes it and
 * validate compares it; anything wrong is a ClusterLoadError in the user's words.
 */
export async function renderClusterFolder(root: string, name: string): Promise<RenderedFiles> {
  const definition = await loadCluster(root, name);
  try {
    return renderedFiles(name, definition, { handWritten: hasHandWritten(root, name) });
  } catch (error) {
    if (error instanceof ClusterSettingsError) throw new ClusterLoadError(error.message);
    throw new ClusterLoadError(`render failed: ${(error as Error).message}`);
  }
}
