/** How the fluent-bit Helm chart (0.58.x) turns its values into files and mounts. */

/** The `config` values of the chart that hold Fluent Bit classic-mode text. */
export interface ChartConfigValues {
  service?: string;
  inputs?: string;
  filters?: string;
  outputs?: string;
  customParsers?: string;
  extraFiles?: Readonly<Record<string, string>>;
}

/**
 * The files the chart's ConfigMap mounts at /fluent-bit/etc/conf (templates/configmap.yaml):
 * fluent-bit.conf = service + inputs + filters + outputs, custom_parsers.conf = customParsers,
 * plus every extraFiles entry. Helm `tpl` rendering is not applied.
 */
const MAIN_PARTS = ['service', 'inputs', 'filters', 'outputs'] as const;

export function chartConfigFiles(config: ChartConfigValues): Record<string, string> {
  const main = MAIN_PARTS.map((key) => config[key])
    .filter((part): part is string => part !== undefined)
    .join('\n');
  return {
    'fluent-bit.conf': main,
    'custom_parsers.conf': config.customParsers ?? '',
    ...(config.extraFiles ?? {}),
  };
}

/**
 * Where a line of fluent-bit.conf (as chartConfigFiles joins it) comes from: the `config` key,
 * e.g. `outputs`, and the line within that key's text (1-based).
 */
export function chartConfigLocation(config: ChartConfigValues, line: number): { key: (typeof MAIN_PARTS)[number]; line: number } | undefined {
  let start = 1;
  for (const key of MAIN_PARTS) {
    const part = config[key];
    if (part === undefined) continue;
    const next = start + part.split('\n').length;
    if (line < next) return { key, line: line - start + 1 };
    start = next;
  }
  return undefined;
}

/** The chart's default `daemonSetVolumeMounts` (values.yaml): /var/log read-write, the rest read-only. */
export const CHART_DEFAULT_MOUNTS: ReadonlyArray<{ mountPath: string; readOnly: boolean }> = [
  { mountPath: '/var/log', readOnly: false },
  { mountPath: '/var/lib/docker/containers', readOnly: true },
  { mountPath: '/etc/machine-id', readOnly: true },
];
