import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from './findings';
import { validateCluster } from './validate-cluster';

const fixture = join(import.meta.dirname, 'fixtures/story');

// The story's manifests as written (fixtures/story): today's usual pipeline (kustomize build |
// kubeconform) passes them, yet they cannot work. Each defect the render issue lists must show up.
describe('the story`s original manifests', () => {
  const report = validateCluster({
    cluster: 'story',
    repoRoot: fixture,
    folders: ['kubernetes'],
    external: { kustomizations: ['observability-victoria-logs'], namespaces: [] },
  });
  const has = (check: Finding['check'], severity: Finding['severity'], text: string, path?: string) =>
    expect(report.findings).toContainEqual(
      expect.objectContaining({ check, severity, message: expect.stringContaining(text), ...(path && { path }) }),
    );

  it('fail validation', () => {
    expect(report.findings.filter((f) => f.severity === 'error').length).toBeGreaterThan(0);
  });

  it.each<[string, Finding['check'], Finding['severity'], string, string?]>([
    ['top-level volumes the chart ignores', 'helm-values', 'error', 'unknown field `volumes`', 'spec.values.volumes'],
    ['top-level volumeMounts the chart ignores', 'helm-values', 'error', 'unknown field `volumeMounts`', 'spec.values.volumeMounts'],
    ['the state directory never mounted: the tail DB', 'pipeline', 'error', 'DB /var/fluent-bit/state/flb_kube.db is not under any volume mount'],
    ['the state directory never mounted: storage.path', 'pipeline', 'error', 'storage.path /var/fluent-bit/state/flb-storage/ is not under any volume mount'],
    ['docker parser redefined (fatal on 5.1)', 'pipeline', 'error', 'parser "docker" is already defined'],
    ['cri parser redefined (fatal on 5.1)', 'pipeline', 'error', 'parser "cri" is already defined'],
    ['relative Parsers_File', 'pipeline', 'warning', 'Parsers_File parsers.conf is relative'],
    ['memory buffering on the tail input', 'pipeline', 'warning', 'memory buffering'],
    ['a queue limit that does nothing without filesystem buffering', 'pipeline', 'error', 'storage.total_limit_size has no effect'],
    ['long lines silently dropped', 'pipeline', 'warning', 'longer lines are dropped silently'],
    ['Format json to /insert/jsonline', 'pipeline', 'error', 'Format json sends one JSON array'],
    ['no _msg_field', 'pipeline', 'error', 'has no _msg_field'],
    ['X-Scope-OrgID as the tenant', 'pipeline', 'error', 'X-Scope-OrgID is ignored'],
    ['Retry_Limit 3', 'pipeline', 'warning', 'Retry_Limit 3 drops each chunk'],
    ['128 chunks in memory under a 128Mi limit', 'pipeline', 'error', 'storage.max_chunks_up 128'],
    ['the chart ServiceMonitor besides the VMServiceScrape', 'cross-reference', 'error', 'both scrape Service fluent-bit', 'spec.values.serviceMonitor.enabled'],
    ['DNS over UDP only', 'cross-reference', 'error', 'DNS over TCP 53 to kube-dns in kube-system is not allowed'],
    ['the API server by namespaceSelector', 'cross-reference', 'error', 'selectors never match the host-networked kube-apiserver'],
    ['wait: true with healthChecks', 'cross-reference', 'error', 'wait: true makes Flux ignore spec.healthChecks', 'spec.wait'],
    ['no privileged namespace for hostPath on Talos', 'cross-reference', 'error', 'Pod Security baseline'],
    ['the audit ConfigMap nothing applies', 'kustomize', 'warning', 'nothing applies it'],
  ])('reports %s', (_, check, severity, text, path) => has(check, severity, text, path));

  it('locates each finding in a file and, for objects, by kind/namespace/name', () => {
    for (const finding of report.findings) expect(finding.file).toMatch(/^kubernetes\//);
    expect(report.findings.find((f) => f.check === 'helm-values')?.object).toEqual({ kind: 'HelmRelease', namespace: 'observability', name: 'fluent-bit' });
  });
});
