import { CHART_DEFAULT_MOUNTS, chartConfigFiles, chartConfigLocation, pipelineSections, pluginName, prop, type ConfigSection } from '@gitops/fluent-bit-lint';

/**
 * What the fluent-bit chart 0.58.x renders from a HelmRelease, as far as validation needs it
 * (fluent/helm-charts charts/fluent-bit: _helpers.tpl, _pod.tpl, service.yaml, values.yaml).
 */

export interface VolumeMount {
  name?: string;
  mountPath: string;
  readOnly?: boolean;
}

/**
 * The values of a HelmRelease as found, before anything checked them (the story's carry keys the
 * chart ignores): a loose view, unlike the closed generated FluentBitChartValues.
 */
export interface FluentBitValues {
  kind?: string;
  args?: unknown;
  nameOverride?: string;
  fullnameOverride?: string;
  podLabels?: Record<string, string>;
  env?: Array<{ name: string; value?: unknown; valueFrom?: unknown }>;
  metricsPort?: unknown;
  daemonSetVolumeMounts?: VolumeMount[];
  extraVolumeMounts?: VolumeMount[];
  service?: { labels?: Record<string, string> };
  serviceMonitor?: { enabled?: boolean };
  resources?: Partial<Record<'requests' | 'limits', Partial<Record<string, string | number>>>>;
  securityContext?: { capabilities?: { add?: unknown }; seccompProfile?: { type?: unknown }; privileged?: unknown };
  podSecurityContext?: { seccompProfile?: { type?: unknown } };
  config?: {
    service?: string;
    inputs?: string;
    filters?: string;
    outputs?: string;
    customParsers?: string;
    extraFiles?: Record<string, string>;
  };
}

export const CHART_NAME = 'fluent-bit';
export const SERVICE_PORT_NAME = 'http';
export const CONFIG_DIR = '/fluent-bit/etc/conf';


/** Helm release name Flux uses: spec.releaseName, else `<targetNamespace>-<name>`, else the name. */
export function releaseName(release: { metadata: { name: string }; spec?: { releaseName?: string; targetNamespace?: string } }): string {
  return release.spec?.releaseName ?? (release.spec?.targetNamespace ? `${release.spec.targetNamespace}-${release.metadata.name}` : release.metadata.name);
}

const chartName = (values: FluentBitValues): string => (values.nameOverride || CHART_NAME).slice(0, 63);

/** `fluent-bit.fullname`: the DaemonSet, Service and ConfigMap name. */
export function fullname(values: FluentBitValues, release: string): string {
  const name = values.fullnameOverride || (release.includes(chartName(values)) ? release : `${release}-${chartName(values)}`);
  return name.slice(0, 63).replace(/-$/, '');
}

/** `fluent-bit.selectorLabels`: on the pods (with podLabels) and the Service selector. */
export const selectorLabels = (values: FluentBitValues, release: string): Record<string, string> => ({
  'app.kubernetes.io/name': chartName(values),
  'app.kubernetes.io/instance': release,
});

/** Labels on the chart's Service (`fluent-bit.labels` + service.labels); version-bearing labels omitted. */
export const serviceLabels = (values: FluentBitValues, release: string): Record<string, string> => ({
  ...selectorLabels(values, release),
  'app.kubernetes.io/managed-by': 'Helm',
  ...values.service?.labels,
});

export const podLabels = (values: FluentBitValues, release: string): Record<string, string> => ({
  ...values.podLabels,
  ...selectorLabels(values, release),
});

/** The container's mounts: the chart's config mount, host paths (DaemonSet only), extras. */
export function containerMounts(values: FluentBitValues): Array<{ mountPath: string; readOnly: boolean }> {
  // Without daemonSetVolumeMounts the chart's defaults apply (values.yaml).
  const daemonSet = (values.kind ?? 'DaemonSet') === 'DaemonSet' ? (values.daemonSetVolumeMounts ?? CHART_DEFAULT_MOUNTS) : [];
  return [
    { mountPath: CONFIG_DIR, readOnly: true },
    ...[...daemonSet, ...(values.extraVolumeMounts ?? [])].map((m) => ({ mountPath: m.mountPath, readOnly: m.readOnly === true })),
  ];
}

export const configFiles = (values: FluentBitValues): Record<string, string> => chartConfigFiles(values.config ?? {});

/** The chart's default `args` start Fluent Bit with its fluent-bit.conf (values.yaml). */
const DEFAULT_ENTRY_POINT = 'fluent-bit.conf';

/**
 * The file of the chart's ConfigMap Fluent Bit is started with: the `--config=` (or `-c`) of
 * `args` when it names a file in /fluent-bit/etc/conf, else the chart's fluent-bit.conf.
 */
export function entryPoint(values: FluentBitValues): string {
  const args = Array.isArray(values.args) ? values.args.map(String) : [];
  let path: string | undefined;
  args.forEach((arg, index) => {
    if (arg.startsWith('--config=')) path = arg.slice('--config='.length);
    else if ((arg === '-c' || arg === '--config') && args[index + 1] !== undefined) path = args[index + 1];
  });
  return path?.startsWith(`${CONFIG_DIR}/`) ? path.slice(CONFIG_DIR.length + 1) : DEFAULT_ENTRY_POINT;
}

/** The sections Fluent Bit runs: the entry point's and its includes', in either format. */
export const mainSections = (values: FluentBitValues): ConfigSection[] =>
  pipelineSections({ files: configFiles(values), entryPoint: entryPoint(values) });

/** The http outputs Fluent Bit runs, with the port each sends to (Fluent Bit's default 80). */
export const httpOutputs = (values: FluentBitValues): Array<{ section: ConfigSection; port: number }> =>
  mainSections(values)
    .filter((section) => section.kind === 'OUTPUT' && pluginName(section) === 'http')
    .map((section) => ({ section, port: Number(prop(section, 'port')?.value ?? 80) }));

/** The values path (and line of its text) a line of a mounted configuration file comes from. */
export function fileLocation(values: FluentBitValues, file: string, line: number | undefined): { path: string; textLine?: { number: number; content: string; occurrence: number } } {
  if (file === 'fluent-bit.conf') return line ? configLocation(values, line) : { path: 'spec.values.config' };
  // A file name with a dot is one key: quoted, as locate.ts reads paths.
  const path = file === 'custom_parsers.conf' ? 'spec.values.config.customParsers' : `spec.values.config.extraFiles${/^[\w-]+$/.test(file) ? `.${file}` : `[${JSON.stringify(file)}]`}`;
  return { path, ...(line && textLineOf(configFiles(values)[file] ?? '', line)) };
}

/** Where a section of the configuration is written, for findings on it. */
export const sectionLocation = (values: FluentBitValues, section: ConfigSection) => fileLocation(values, section.file, section.line);

/** The values key a line of fluent-bit.conf comes from, and that line of its text, for findings. */
export function configLocation(values: FluentBitValues, line: number): { path: string; textLine?: { number: number; content: string; occurrence: number } } {
  const location = chartConfigLocation(values.config ?? {}, line);
  if (!location) return { path: 'spec.values.config' };
  const text = values.config?.[location.key] ?? '';
  return { path: `spec.values.config.${location.key}`, ...textLineOf(text, location.line) };
}

/** Line `line` of `text` as locate.ts finds it again in a file: its content and occurrence. */
export function textLineOf(text: string, line: number): { textLine?: { number: number; content: string; occurrence: number } } {
  const lines = text.split('\n');
  const content = lines[line - 1]?.trim();
  if (!content) return {};
  return { textLine: { number: line, content, occurrence: lines.slice(0, line).filter((l) => l.trim() === content).length } };
}
