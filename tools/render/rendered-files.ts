import { clusterDefinitionPath, clusterDir, clusterProject, renderCluster, type ClusterDefinition, type RenderedCluster, type RenderOptions } from '@gitops/cluster';
import { toYaml } from '@gitops/manifest';
import { generatedHeader } from './header';

export interface RenderedFiles {
  /** Output folder relative to the workspace root, e.g. kubernetes/clusters/infra. */
  outDir: string;
  /** Path below outDir -> file content. */
  files: Map<string, string>;
  /** What the cluster's settings say beyond its files (external objects, endpoints). */
  cluster: RenderedCluster;
}

/** A cluster's files as text, in memory: what `render` would write. */
export function renderedFiles(name: string, definition: ClusterDefinition, options: RenderOptions = {}): RenderedFiles {
  const project = clusterProject(name);
  const header = generatedHeader(project, clusterDefinitionPath(name));
  const cluster = renderCluster(name, definition, options);
  const files = new Map<string, string>();
  for (const file of cluster.files) {
    if (files.has(file.path)) throw new Error(`${project}: two objects render to ${file.path}`);
    files.set(file.path, toYaml(file.documents, header));
  }
  return { outDir: clusterDir(name), files, cluster };
}
