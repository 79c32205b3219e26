import type { ClusterModel } from './cluster-model';
import { nameOf, namespaceOf, ofKind } from './cluster-model';
import type { Finding } from './findings';
import { crossReference as located } from './findings';


/** An exact SemVer version (a range such as `>=1.0`, `~0.58` or `0.x` is not a pin). */
const EXACT_VERSION = /^v?\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

/**
 * Chart sources pinned to a version or digest: a moving tag (`latest`, or none, which Flux reads
 * as `latest`) or a range upgrades every cluster at the next poll, unreviewed.
 */
export function pinnedSourceFindings(model: ClusterModel): Finding[] {
  const findings: Finding[] = [];
  for (const source of ofKind(model.built, 'OCIRepository')) {
    const ref = (source.object['spec'] as { ref?: { tag?: string; semver?: string; digest?: string } } | undefined)?.ref;
    if (ref?.digest) continue;
    if (ref?.semver !== undefined) {
      if (!EXACT_VERSION.test(ref.semver)) findings.push(located(source, 'spec.ref.semver', `semver ${JSON.stringify(ref.semver)} is a range: each new chart in it reaches the cluster unreviewed`, 'pin an exact version (ref.tag) or a digest (ref.digest)'));
      continue;
    }
    if (ref?.tag === undefined || ref.tag === 'latest') {
      findings.push(located(source, ref ? 'spec.ref.tag' : 'spec.ref', `${ref?.tag === 'latest' ? 'tag "latest"' : 'no ref (Flux pulls "latest")'} is not a pin: a new push reaches the cluster unreviewed`, 'pin an exact version (ref.tag) or a digest (ref.digest)'));
    }
  }
  for (const release of ofKind(model.built, 'HelmRelease')) {
    const chart = (release.object['spec'] as { chart?: { spec?: { version?: string } } } | undefined)?.chart;
    if (!chart) continue;
    const version = chart.spec?.version;
    if (version === undefined || !EXACT_VERSION.test(version)) {
      findings.push(located(release, 'spec.chart.spec.version', `chart version ${version === undefined ? 'unset (the newest, "*")' : JSON.stringify(version)} is not a pin: each new chart reaches the cluster unreviewed`, 'set an exact chart version'));
    }
  }
  return findings;
}

const PRUNE_ANNOTATION = 'kustomize.toolkit.fluxcd.io/prune';

/**
 * A Namespace that holds more than one Kustomization's objects (or the log sink, or something
 * managed elsewhere) must never be pruned: deleting or renaming the Kustomization that applies it
 * would delete everything in it.
 */
export function sharedNamespaceFindings(model: ClusterModel): Finding[] {
  const prunes = new Map(model.kustomizations.map((k) => [k.object.metadata.name, (k.object.spec as { prune?: boolean } | undefined)?.prune !== false]));
  return ofKind(model.built, 'Namespace').flatMap((namespace) => {
    const name = nameOf(namespace.object);
    const annotations = ((namespace.object['metadata'] as { annotations?: Record<string, string> }).annotations ?? {});
    if (!prunes.get(namespace.kustomization) || annotations[PRUNE_ANNOTATION] === 'disabled') return [];
    const others = [...new Set(model.built.filter((b) => namespaceOf(b.object) === name && b.kustomization !== namespace.kustomization).map((b) => b.kustomization))];
    const reasons = [
      ...others.map((k) => `Kustomization ${k}'s objects`),
      ...(model.network?.logSink?.namespace === name ? ['the log sink'] : []),
      ...(model.external.namespaces.includes(name) ? ['workloads managed elsewhere'] : []),
    ];
    return reasons.length === 0
      ? []
      : [located(namespace, `metadata.annotations["${PRUNE_ANNOTATION}"]`, `namespace ${name} also holds ${reasons.join(', ')}, yet Kustomization ${namespace.kustomization} prunes it: removing that Kustomization deletes them all`, `annotate it ${PRUNE_ANNOTATION}: disabled`)];
  });
}
