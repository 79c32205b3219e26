import { clusterDir, renderCluster, type ClusterDefinition } from '@gitops/cluster';
import { toYaml } from '@gitops/manifest';
import { generatedHeader } from './header';

export interface RenderedCluster {
  /** Output folder relative to the workspace root, e.g. kubernetes/clusters/infra. */
  outDir: string;
  /** Path below outDir -> file content. */
  files: Map<string, string>;
}

/** A cluster's files as text, in memory: what `render` would write. */
export function renderedFiles(project: string, definition: ClusterDefinition): RenderedCluster {
  const header = generatedHeader(project, definition.source);
  const files = new Map<string, string>();
  for (const file of renderCluster(definition)) {
    if (files.has(file.path)) throw new Error(`${project}: two objects render to ${file.path}`);
    files.set(file.path, toYaml(file.documents, header));
  }
  return { outDir: clusterDir(definition.settings.name), files };
}
