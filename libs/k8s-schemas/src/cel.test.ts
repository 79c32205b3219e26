import { describe, expect, it } from 'vitest';
import { celViolations } from './cel';

const helmRelease = (spec: Record<string, unknown>) => ({
  apiVersion: 'helm.toolkit.fluxcd.io/v2',
  kind: 'HelmRelease',
  metadata: { name: 'app', namespace: 'default' },
  spec: { interval: '10m', ...spec },
});
const chartRef = { kind: 'OCIRepository', name: 'app', namespace: 'flux-system' };
const chart = { spec: { chart: 'app', sourceRef: { kind: 'HelmRepository', name: 'repo' } } };

describe('CRD CEL rules (x-kubernetes-validations)', () => {
  it('HelmRelease: chart xor chartRef', () => {
    expect(celViolations(helmRelease({ chartRef }))).toEqual([]);
    expect(celViolations(helmRelease({ chart }))).toEqual([]);
    const both = celViolations(helmRelease({ chart, chartRef }));
    expect(both).toEqual([{ path: 'spec', message: expect.stringMatching(/^either chart or chartRef must be set \(CEL rule `/) }]);
    expect(celViolations(helmRelease({}))).toHaveLength(1);
  });

  it('HelmRelease: a remediation strategy rule, deeper in the object', () => {
    const strategy = (name: string) => helmRelease({ chartRef, install: { strategy: { name, retryInterval: '5m' } } });
    expect(celViolations(strategy('RetryOnFailure'))).toEqual([]);
    expect(celViolations(strategy('RemediateOnFailure'))).toEqual([
      expect.objectContaining({ path: 'spec.install.strategy', message: expect.stringContaining("retryInterval cannot be set when .name is 'RemediateOnFailure'") }),
    ]);
  });

  it('Kustomization: kubeConfig needs exactly one of configMapRef and secretRef', () => {
    const kustomization = (kubeConfig: unknown) => ({ apiVersion: 'kustomize.toolkit.fluxcd.io/v1', kind: 'Kustomization', metadata: { name: 'k' }, spec: { kubeConfig } });
    expect(celViolations(kustomization({ secretRef: { name: 'kubeconfig' } }))).toEqual([]);
    expect(celViolations(kustomization({}))).toEqual([expect.objectContaining({ path: 'spec.kubeConfig' })]);
    expect(celViolations(kustomization({ secretRef: { name: 'a' }, configMapRef: { name: 'b' } }))).toEqual([expect.objectContaining({ path: 'spec.kubeConfig' })]);
  });

  it('leaves kinds without rules and objects without the field alone', () => {
    expect(celViolations({ apiVersion: 'v1', kind: 'ConfigMap' })).toEqual([]);
    expect(celViolations({ apiVersion: 'kustomize.toolkit.fluxcd.io/v1', kind: 'Kustomization', spec: { path: './' } })).toEqual([]);
  });
});
