import { fluxKustomization, helmChartSource, kustomizeConfig } from '@gitops/flux-ks';
import type { ManifestFile } from '@gitops/manifest';
import { fluxPath } from './layout';

export const CHART_SOURCES_DIR = 'repositories/oci';

/** The fluent-bit chart, published by fluent/helm-charts as OCI; 0.58.1 ships Fluent Bit 5.1.1. */
export const FLUENT_BIT_CHART_SOURCE = {
  name: 'fluent-bit',
  url: 'oci://ghcr.io/fluent/helm-charts/fluent-bit',
  tag: '0.58.1',
  /** The Flux Kustomization that applies the chart sources. */
  kustomization: 'infrastructure-repositories-oci',
} as const;

/** The OCI chart sources and the Flux Kustomization that applies them. */
export function chartSources(cluster: string): ManifestFile[] {
  const sources = [{ path: 'fluent-bit.yaml', documents: [helmChartSource(FLUENT_BIT_CHART_SOURCE)] }];
  return [
    {
      path: `${CHART_SOURCES_DIR}/ks.yaml`,
      documents: [
        fluxKustomization({
          name: FLUENT_BIT_CHART_SOURCE.kustomization,
          path: fluxPath(cluster, `${CHART_SOURCES_DIR}/app`),
        }),
      ],
    },
    { path: `${CHART_SOURCES_DIR}/app/kustomization.yaml`, documents: [kustomizeConfig(sources.map((s) => s.path))] },
    ...sources.map((file) => ({ ...file, path: `${CHART_SOURCES_DIR}/app/${file.path}` })),
  ];
}
