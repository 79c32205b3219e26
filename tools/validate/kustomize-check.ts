import { join, relative } from 'node:path';
import { HAND_WRITTEN_DIR } from '@gitops/cluster';
import type { Finding } from './findings';
import { KustomizeBuildError } from './kustomize';
import type { KustomizeBuilds } from './kustomize-builds';
import type { SourceFile } from './sources';

/**
 * Builds every kustomization root with the real kustomize, and warns about YAML files nothing
 * lists (except the Flux Kustomizations' own files, which the cluster's entry point applies).
 */
export function kustomizeFindings(
  kustomize: KustomizeBuilds,
  repoRoot: string,
  layout: { rootDirs: readonly string[]; unlisted: readonly SourceFile[] },
  entryFiles: ReadonlySet<string>,
  clusterFolders: readonly string[],
): Finding[] {
  const findings: Finding[] = [];
  for (const dir of layout.rootDirs) {
    try {
      kustomize.objects(join(repoRoot, dir));
    } catch (error) {
      if (!(error instanceof KustomizeBuildError)) throw error;
      findings.push({ check: 'kustomize', severity: 'error', file: `${dir}/kustomization.yaml`, message: `${kustomize.describe} failed: ${error.message}`, fix: 'fix the kustomization (missing or misnamed resources?)' });
    }
  }
  for (const file of layout.unlisted) {
    if (entryFiles.has(file.path)) continue;
    findings.push({ check: 'kustomize', severity: 'warning', file: file.path, message: 'no kustomization.yaml lists this file, so nothing applies it', fix: handWrittenAdvice(file.path, clusterFolders) });
  }
  return findings;
}

/**
 * Rendered kustomization.yaml files are regenerated, so a hand-written file belongs in the
 * cluster's hand-written folder, listed by its own kustomization.yaml (render lists that folder in
 * the cluster's entry point).
 */
function handWrittenAdvice(file: string, clusterFolders: readonly string[]): string {
  const cluster = clusterFolders.find((folder) => file.startsWith(`${folder}/`));
  if (!cluster) return 'add it to the resources of its kustomization.yaml, or delete it';
  const handWritten = `${cluster}/${HAND_WRITTEN_DIR}`;
  if (file.startsWith(`${handWritten}/`)) {
    return `list it in ${handWritten}/kustomization.yaml (resources: [${relative(handWritten, file)}]), or delete it`;
  }
  return `hand-written manifests belong in ${handWritten}/: move it there, list it in ${handWritten}/kustomization.yaml, and run render (which adds that folder to the cluster's entry point); or delete it`;
}
