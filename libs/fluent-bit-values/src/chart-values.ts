import type { EnvVar, ResourceRequirements, Toleration } from '@gitops/api-types';
import type { FluentBitChartValues } from './generated/chart-values';
import { HOST_LOG_DIR } from './paths';
import { toClassicConfig } from './pipeline/classic';
import type { Pipeline } from './pipeline/model';
import { METRICS_PORT } from './service';

export interface FluentBitChartOptions {
  /** Name of the DaemonSet, Service and ConfigMap (the chart's fullnameOverride). */
  name: string;
  pipeline: Pipeline;
  /** Host directory for tail positions and the buffer (the pipeline's state directory). */
  stateDir: string;
  resources: ResourceRequirements;
  /** Linux capabilities beyond none, e.g. DAC_READ_SEARCH to read the 0700 audit log directory. */
  capabilities?: readonly string[];
  env?: readonly EnvVar[];
}

/** Runs on every node, including tainted control-plane nodes. */
const EVERY_NODE: Toleration[] = [
  { operator: 'Exists', effect: 'NoSchedule' },
  { operator: 'Exists', effect: 'NoExecute' },
];

/**
 * Values for the fluent-bit chart 0.58.x as a DaemonSet. Host paths go through
 * `daemonSetVolumes`/`daemonSetVolumeMounts`: the chart reads no top-level `volumes`, and its
 * `volumeMounts` is dead since chart 0.32.0.
 */
export function fluentBitChartValues(options: FluentBitChartOptions): FluentBitChartValues {
  const config = toClassicConfig(options.pipeline);
  Object.values(config).forEach(refuseHelmTemplates);
  return {
    kind: 'DaemonSet',
    fullnameOverride: options.name,
    // The chart's helm-test pod pulls busybox:latest and needs egress; Flux never runs it.
    testFramework: { enabled: false },
    priorityClassName: 'system-node-critical',
    tolerations: EVERY_NODE,
    resources: options.resources,
    securityContext: {
      // Root to read the root-owned CRI log files; no privilege beyond that.
      runAsUser: 0,
      privileged: false,
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: {
        drop: ['ALL'],
        ...(options.capabilities?.length && { add: [...options.capabilities] }),
      },
    },
    ...(options.env?.length && { env: [...options.env] }),
    daemonSetVolumes: [
      { name: 'varlog', hostPath: { path: HOST_LOG_DIR } },
      { name: 'etcmachineid', hostPath: { path: '/etc/machine-id', type: 'File' } },
      { name: 'state', hostPath: { path: options.stateDir, type: 'DirectoryOrCreate' } },
    ],
    daemonSetVolumeMounts: [
      { name: 'varlog', mountPath: HOST_LOG_DIR, readOnly: true },
      { name: 'etcmachineid', mountPath: '/etc/machine-id', readOnly: true },
      // Tail positions and the filesystem buffer must survive the pod.
      { name: 'state', mountPath: options.stateDir },
    ],
    metricsPort: METRICS_PORT,
    service: { port: METRICS_PORT },
    // A VMServiceScrape scrapes the Service; the chart's ServiceMonitor would scrape it twice.
    serviceMonitor: { enabled: false },
    config: {
      service: config.service,
      inputs: config.inputs,
      filters: config.filters,
      outputs: config.outputs,
      customParsers: config.parsers,
    },
  };
}

/**
 * The chart passes every ConfigMap value through Helm `tpl` (templates/configmap.yaml): a `{{` in
 * the configuration would be evaluated, not shipped.
 */
export function refuseHelmTemplates(text: string): void {
  if (text.includes('{{')) throw new Error('fluent-bit config: "{{" would be evaluated by the chart\'s Helm tpl; remove it');
}
