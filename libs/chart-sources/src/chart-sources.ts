import { DNS1123_LABEL, type App } from '@gitops/cluster';
import { helmChartSource, type HelmChartSourceOptions } from '@gitops/flux-ks';

/** The Flux Kustomization that applies the chart sources: apps with a HelmRelease depend on it. */
export const CHART_SOURCES_KUSTOMIZATION = 'infrastructure-repositories-oci';

/** A Helm chart published as OCI, pinned to one version; its name names the OCIRepository. */
export type HelmChart = Pick<HelmChartSourceOptions, 'name' | 'url' | 'tag'>;

/** The app that applies the cluster's OCI chart sources (OCIRepository per chart, in flux-system). */
export function chartSources(charts: readonly HelmChart[]): App {
  return {
    folder: 'repositories/oci',
    check: () =>
      charts.flatMap((chart, index) => {
        const path = `charts[${index}].name`;
        if (!DNS1123_LABEL.test(chart.name)) return [{ path, value: chart.name, expected: 'a DNS-1123 label (it names the OCIRepository and its file)' }];
        if (charts.findIndex((other) => other.name === chart.name) < index) {
          return [{ path, value: chart.name, expected: 'a chart name no other chart source of this cluster has' }];
        }
        return [];
      }),
    render: () => ({
      kustomization: { name: CHART_SOURCES_KUSTOMIZATION },
      files: charts.map((chart) => ({ path: `${chart.name}.yaml`, documents: [helmChartSource(chart)] })),
    }),
  };
}
