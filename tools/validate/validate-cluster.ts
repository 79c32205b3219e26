import type { ClusterModel, ExternalObjects, NetworkFacts } from './cluster-model';
import { crossReferenceFindings, fluentBitReleases } from './cross-references';
import { driftFindings } from './drift';
import type { Check, Finding } from './findings';
import { formatRef, objectRef } from './findings';
import { fluxBuild, isFluxKustomization, type BuiltObject, type FluxKustomization } from './flux-build';
import { findKustomize } from './kustomize';
import { kustomizeFindings } from './kustomize-check';
import { schemaFindings } from './schema-check';
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
  // A check that trips over a shape we did not foresee becomes a finding; the others still run.
  const guard = <T>(check: Check, fallback: T, run: () => T): T => {
    try {
      return run();
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
      findings.push({ check, severity: 'error', message: `internal error, this check stopped: ${message}`, fix: 'report this with the files that cause it; the other checks ran' });
      return fallback;
    }
  };
  if (target.drift) {
    const { project, outDir, rendered, committed } = target.drift;
    findings.push(...guard('drift', [], () => driftFindings(outDir, rendered, committed, project)));
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
  const layout = guard('kustomize', { rootDirs: [], unlisted: [] }, () => kustomizeLayout(target.repoRoot, sources.files));
  // The cluster's entry objects: Flux Kustomizations, and the ConfigMaps/Secrets of their variables.
  const entries = sources.files.flatMap((file) => file.objects.map((object) => ({ object, file: file.path })));
  const fluxKustomizations = entries.filter((e) => isFluxKustomization(e.object)) as Array<{ object: FluxKustomization & Record<string, unknown>; file: string }>;
  const kustomizations = fluxKustomizations.filter((k) => typeof metadataOf(k.object).name === 'string');
  findings.push(...sources.findings);
  for (const { file } of fluxKustomizations.filter((k) => !kustomizations.includes(k))) {
    findings.push({ check: 'flux-build', severity: 'error', file, message: 'a Flux Kustomization without metadata.name', fix: 'name it' });
  }
  findings.push(...guard('kustomize', [], () => kustomizeFindings(kustomize, target.repoRoot, layout, new Set(kustomizations.map((k) => k.file)))));

  const built: BuiltObject[] = [];
  const applied = entries.filter(({ file }) => !layout.unlisted.some((unlisted) => unlisted.path === file));
  const index = objectIndex(sources.files);
  for (const { object, file } of kustomizations) {
    const namespace = object.metadata.namespace ?? 'flux-system';
    const result = guard('flux-build', { objects: [], findings: [] }, () =>
      fluxBuild(object, target.repoRoot, kustomize, variableSources(applied, namespace), fileIn(index), file),
    );
    findings.push(...result.findings);
    built.push(...result.objects);
  }

  // Entry objects as they are, the rest as Flux would apply them (after substitution).
  const checked = [...entries.filter((e) => isEntry(e.object)), ...built];
  const schema = guard('schema', { findings: [], objects: {} }, () => schemaFindings(checked, target.skipKinds));
  findings.push(...schema.findings);
  if (target.workspace) findings.push(...guard('schema', [], () => kubeconformFindings(checked, target.workspace!)));
  if (target.fluxCrossCheck) findings.push(...guard('flux-build', [], () => fluxCrossCheck(kustomizations, built, target.repoRoot)));

  const model: ClusterModel = {
    name: target.cluster,
    kustomizations,
    built,
    external: target.external,
    ...(target.network && { network: target.network }),
  };
  for (const release of guard('cross-reference', [], () => fluentBitReleases(model))) {
    findings.push(...guard('helm-values', [], () => chartValuesFindings(release)), ...guard('pipeline', [], () => pipelineFindings(release)));
  }
  findings.push(...guard('cross-reference', [], () => crossReferenceFindings(model)));
  return { cluster: target.cluster, objects: schema.objects, findings };
}

const metadataOf = (object: Record<string, unknown>) => (object['metadata'] ?? {}) as { name?: unknown; namespace?: unknown };

const isEntry = (object: Record<string, unknown>): boolean =>
  isFluxKustomization(object) ||
  (['ConfigMap', 'Secret'].includes(String(object['kind'])) && metadataOf(object).namespace === 'flux-system');

/** Flux reads variables only from ConfigMaps/Secrets that exist, in the Kustomization's namespace. */
const variableSources =
  (applied: ReadonlyArray<{ object: Record<string, unknown> }>, namespace: string) =>
  (kind: 'ConfigMap' | 'Secret', name: string) => {
    const found = applied.find(({ object }) => object['kind'] === kind && metadataOf(object).name === name && (metadataOf(object).namespace ?? 'default') === namespace);
    return found && (found.object as { data?: Record<string, string>; stringData?: Record<string, string> });
  };

/** The file that declares an object, by kind/namespace/name, else by kind/name when unambiguous. */
const fileIn = (index: ReadonlyMap<string, string | undefined>) => (object: Record<string, unknown>) => {
  const ref = objectRef(object);
  return ref ? (index.get(formatRef(ref)) ?? index.get(formatRef({ kind: ref.kind, name: ref.name }))) : undefined;
};
