import { describe, expect, it } from 'vitest';
import { fluxKustomization } from './flux-kustomization';
import { helmChartSource, helmRelease } from './helm';
import { kustomizeConfig } from './kustomize-config';

describe('Flux builders', () => {
  it('judges health by healthChecks, never together with wait: true (which ignores them)', () => {
    const ks = fluxKustomization({
      name: 'app',
      path: './kubernetes/app',
      dependsOn: ['a', 'b'],
      substituteFrom: ['cluster-settings'],
      healthChecks: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'x', namespace: 'y' }],
    });
    expect(ks.spec?.wait).toBe(false);
    expect(ks.spec?.healthChecks).toHaveLength(1);
    expect(ks.spec?.dependsOn).toEqual([{ name: 'a' }, { name: 'b' }]);
    expect(ks.spec?.postBuild).toEqual({ substituteFrom: [{ kind: 'ConfigMap', name: 'cluster-settings' }] });
    expect(ks.metadata.namespace).toBe('flux-system');
    expect(ks.spec?.prune).toBe(true);
  });

  it('leaves out empty dependsOn, postBuild and healthChecks', () => {
    const spec = fluxKustomization({ name: 'a', path: './a' }).spec!;
    expect(spec).not.toHaveProperty('dependsOn');
    expect(spec).not.toHaveProperty('postBuild');
    expect(spec).not.toHaveProperty('healthChecks');
  });

  it('pins an OCI chart by tag with the Helm chart layer (source.toolkit.fluxcd.io/v1)', () => {
    const source = helmChartSource({ name: 'fluent-bit', url: 'oci://ghcr.io/fluent/helm-charts/fluent-bit', tag: '0.58.1' });
    expect(source.apiVersion).toBe('source.toolkit.fluxcd.io/v1');
    expect(source.spec?.ref).toEqual({ tag: '0.58.1' });
    expect(source.spec?.layerSelector).toEqual({
      mediaType: 'application/vnd.cncf.helm.chart.content.v1.tar+gzip',
      operation: 'copy',
    });
  });

  it('installs a HelmRelease from the chart source by chartRef, with remediation retries', () => {
    const release = helmRelease({ name: 'fluent-bit', namespace: 'observability', chartSource: 'fluent-bit', values: { a: 1 } });
    expect(release.spec?.chartRef).toEqual({ kind: 'OCIRepository', name: 'fluent-bit', namespace: 'flux-system' });
    expect(release.spec).not.toHaveProperty('chart');
    expect(release.spec?.install).toEqual({ remediation: { retries: 3 } });
    expect(release.spec?.upgrade).toEqual({ remediation: { retries: 3 } });
    expect(release.spec?.values).toEqual({ a: 1 });
  });

  it('writes kustomization.yaml resources in the given order', () => {
    expect(kustomizeConfig(['b.yaml', 'a.yaml'])).toEqual({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: ['b.yaml', 'a.yaml'],
    });
  });
});
