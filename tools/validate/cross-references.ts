import type { ClusterModel } from './cluster-model';
import { nameOf, namespaceOf, ofKind } from './cluster-model';
import type { Finding } from './findings';
import { crossReference as finding } from './findings';
import type { BuiltObject } from './flux-build';
import { pluginName } from '@gitops/fluent-bit-lint';
import { fullname, mainSections, podLabels, releaseName, SERVICE_PORT_NAME, serviceLabels, type FluentBitValues } from './fluent-bit-chart';
import { outputPorts } from './pipeline';
import { pinnedSourceFindings, sharedNamespaceFindings } from './safety';
import { cidrContains, selects, type LabelSelector, type Labels } from './selectors';

interface HelmRelease {
  kind: 'HelmRelease';
  metadata: { name: string; namespace?: string };
  spec?: { chartRef?: { kind: string; name: string; namespace?: string }; values?: FluentBitValues; releaseName?: string; targetNamespace?: string };
}



/** Fluent Bit releases: the HelmReleases whose chart source is the fluent-bit chart. */
export function fluentBitReleases(model: ClusterModel): Array<BuiltObject & { object: HelmRelease }> {
  return ofKind<HelmRelease>(model.built, 'HelmRelease').filter((release) => chartSourceOf(model, release)?.chart === 'fluent-bit');
}

/** The chart source a HelmRelease's chartRef points at, with the chart name and version it serves. */
export function chartSourceOf(model: ClusterModel, release: BuiltObject & { object: HelmRelease }) {
  const ref = release.object.spec?.chartRef;
  if (!ref) return undefined;
  const namespace = ref.namespace ?? namespaceOf(release.object);
  const source = model.built.find((b) => b.object['kind'] === ref.kind && nameOf(b.object) === ref.name && namespaceOf(b.object) === namespace);
  if (!source) return undefined;
  const spec = source.object['spec'] as { url?: string; ref?: { tag?: string; semver?: string } } | undefined;
  const url = spec?.url ?? '';
  return { source, chart: url.slice(url.lastIndexOf('/') + 1), version: spec?.ref?.tag ?? spec?.ref?.semver ?? '' };
}

/**
 * HelmReleases whose values are a Fluent Bit pipeline but whose chart source does not resolve to
 * the fluent-bit chart (a typo in the OCIRepository URL, a missing source): every fluent-bit check
 * would be skipped, so this says so, as an error.
 */
export function unmodelledFluentBitFindings(model: ClusterModel): Finding[] {
  const modelled = new Set(fluentBitReleases(model));
  return ofKind<HelmRelease>(model.built, 'HelmRelease')
    .filter((release) => !modelled.has(release) && looksLikeFluentBit(release.object.spec?.values))
    .map((release) => {
      const source = chartSourceOf(model, release);
      const why = source ? `its chart source serves chart ${JSON.stringify(source.chart)}, not fluent-bit` : 'its chart source cannot be resolved';
      return finding(release, 'spec.chartRef', `values hold a Fluent Bit pipeline, but ${why}: the helm-values, pipeline, scrape, NetworkPolicy, namespace and health-check checks cannot run on it`, 'point chartRef at the fluent-bit chart source (oci://ghcr.io/fluent/helm-charts/fluent-bit)');
    });
}

const looksLikeFluentBit = (values: FluentBitValues | undefined): boolean =>
  typeof values?.config === 'object' && values.config !== null && ['inputs', 'outputs', 'service'].some((key) => typeof (values.config as Record<string, unknown>)[key] === 'string');

export function crossReferenceFindings(model: ClusterModel): Finding[] {
  return [
    ...kustomizationFindings(model),
    ...chartRefFindings(model),
    ...unmodelledFluentBitFindings(model),
    ...pinnedSourceFindings(model),
    ...sharedNamespaceFindings(model),
    ...fluentBitReleases(model).flatMap((release) => [...scrapeFindings(model, release), ...networkPolicyFindings(model, release)]),
    // Once per namespace: two releases in one namespace share its Pod Security label.
    ...[...new Map(fluentBitReleases(model).map((release) => [namespaceOf(release.object), release])).values()].flatMap((release) => namespaceFindings(model, release)),
    ...healthCheckFindings(model),
  ];
}

function kustomizationFindings(model: ClusterModel): Finding[] {
  const names = new Set([...model.kustomizations.map((k) => k.object.metadata.name), ...model.external.kustomizations]);
  const findings: Finding[] = [];
  for (const entry of model.kustomizations) {
    const spec = entry.object.spec ?? {};
    if (spec.wait === true && (spec.healthChecks?.length ?? 0) > 0) {
      findings.push(finding(entry, 'spec.wait', 'wait: true makes Flux ignore spec.healthChecks', 'set wait: false to keep the health checks, or drop healthChecks'));
    }
    (spec.dependsOn ?? []).forEach((dependency, index) => {
      if (!names.has(dependency.name)) {
        findings.push(finding(entry, `spec.dependsOn[${index}].name`, `depends on Kustomization ${dependency.name}, which is neither rendered for this cluster nor declared external`, 'fix the name, or declare it in the cluster settings (logSink.dependsOn)'));
      }
    });
  }
  return findings;
}

function chartRefFindings(model: ClusterModel): Finding[] {
  return ofKind<HelmRelease>(model.built, 'HelmRelease').flatMap((release) => {
    const ref = release.object.spec?.chartRef;
    if (!ref) return [];
    return chartSourceOf(model, release)
      ? []
      : [finding(release, 'spec.chartRef', `chartRef ${ref.kind}/${ref.namespace ?? namespaceOf(release.object)}/${ref.name} is not rendered for this cluster`, 'render the chart source (repositories/oci) or fix the reference')];
  });
}

function scrapeFindings(model: ClusterModel, release: BuiltObject & { object: HelmRelease }): Finding[] {
  const values = release.object.spec?.values ?? {};
  const name = releaseName(release.object);
  const labels = serviceLabels(values, name);
  const namespace = namespaceOf(release.object);
  const findings: Finding[] = [];
  let scraped = false;
  for (const scrape of ofKind(model.built, 'VMServiceScrape').filter((s) => namespaceOf(s.object) === namespace)) {
    const spec = scrape.object['spec'] as { selector?: LabelSelector; endpoints?: Array<{ port?: string }> } | undefined;
    if (!selects(spec?.selector, labels)) continue;
    scraped = true;
    (spec?.endpoints ?? []).forEach((endpoint, index) => {
      if (endpoint.port !== SERVICE_PORT_NAME) {
        findings.push(finding(scrape, `spec.endpoints[${index}].port`, `port ${JSON.stringify(endpoint.port)} is not a port of Service ${fullname(values, name)} (it has "${SERVICE_PORT_NAME}")`, `use port: ${SERVICE_PORT_NAME}`));
      }
    });
    if (values.serviceMonitor?.enabled) {
      findings.push(finding(release, 'spec.values.serviceMonitor.enabled', `the chart's ServiceMonitor and VMServiceScrape ${nameOf(scrape.object)} both scrape Service ${fullname(values, name)} (the VM operator converts ServiceMonitors): every sample twice`, 'set serviceMonitor.enabled: false'));
    }
  }
  const selecting = ofKind(model.built, 'VMServiceScrape').filter((s) => namespaceOf(s.object) === namespace && nameOf(s.object) === nameOf(release.object));
  if (!scraped && selecting.length > 0) {
    for (const scrape of selecting) {
      findings.push(finding(scrape, 'spec.selector.matchLabels', `selects no label set of the chart's Service ${fullname(values, name)} (${JSON.stringify(labels)})`, 'match app.kubernetes.io/name and app.kubernetes.io/instance of the release'));
    }
  }
  return findings;
}

interface PolicyPort { port?: number | string; protocol?: string }
interface PolicyPeer { ipBlock?: { cidr: string; except?: string[] }; namespaceSelector?: LabelSelector; podSelector?: LabelSelector }
interface EgressRule { to?: PolicyPeer[]; ports?: PolicyPort[] }

const allowsPort = (rule: EgressRule, port: number, protocol: string) =>
  !rule.ports?.length || rule.ports.some((p) => (p.protocol ?? 'TCP') === protocol && (p.port === undefined || Number(p.port) === port));

/** Whether a rule's peers include pods with `labels` in `namespace` (no `to` = anywhere). */
const reachesPods = (rule: EgressRule, namespace: string, labels: Labels, policyNamespace: string | undefined) =>
  !rule.to?.length ||
  rule.to.some((peer) =>
    !peer.ipBlock &&
    (peer.namespaceSelector ? selects(peer.namespaceSelector, { 'kubernetes.io/metadata.name': namespace }) : namespace === policyNamespace) &&
    selects(peer.podSelector, labels),
  );

const reachesAddress = (rule: EgressRule, cidr: string) =>
  !rule.to?.length || rule.to.some((peer) => peer.ipBlock && cidrContains(peer.ipBlock.cidr, cidr) && !(peer.ipBlock.except ?? []).some((e) => cidrContains(e, cidr) || cidrContains(cidr, e)));

const KUBE_DNS = { 'k8s-app': 'kube-dns' };

function networkPolicyFindings(model: ClusterModel, release: BuiltObject & { object: HelmRelease }): Finding[] {
  const values = release.object.spec?.values ?? {};
  const pods = podLabels(values, releaseName(release.object));
  const namespace = namespaceOf(release.object);
  const inNamespace = ofKind(model.built, 'NetworkPolicy').filter((p) => namespaceOf(p.object) === namespace);
  const policies = inNamespace.filter((policy) => {
    const spec = policy.object['spec'] as { podSelector?: LabelSelector; policyTypes?: string[] } | undefined;
    return spec?.policyTypes?.includes('Egress') && selects(spec.podSelector, pods);
  });
  if (policies.length === 0) {
    return inNamespace.map((policy) =>
      finding(policy, 'spec.podSelector', `selects none of the Fluent Bit pods (labels ${JSON.stringify(pods)})`, 'select app.kubernetes.io/name and app.kubernetes.io/instance of the release', 'warning'),
    );
  }
  const [policy] = policies;
  const rules = policies.flatMap((p) => ((p.object['spec'] as { egress?: EgressRule[] }).egress ?? []));
  const findings: Finding[] = [];
  const fail = (message: string, fix: string) => findings.push(finding(policy!, 'spec.egress', message, fix));

  for (const protocol of ['UDP', 'TCP']) {
    if (!rules.some((rule) => allowsPort(rule, 53, protocol) && reachesPods(rule, 'kube-system', KUBE_DNS, namespace))) {
      fail(`DNS over ${protocol} 53 to kube-dns in kube-system is not allowed${protocol === 'TCP' ? ' (resolvers retry truncated answers over TCP, RFC 7766)' : ''}`, `allow ${protocol} 53 to k8s-app: kube-dns in namespace kube-system`);
    }
  }

  // Only the kubernetes filter talks to the API server; a collector without one needs no path there.
  const readsApi = mainSections(values).some((section) => section.kind === 'FILTER' && pluginName(section) === 'kubernetes');
  const { network } = model;
  const apiPorts = network ? [network.apiServer.port] : [6443, 443];
  const apiTargets = network ? network.apiServer.cidrs : undefined;
  const apiAllowed = apiTargets
    ? apiTargets.every((cidr) => rules.some((rule) => allowsPort(rule, network!.apiServer.port, 'TCP') && reachesAddress(rule, cidr)))
    : rules.some((rule) => rule.to?.some((peer) => peer.ipBlock) && apiPorts.some((port) => allowsPort(rule, port, 'TCP')));
  if (readsApi && !apiAllowed) {
    const bySelector = rules.some((rule) => rule.to?.some((peer) => peer.namespaceSelector || peer.podSelector) && apiPorts.some((port) => rule.ports?.length && allowsPort(rule, port, 'TCP')));
    fail(
      `the Kubernetes API server${apiTargets ? ` (${apiTargets.join(', ')} on ${apiPorts[0]})` : ''} is not allowed by ipBlock${bySelector ? ': selectors never match the host-networked kube-apiserver' : ''}; the kubernetes filter gets no metadata`,
      `allow TCP ${apiPorts[0]} to the control-plane node addresses with ipBlock`,
    );
  }

  for (const port of outputPorts(values)) {
    const sink = network?.logSink;
    const allowed = rules.some((rule) => allowsPort(rule, port, 'TCP') && (!sink || reachesPods(rule, sink.namespace, sink.podLabels, namespace)));
    if (!allowed) {
      fail(
        `the log endpoint port ${port} (http output)${sink ? ` to the vmauth pods in ${sink.namespace}` : ''} is not allowed`,
        `allow TCP ${port} to the vmauth pods${sink ? ` (${JSON.stringify(sink.podLabels)} in ${sink.namespace})` : ''}`,
      );
    }
  }
  return findings;
}

function namespaceFindings(model: ClusterModel, release: BuiltObject & { object: HelmRelease }): Finding[] {
  const namespace = namespaceOf(release.object) ?? 'default';
  const object = model.built.find((b) => b.object['kind'] === 'Namespace' && nameOf(b.object) === namespace);
  if (!object) {
    return model.external.namespaces.includes(namespace)
      ? [finding(release, 'metadata.namespace', `namespace ${namespace} is managed elsewhere: make sure it has pod-security.kubernetes.io/enforce: privileged`, 'label it where it is managed', 'warning')]
      : [finding(release, 'metadata.namespace', `namespace ${namespace} is not created here, and Pod Security baseline (Talos' default) rejects the chart's hostPath volumes`, 'render the namespace with pod-security.kubernetes.io/enforce: privileged, or declare it managed elsewhere')];
  }
  const labels = ((object.object['metadata'] as { labels?: Labels }).labels ?? {});
  return labels['pod-security.kubernetes.io/enforce'] === 'privileged'
    ? []
    : [finding(object, 'metadata.labels', `Pod Security level ${JSON.stringify(labels['pod-security.kubernetes.io/enforce'] ?? 'baseline (Talos default)')} rejects the Fluent Bit DaemonSet's hostPath volumes`, 'label the namespace pod-security.kubernetes.io/enforce: privileged')];
}

/** A DaemonSet health check that names none of the DaemonSets the Kustomization's fluent-bit releases create. */
function healthCheckFindings(model: ClusterModel): Finding[] {
  const releases = fluentBitReleases(model);
  return model.kustomizations.flatMap((entry) => {
    const created = releases
      .filter((release) => release.kustomization === entry.object.metadata.name)
      .map((release) => ({ name: fullname(release.object.spec?.values ?? {}, releaseName(release.object)), namespace: namespaceOf(release.object) }));
    if (created.length === 0) return [];
    const checks = (entry.object.spec?.healthChecks ?? []) as Array<{ kind?: string; name?: string; namespace?: string }>;
    const list = created.map((d) => `${d.namespace}/${d.name}`).join(', ');
    return checks.flatMap((check, index) =>
      check.kind === 'DaemonSet' && !created.some((d) => d.name === check.name && d.namespace === check.namespace)
        ? [finding(entry, `spec.healthChecks[${index}]`, `DaemonSet ${check.namespace ?? '(no namespace)'}/${check.name} is not what the chart creates (${list}); the health check would never pass`, `use the name and namespace of one of: ${list}`)]
        : [],
    );
  });
}
