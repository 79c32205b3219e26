import { join } from 'node:path';
import type { Finding } from './findings';
import { KustomizeBuildError, type KustomizeRunner } from './kustomize';
import type { SourceFile } from './sources';

/**
 * Builds every kustomization root with the real kustomize, and warns about YAML files nothing
 * lists (except the Flux Kustomizations' own files, which the cluster's entry point applies).
 */
export function kustomizeFindings(
  kustomize: KustomizeRunner,
  repoRoot: string,
  layout: { rootDirs: readonly string[]; unlisted: readonly SourceFile[] },
  entryFiles: ReadonlySet<string>,
): Finding[] {
  const findings: Finding[] = [];
  for (const dir of layout.rootDirs) {
    try {
      kustomize.build(join(repoRoot, dir));
    } catch (error) {
      if (!(error instanceof KustomizeBuildError)) throw error;
      findings.push({ check: 'kustomize', severity: 'error', file: `${dir}/kustomization.yaml`, message: `${kustomize.describe} failed: ${error.message}`, fix: 'fix the kustomization (missing or misnamed resources?)' });
    }
  }
  for (const file of layout.unlisted) {
    if (entryFiles.has(file.path)) continue;
    findings.push({ check: 'kustomize', severity: 'warning', file: file.path, message: 'no kustomization.yaml lists this file, so nothing applies it', fix: 'add it to the resources of its kustomization.yaml, or delete it' });
  }
  return findings;
}
