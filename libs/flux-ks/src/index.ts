/** Flux objects: Kustomizations (and the kustomize files they build), chart sources, HelmReleases. */
export { fluxKustomization, FLUX_NAMESPACE, type FluxKustomizationOptions } from './flux-kustomization';
export { kustomizeConfig, KUSTOMIZATION_FILES, type KustomizeConfig } from './kustomize-config';
export { helmChartSource, helmRelease, type HelmChartSourceOptions, type HelmReleaseOptions } from './helm';
