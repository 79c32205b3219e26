import { describe, expect, it } from 'vitest';
import { GOOD_CONFIG, replaceOnce } from '../../fluent-bit-lint/src/fixtures';
import { diffCluster } from './diff-cluster';
import { CUT_MARKER, formatMarkdown, formatText } from './format';
import { API_SERVER_RULE, daemonSet, helmRelease, networkPolicy, SINK_RULE } from './test-objects.test-support';
import type { ClusterDiff } from './types';

/**
 * A cluster whose change lowers the retry limit, widens the NetworkPolicy and changes `extra`
 * ConfigMaps (their data names the cluster, so that no two clusters have the same changes).
 */
function changedCluster(name: string, extra = 0): ClusterDiff {
  const configMaps = (value: string) => Array.from({ length: extra }, (_, i) => ({ object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `settings-${i}`, namespace: 'apps' }, data: { value: `${name} ${value}` } } }));
  const before = [helmRelease(), networkPolicy([API_SERVER_RULE, SINK_RULE]), daemonSet()].map((object) => ({ object }));
  const after = [
    helmRelease((v) => (v.config.outputs = replaceOnce(GOOD_CONFIG.outputs, 'retry_limit no_limits', 'retry_limit 3'))),
    networkPolicy([{ ...API_SERVER_RULE, to: [{ ipBlock: { cidr: '192.0.2.0/24' } }] }, SINK_RULE]),
    daemonSet(),
  ].map((object) => ({ object }));
  return diffCluster(name, { objects: [...before, ...configMaps('a')] }, { objects: [...after, ...configMaps('b')] });
}

describe('text', () => {
  it('prints a summary table per cluster, then each change with its danger flag under it', () => {
    const text = formatText([changedCluster('infra'), diffCluster('quiet', { objects: [] }, { objects: [] })], { base: 'main' });
    expect(text).toContain('Fleet diff against main: 1 cluster changed of 2, 2 objects, ⚠ 2 danger flags');
    expect(text).toContain('  kind           added  changed  removed\n  HelmRelease        0        1        0\n  NetworkPolicy      0        1        0');
    expect(text).toContain(
      '~ [OUTPUT] http kube.*: retry_limit no_limits -> 3\n          ⚠ durability: fewer retries (no_limits -> 3): chunks are dropped sooner while the sink is down',
    );
    expect(text).toContain('~ spec.egress[0].to[0].ipBlock.cidr: 192.0.2.11/32 -> 192.0.2.0/24');
    expect(text).toContain('⚠ network-widened: new destination ipBlock 192.0.2.0/24 (wider than ipBlock 192.0.2.11/32) on TCP 6443');
    expect(text).toContain('\nNo changes: quiet.\n');
  });
});

describe('Markdown', () => {
  it('puts each cluster and object in collapsible sections, flagged ones open, without a cut note when it fits', () => {
    const { markdown, cut } = formatMarkdown([changedCluster('infra')], 60_000);
    expect(cut).toBe(false);
    expect(markdown).toContain('<details open><summary><b>infra</b>: 2 changed, ⚠ 2 danger flags</summary>');
    expect(markdown).toContain('| HelmRelease | 0 | 1 | 0 |');
    expect(markdown).toContain('<details open><summary><code>~ HelmRelease observability/fluent-bit</code> ⚠ durability</summary>');
    expect(markdown).not.toContain(CUT_MARKER);
  });

  it('stays within the budget on a 200-cluster change, keeps every flagged object it can and names what it cut', () => {
    const fleet = Array.from({ length: 200 }, (_, i) => changedCluster(`cluster-${String(i).padStart(3, '0')}`, 5));
    const started = performance.now();
    const { markdown, cut } = formatMarkdown(fleet, 60_000);
    const elapsed = performance.now() - started;
    expect(markdown.length).toBeLessThanOrEqual(60_000);
    expect(cut).toBe(true);
    expect(markdown).toContain(CUT_MARKER);
    expect(markdown).toMatch(/Object diffs omitted \(\d+\): cluster-\d{3}: ConfigMap apps\/settings-0/);
    expect(markdown).toMatch(/and \d+ more/);
    // Flagged objects come first: no plain ConfigMap diff is shown while a flagged object is left out.
    expect(markdown).not.toContain('<code>~ ConfigMap');
    expect(elapsed).toBeLessThan(2_000);
    // Deterministic: the same input gives the same bytes.
    expect(formatMarkdown(fleet, 60_000).markdown).toBe(markdown);
  });

  it('names the clusters it could not fit at all', () => {
    const fleet = Array.from({ length: 200 }, (_, i) => changedCluster(`c${i}`, 1));
    const { markdown } = formatMarkdown(fleet, 5_000);
    expect(markdown.length).toBeLessThanOrEqual(5_000);
    expect(markdown).toMatch(/Clusters omitted \(\d+\): c\d+/);
  });

  it('shows clusters with the same changes once, under all their names', () => {
    const fleet = Array.from({ length: 200 }, (_, i) => changedCluster(`c${String(i).padStart(3, '0')}`));
    const { markdown, cut } = formatMarkdown(fleet, 60_000);
    expect(cut).toBe(false);
    expect(markdown).toContain('### Fleet diff: 200 clusters changed of 200, 400 objects, ⚠ 400 danger flags');
    expect(markdown).toContain('<summary><b>c000, c001, c002, c003, c004 and 195 more (200 clusters, the same changes)</b>: 2 changed, ⚠ 2 danger flags</summary>');
    expect(markdown).toContain('clusters: c000, c001, c002');
    expect(markdown.match(/~ HelmRelease observability\/fluent-bit/g)).toHaveLength(1);
    expect(markdown.length).toBeLessThan(5_000);
  });
});
