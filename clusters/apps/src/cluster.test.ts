import { describe, expect, it } from 'vitest';
import { renderCluster } from '@gitops/cluster';
import apps from './index';

const render = () => renderCluster(apps);

describe('apps cluster', () => {
  it('collects container logs only: no audit input, no extra capability', () => {
    const release = render().find((f) => f.path.endsWith('helmrelease.yaml'))!.documents[0] as {
      spec: { values: { config: { inputs: string }; securityContext: { capabilities: object } } };
    };
    expect(release.spec.values.config.inputs).not.toContain('audit');
    expect(release.spec.values.securityContext.capabilities).toEqual({ drop: ['ALL'] });
  });

  it('labels its logs cluster=apps and defines no audit variables', () => {
    const settings = render().find((f) => f.path === 'cluster-settings.yaml')!.documents[0] as { data: Record<string, string> };
    expect(settings.data['CLUSTER']).toBe('apps');
    expect(Object.keys(settings.data).filter((key) => key.includes('AUDIT'))).toEqual([]);
  });
});
