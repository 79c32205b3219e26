import { describe, expect, it } from 'vitest';
import * as api from './index';

describe('public API', () => {
  it('exports the documented names', () => {
    expect(Object.keys(api).sort()).toEqual([
      'SUBSTITUTE_DISABLED',
      'SUBSTITUTE_OPT_OUT',
      'SubstitutionError',
      'VARIABLE_NAME_PATTERN',
      'envsubst',
      'isSubstitutionDisabled',
      'isValidVariableName',
      'postBuildVariables',
      'substituteObject',
    ]);
    expect(api.SUBSTITUTE_OPT_OUT).toBe('kustomize.toolkit.fluxcd.io/substitute');
  });

  it('supports the kustomize-controller flow: load variables, then substitute each object if that runs', () => {
    const { variables, runs } = api.postBuildVariables(
      { substitute: { cluster: 'prod' }, substituteFrom: [{ kind: 'ConfigMap', name: 'cluster-vars' }] },
      (kind, name) => (kind === 'ConfigMap' && name === 'cluster-vars' ? { data: { replicas: '3' } } : undefined),
    );
    expect(runs).toBe(true);
    const deployment = { kind: 'Deployment', metadata: { name: 'app-${cluster}' }, spec: { replicas: '${replicas}' } };
    expect(api.substituteObject(deployment, variables, { strict: true })).toEqual({
      kind: 'Deployment',
      metadata: { name: 'app-prod' },
      spec: { replicas: 3 },
    });
  });
});
