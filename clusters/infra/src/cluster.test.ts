import { describe, expect, it } from 'vitest';
import { renderCluster } from '@gitops/cluster';
import infra from './index';

const helmRelease = () => renderCluster(infra).find((f) => f.path.endsWith('helmrelease.yaml'))!.documents[0] as {
  spec: { values: { config: { inputs: string; outputs: string }; securityContext: { capabilities: object } } };
};

describe('infra cluster', () => {
  it('collects API audit logs into their own tenant, with the capability to read them', () => {
    const { values } = helmRelease().spec;
    expect(values.config.inputs).toContain('tag audit.*');
    expect(values.config.outputs).toContain('header AccountID ${OBSERVABILITY_AUDIT_ACCOUNT_ID}');
    expect(values.securityContext.capabilities).toEqual({ drop: ['ALL'], add: ['DAC_READ_SEARCH'] });
  });

  it('labels its logs cluster=infra and puts audit events in tenant 1', () => {
    const settings = renderCluster(infra).find((f) => f.path === 'cluster-settings.yaml')!.documents[0] as { data: Record<string, string> };
    expect(settings.data['CLUSTER']).toBe('infra');
    expect(settings.data['OBSERVABILITY_AUDIT_ACCOUNT_ID']).toBe('1');
  });
});
