/**
 * A kustomize `kustomization.yaml` (kustomize.config.k8s.io/v1beta1), limited to the fields we
 * write. Hand-typed: no upstream schema for it is among the API definitions we generate from.
 */
export interface KustomizeConfig {
  apiVersion: 'kustomize.config.k8s.io/v1beta1';
  kind: 'Kustomization';
  resources: string[];
}

/** The file names kustomize reads as a folder's kustomization, in its order of preference. */
export const KUSTOMIZATION_FILES: readonly string[] = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

export function kustomizeConfig(resources: readonly string[]): KustomizeConfig {
  return { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources: [...resources] };
}
