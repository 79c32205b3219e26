import { join } from 'node:path';
import { validateObject } from '@gitops/k8s-schemas';
import type { ClusterModel, ExternalObjects, NetworkFacts } from './cluster-model';
import { crossReferenceFindings, fluentBitReleases } from './cross-references';
import { driftFindings } from './drift';
import type { Finding } from './findings';
import { formatRef, objectRef } from './findings';
import { fluxBuild, isFluxKustomization, type BuiltObject, type FluxKustomization } from './flux-build';
import { findKustomize, KustomizeBuildError } from './kustomize';
import { chartValuesFindings, pipelineFindings } from './pipeline';
import { fluxCrossCheck, kubeconformFindings } from './external-tools';
import { kustomizeLayout, objectIndex, readSources } from './sources';

export interface ValidationTarget {
  /** Cluster name, for the report. */
  cluster: string;
  /** Absolute path of the repository root (Flux paths are relative to it). */
  repoRoot: string;
  /** Repository-relative folders holding the cluster's manifests. */
  folders: readonly string[];
  external: ExternalObjects;
  /** The cluster's API server and log sink, to check the NetworkPolicy against. */
  network?: NetworkFacts;
  /** When set, the committed folder is compared with a fresh render. */
  drift?: { project: string; outDir: string; rendered: ReadonlyMap<string, string>; committed: ReadonlyMap<string, string> };
  /** `apiVersion/kind`s with no schema that are knowingly not validated (else: an error). */
  skipKinds?: readonly string[];
  /** Also run `flux build kustomization --dry-run` and compare. */
  fluxCrossCheck?: boolean;
  /** Where the committed schemas are, for a kubeconform binary on PATH. */
  workspace?: string;
}

export interface ClusterReport {
  cluster: string;
  /** Objects checked, per kind. */
  objects: Record<string, number>;
  findings: Finding[];
}

/** Runs every check on one cluster and returns all findings, in check order. */
export function validateCluster(target: ValidationTarget): ClusterReport {
  const findings: Finding[] = [];
  if (target.drift) {
    const { project, outDir, rendered, committed } = target.drift;
    findings.push(...driftFindings(outDir, rendered, committed, project));
  }

  const kustomize = findKustomize();
  if (!kustomize) {
    findings.push({
      check: 'kustomize',
      severity: 'error',
      message: 'neither `kustomize` nor `kubectl` (with `kubectl kustomize`) is on PATH',
      fix: 'install kustomize or kubectl',
    });
    return { cluster: target.cluster, objects: {}, findings };
  }

  const sources = readSources(target.repoRoot, target.folders);
  findings.push(...sources.findings);
  const layout = kustomizeLayout(target.repoRoot, sources.files);
  for (const dir of layout.rootDirs) {
    try {
      kustomize.build(join(target.repoRoot, dir));
    } catch (error) {
      if (!(error instanceof KustomizeBuildError)) throw error;
      findings.push({ check: 'kustomize', severity: 'error', file: `${dir}/kustomization.yaml`, message: `${kustomize.describe} failed: ${error.message}`, fix: 'fix the kustomization (missing or misnamed resources?)' });
    }
  }

  // The cluster's entry objects: Flux Kustomizations and the sources of their variables.
  const entries = sources.files.flatMap((file) => file.objects.map((object) => ({ object, file: file.path })));
  const kustomizations = entries.filter((e) => isFluxKustomization(e.object)) as Array<{ object: FluxKustomization & Record<string, unknown>; file: string }>;
  const entryFiles = new Set(kustomizations.map((k) => k.file));
  for (const file of layout.unlisted) {
    if (entryFiles.has(file.path)) continue;
    findings.push({ check: 'kustomize', severity: 'warning', file: file.path, message: 'no kustomization.yaml lists this file, so nothing applies it', fix: 'add it to the resources of its kustomization.yaml, or delete it' });
  }

  // Variables come only from ConfigMaps/Secrets something applies, in the Kustomization's namespace.
  const unlisted = new Set(layout.unlisted.map((file) => file.path));
  const sourcesIn = (namespace: string) => (kind: 'ConfigMap' | 'Secret', name: string) => {
    const entry = entries.find(({ object, file }) => {
      const metadata = object['metadata'] as { name?: string; namespace?: string } | undefined;
      return !unlisted.has(file) && object['kind'] === kind && metadata?.name === name && (metadata.namespace ?? 'default') === namespace;
    });
    return entry ? ((entry.object['data'] ?? {}) as Record<string, string>) : undefined;
  };
  const index = objectIndex(sources.files);
  const fileOf = (object: Record<string, unknown>) => {
    const ref = objectRef(object);
    return ref ? (index.get(formatRef(ref)) ?? index.get(formatRef({ kind: ref.kind, name: ref.name }))) : undefined;
  };

  const built: BuiltObject[] = [];
  for (const { object, file } of kustomizations) {
    const result = fluxBuild(object, target.repoRoot, kustomize, sourcesIn(object.metadata.namespace ?? 'flux-system'), fileOf, file);
    findings.push(...result.findings);
    built.push(...result.objects);
  }

  // Entry objects as they are, the rest as Flux would apply them (after substitution).
  const isEntry = (object: Record<string, unknown>) =>
    isFluxKustomization(object) ||
    (['ConfigMap', 'Secret'].includes(String(object['kind'])) && (object['metadata'] as { namespace?: string })?.namespace === 'flux-system');
  const checked = [...entries.filter((e) => isEntry(e.object)), ...built];
  const objects: Record<string, number> = {};
  for (const { object, file } of checked) {
    const kind = String(object['kind']);
    objects[kind] = (objects[kind] ?? 0) + 1;
    const ref = objectRef(object);
    const result = validateObject(object);
    const located = { ...(file && { file }), ...(ref && { object: ref }) };
    if (result === 'no-schema') {
      if (target.skipKinds?.includes(`${String(object['apiVersion'])}/${kind}`)) continue;
      findings.push({ check: 'schema', severity: 'error', ...located, message: `no schema for ${String(object['apiVersion'])} ${kind}`, fix: 'generate its schema (tools/codegen), fix apiVersion/kind, or skip the kind explicitly (--skip-kind)' });
      continue;
    }
    for (const violation of result) {
      findings.push({ check: 'schema', severity: 'error', ...located, path: violation.path, message: violation.message, fix: 'fix the field to match the API schema' });
    }
  }

  if (target.workspace) findings.push(...kubeconformFindings(checked, target.workspace));
  if (target.fluxCrossCheck) findings.push(...fluxCrossCheck(kustomizations, built, target.repoRoot));

  const model: ClusterModel = {
    name: target.cluster,
    kustomizations,
    built,
    external: target.external,
    ...(target.network && { network: target.network }),
  };
  for (const release of fluentBitReleases(model)) {
    findings.push(...chartValuesFindings(release), ...pipelineFindings(release));
  }
  findings.push(...crossReferenceFindings(model));
  return { cluster: target.cluster, objects: sortKeys(objects), findings };
}

const sortKeys = (record: Record<string, number>) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));

