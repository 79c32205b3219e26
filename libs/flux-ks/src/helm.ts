import type { HelmRelease, OCIRepository } from '@gitops/api-types';
import { FLUX_NAMESPACE } from './flux-kustomization';

/** OCI layer of a Helm chart (helm-controller docs, "Chart reference"). */
const HELM_CHART_LAYER = 'application/vnd.cncf.helm.chart.content.v1.tar+gzip';

export interface HelmChartSourceOptions {
  name: string;
  /** `oci://` URL of the chart. */
  url: string;
  /** Exact chart version. */
  tag: string;
  interval?: string;
}

/** A Helm chart in an OCI registry, pinned by tag (source.toolkit.fluxcd.io/v1, Flux >= 2.6). */
export function helmChartSource(options: HelmChartSourceOptions): OCIRepository {
  return {
    apiVersion: 'source.toolkit.fluxcd.io/v1',
    kind: 'OCIRepository',
    metadata: { name: options.name, namespace: FLUX_NAMESPACE },
    spec: {
      // The tag is pinned, so polling only notices a re-pushed tag; twice a day is plenty.
      interval: options.interval ?? '12h',
      url: options.url,
      ref: { tag: options.tag },
      layerSelector: { mediaType: HELM_CHART_LAYER, operation: 'copy' },
    },
  };
}

export interface HelmReleaseOptions {
  name: string;
  namespace: string;
  /** The OCIRepository (in flux-system) holding the chart. */
  chartSource: string;
  values: object;
  interval?: string;
  timeout?: string;
  /** Install and upgrade attempts before Flux gives up (remediation retries). */
  retries?: number;
}

export function helmRelease(options: HelmReleaseOptions): HelmRelease {
  // As the story asks: three more attempts, then Flux stops and reports the release as failed.
  const retries = options.retries ?? 3;
  return {
    apiVersion: 'helm.toolkit.fluxcd.io/v2',
    kind: 'HelmRelease',
    metadata: { name: options.name, namespace: options.namespace },
    spec: {
      chartRef: { kind: 'OCIRepository', name: options.chartSource, namespace: FLUX_NAMESPACE },
      interval: options.interval ?? '1h',
      timeout: options.timeout ?? '10m',
      install: { remediation: { retries } },
      upgrade: { remediation: { retries } },
      values: { ...options.values },
    },
  };
}
