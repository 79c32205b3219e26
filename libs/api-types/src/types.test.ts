import { describe, expect, it } from 'vitest';
import type { HelmRelease, Kustomization, NetworkPolicy, OCIRepository, VMRule, VMServiceScrape } from './index';

// These checks run in `tsc` (the typecheck target): each @ts-expect-error fails the build if the
// line after it ever compiles, i.e. if a generated type stopped rejecting a misspelt field.
describe('generated API types', () => {
  it('reject misspelt fields and wrong literals at compile time', () => {
    const policy: NetworkPolicy = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'p' },
      // @ts-expect-error `podSelecter` is not a NetworkPolicySpec field
      spec: { podSelecter: {} },
    };
    const kustomization: Kustomization = {
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: { name: 'k' },
      // @ts-expect-error `healthcheck` is not a Kustomization spec field
      spec: { interval: '1m', prune: true, sourceRef: { kind: 'GitRepository', name: 'x' }, healthcheck: [] },
    };
    const release: HelmRelease = {
      // @ts-expect-error v2beta1 is not the generated API version
      apiVersion: 'helm.toolkit.fluxcd.io/v2beta1',
      kind: 'HelmRelease',
      metadata: { name: 'r' },
      spec: { interval: '1h' },
    };
    const source: OCIRepository = {
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'OCIRepository',
      metadata: { name: 's' },
      // @ts-expect-error layerSelector.operation is extract or copy
      spec: { interval: '1h', url: 'oci://x', layerSelector: { operation: 'unpack' } },
    };
    const scrape: VMServiceScrape = {
      apiVersion: 'operator.victoriametrics.com/v1beta1',
      kind: 'VMServiceScrape',
      metadata: { name: 'v' },
      // @ts-expect-error `endpoint` (singular) is not a field
      spec: { selector: {}, endpoints: [], endpoint: [] },
    };
    const rule: VMRule = {
      apiVersion: 'operator.victoriametrics.com/v1beta1',
      kind: 'VMRule',
      metadata: { name: 'r' },
      // @ts-expect-error `expression` is not a rule field (it is `expr`)
      spec: { groups: [{ name: 'g', rules: [{ alert: 'A', expression: 'up == 0' }] }] },
    };
    // The values are irrelevant at run time; the assertions above are the compiler's.
    expect([policy, kustomization, release, source, scrape, rule]).toHaveLength(6);
  });
});
