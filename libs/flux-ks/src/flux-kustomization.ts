import type { Kustomization } from '@gitops/api-types';

type Spec = NonNullable<Kustomization['spec']>;

export const FLUX_NAMESPACE = 'flux-system';

export interface FluxKustomizationOptions {
  name: string;
  /** Path in the Git repository, `./`-relative to its root. */
  path: string;
  dependsOn?: readonly string[];
  /** ConfigMaps (in flux-system) whose keys are post-build variables. */
  substituteFrom?: readonly string[];
  /** Objects that must be Ready before the Kustomization is. */
  healthChecks?: Spec['healthChecks'];
  interval?: string;
  timeout?: string;
}

/**
 * A Flux Kustomization of the bootstrap repository (GitRepository flux-system). Health is judged
 * by `healthChecks` alone: with `wait: true` Flux ignores `healthChecks` (kustomizations.md "Wait").
 */
export function fluxKustomization(options: FluxKustomizationOptions): Kustomization {
  return {
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind: 'Kustomization',
    metadata: { name: options.name, namespace: FLUX_NAMESPACE },
    spec: {
      interval: options.interval ?? '30m',
      timeout: options.timeout ?? '10m',
      retryInterval: '1m',
      sourceRef: { kind: 'GitRepository', name: 'flux-system' },
      path: options.path,
      prune: true,
      wait: false,
      ...(options.dependsOn?.length && { dependsOn: options.dependsOn.map((name) => ({ name })) }),
      ...(options.substituteFrom?.length && {
        postBuild: { substituteFrom: options.substituteFrom.map((name) => ({ kind: 'ConfigMap' as const, name })) },
      }),
      ...(options.healthChecks?.length && { healthChecks: options.healthChecks }),
    },
  };
}
