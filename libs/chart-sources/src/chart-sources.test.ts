import { describe, expect, it } from 'vitest';
import type { OCIRepository } from '@gitops/api-types';
import { FluxVariables } from '@gitops/cluster';
import { chartSources, CHART_SOURCES_KUSTOMIZATION } from './chart-sources';

const context = { cluster: 'demo', environment: 'staging', apiServer: { cidrs: ['192.0.2.1/32'] as [string], port: 6443 }, variables: new FluxVariables() };
const podinfo = { name: 'podinfo', url: 'oci://ghcr.io/stefanprodan/charts/podinfo', tag: '6.9.0' };
const fluentBit = { name: 'fluent-bit', url: 'oci://ghcr.io/fluent/helm-charts/fluent-bit', tag: '0.58.1' };

describe('the chart-sources app', () => {
  it('renders one pinned OCIRepository per chart, applied by infrastructure-repositories-oci', () => {
    const app = chartSources([fluentBit, podinfo]);
    const { kustomization, files } = app.render(context);
    expect(app.folder).toBe('repositories/oci');
    expect(kustomization).toEqual({ name: CHART_SOURCES_KUSTOMIZATION });
    expect(files.map((file) => file.path)).toEqual(['fluent-bit.yaml', 'podinfo.yaml']);
    const source = files[1]!.documents[0] as OCIRepository;
    expect(source.metadata).toEqual({ name: 'podinfo', namespace: 'flux-system' });
    expect(source.spec).toMatchObject({ url: podinfo.url, ref: { tag: '6.9.0' } });
  });

  it('accepts distinct, valid chart names', () => {
    expect(chartSources([fluentBit, podinfo]).check!()).toEqual([]);
  });

  it('refuses two charts of one name, and a name that cannot name an object and its file', () => {
    expect(chartSources([fluentBit, podinfo, { ...podinfo, tag: '6.9.1' }, { ...podinfo, name: '../x' }]).check!()).toEqual([
      { path: 'charts[2].name', value: 'podinfo', expected: 'a chart name no other chart source of this cluster has' },
      { path: 'charts[3].name', value: '../x', expected: 'a DNS-1123 label (it names the OCIRepository and its file)' },
    ]);
  });
});
