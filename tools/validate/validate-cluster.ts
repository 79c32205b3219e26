import { alertFindings } from './alerts';
import type { ClusterModel, ExternalObjects, NetworkFacts } from './cluster-model';
import { crossReferenceFindings, fluentBitReleases } from './cross-references';
import { driftFindings } from './drift';
import type { Check, Finding } from './findings';
import { formatRef, objectRef } from './findings';
import { fluxBuild, isFluxKustomization, type BuiltObject, type FluxKustomization } from './flux-build';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { KUSTOMIZATION_FILES } from '@gitops/flux-ks';
import { findKustomize, KustomizeBuildError } from './kustomize';
import { kustomizeBuilds, type KustomizeBuilds } from './kustomize-builds';
import { kustomizeFindings } from './kustomize-check';
import { locateFindings } from './locate';
import { plural } from './report';
import { schemaFindings } from './schema-check';
import { chartValuesFindings, pipelineFindings } from './pipeline';
import { releaseAgreementFindings } from './release-agreement';
import { collectorPrivilegeFindings } from './collector-privilege';
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
  /** What each check covered, in words (`11 files`), so a check that ran on nothing shows. */
  coverage: Array<{ check: Check; covered: string }>;
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
  const coverage: ClusterReport['coverage'] = [];
  if (target.drift) {
    const { project, outDir, rendered, committed } = target.drift;
    findings.push(...guard('drift', [], () => driftFindings(outDir, rendered, committed, project)));
    coverage.push({ check: 'drift', covered: plural(rendered.size, 'rendered file') });
  }

  const found = findKustomize();
  if (!found) {
    findings.push({
      check: 'kustomize',
      severity: 'error',
      message: 'neither `kustomize` nor `kubectl` (with `kubectl kustomize`) is on PATH',
      fix: 'install kustomize or kubectl',
    });
    return { cluster: target.cluster, objects: {}, coverage, findings };
  }
  const kustomize = kustomizeBuilds(found);

  const sources = readSources(target.repoRoot, target.folders);
  const layout = guard('kustomize', { rootDirs: [], unlisted: [] }, () => kustomizeLayout(target.repoRoot, sources.files));
  const index = objectIndex(sources.files);
  const declared = sources.files.flatMap((file) => file.objects.map((object) => ({ object, file: file.path })));
  // What the cluster's Flux entry point applies: the build of each folder's root kustomization
  // (rendered and hand-written objects alike); a folder without one, every object declared in it.
  const entryPoint = guard('kustomize', undefined, () => entryPointObjects(target, kustomize, fileIn(index)));
  const entries = entryPoint ?? declared;
  const named = (e: { object: Record<string, unknown> }) => typeof metadataOf(e.object).name === 'string';
  const kustomizations = entries.filter((e) => isFluxKustomization(e.object) && named(e)) as Array<{ object: FluxKustomization & Record<string, unknown>; file: string }>;
  findings.push(...sources.findings);
  for (const { file } of declared.filter((e) => isFluxKustomization(e.object) && !named(e))) {
    findings.push({ check: 'flux-build', severity: 'error', file, message: 'a Flux Kustomization without metadata.name', fix: 'name it' });
  }
  const entryFiles = new Set(declared.filter((e) => isFluxKustomization(e.object)).map((e) => e.file));
  findings.push(...guard('kustomize', [], () => kustomizeFindings(kustomize, target.repoRoot, layout, entryFiles, target.folders)));
  coverage.push({ check: 'kustomize', covered: `${plural(sources.files.length, 'file')}, ${plural(layout.rootDirs.length, 'build')}` });

  const built: BuiltObject[] = [];
  const applied = entryPoint ?? declared.filter(({ file }) => !layout.unlisted.some((unlisted) => unlisted.path === file));
  for (const { object, file } of kustomizations) {
    const namespace = object.metadata.namespace ?? 'flux-system';
    const result = guard('flux-build', { objects: [], findings: [] }, () =>
      fluxBuild(object, target.repoRoot, kustomize, variableSources(applied, namespace), fileIn(index), file),
    );
    findings.push(...result.findings);
    built.push(...result.objects);
  }

  // Entry objects as they are, the rest as Flux would apply them (after substitution).
  const checked = [...(entryPoint ?? declared.filter((e) => isEntry(e.object))), ...built];
  const schema = guard('schema', { findings: [], objects: {} }, () => schemaFindings(checked, target.skipKinds));
  findings.push(...schema.findings);
  coverage.push({ check: 'flux-build', covered: `${plural(kustomizations.length, 'Kustomization')} (${plural(built.length, 'object')})` });
  coverage.push({ check: 'schema', covered: plural(checked.length, 'object') });
  if (target.workspace) findings.push(...guard('schema', [], () => kubeconformFindings(checked, target.workspace!)));
  if (target.fluxCrossCheck) {
    findings.push(...guard('flux-build', [], () => fluxCrossCheck(kustomizations, built, target.repoRoot, (ks) => variableSources(applied, ks.metadata.namespace ?? 'flux-system'))));
  }

  const model: ClusterModel = {
    name: target.cluster,
    kustomizations,
    built,
    external: target.external,
    ...(target.network && { network: target.network }),
  };
  const releases = guard('cross-reference', [], () => fluentBitReleases(model));
  for (const release of releases) {
    findings.push(
      ...guard('helm-values', [], () => chartValuesFindings(release)),
      ...guard('helm-values', [], () => collectorPrivilegeFindings(release)),
      ...guard('pipeline', [], () => pipelineFindings(release, target.network?.logSink)),
      ...guard('cross-reference', [], () => releaseAgreementFindings(release, target.network?.logSink)),
    );
  }
  findings.push(...guard('cross-reference', [], () => crossReferenceFindings(model)));
  findings.push(...guard('cross-reference', [], () => alertFindings(model)));
  const fluentBit = plural(releases.length, 'fluent-bit release');
  coverage.push({ check: 'helm-values', covered: fluentBit }, { check: 'pipeline', covered: fluentBit });
  coverage.push({ check: 'cross-reference', covered: `${plural(kustomizations.length, 'Kustomization')}, ${plural(built.length, 'object')}, ${fluentBit}` });
  return { cluster: target.cluster, objects: schema.objects, coverage, findings: locateFindings(findings, target.repoRoot) };
}

/**
 * The objects each folder's root kustomization builds to, with the files that declare them;
 * undefined when a folder has no root kustomization or its build fails (reported by the
 * kustomize check), so that validation falls back to the declared objects.
 */
function entryPointObjects(
  target: ValidationTarget,
  kustomize: KustomizeBuilds,
  fileOf: (object: Record<string, unknown>) => string | undefined,
): Array<{ object: Record<string, unknown>; file: string }> | undefined {
  const objects: Array<{ object: Record<string, unknown>; file: string }> = [];
  for (const folder of target.folders) {
    if (!KUSTOMIZATION_FILES.some((file) => existsSync(join(target.repoRoot, folder, file)))) return undefined;
    let built: Record<string, unknown>[];
    try {
      built = kustomize.objects(join(target.repoRoot, folder));
    } catch (error) {
      if (error instanceof KustomizeBuildError) return undefined;
      throw error;
    }
    for (const object of built) objects.push({ object, file: fileOf(object) ?? `${folder}/kustomization.yaml` });
  }
  return objects;
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
