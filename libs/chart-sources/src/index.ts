/** The chart-sources app: the OCI Helm chart sources other apps' HelmReleases reference. */
export { chartSources, CHART_SOURCES_KUSTOMIZATION, type HelmChart } from './chart-sources';
