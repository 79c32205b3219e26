import type { Container, EnvVar, ResourceRequirements, Toleration } from '@gitops/api-types';
import type { FluentBitChartValues } from './generated/chart-values';
import { toClassicConfig } from './pipeline/classic';
import type { Pipeline } from './pipeline/model';
import { METRICS_PORT } from './service';

/** A host directory or file the collector reads, mounted read-only at the same path. */
export interface HostPathSource {
  /** The pod's volume name. */
  volume: string;
  path: string;
  type: 'Directory' | 'File';
}

/** The nodes a collector runs on. */
export interface NodePlacement {
  nodeSelector?: Readonly<Record<string, string>>;
  tolerations: readonly Toleration[];
}

export interface FluentBitChartOptions {
  /** Name of the DaemonSet, Service, ConfigMap and RBAC objects (the chart's fullnameOverride). */
  name: string;
  pipeline: Pipeline;
  resources: ResourceRequirements;
  env?: readonly EnvVar[];
  /** What the collector reads on its node: nothing else of the host is mounted. */
  reads: readonly HostPathSource[];
  /** Host directory for tail positions and the buffer (the pipeline's state directory), writable. */
  stateDir: string;
  /**
   * The user and group the collector runs as: root reads the root-owned CRI logs without any
   * capability; another user (the owner of what it reads) gets its state directory handed over by
   * an init container.
   */
  runAs: { user: number; group: number };
  placement: NodePlacement;
  /** Whether the pipeline reads the Kubernetes API (the kubernetes filter): RBAC and a token. */
  kubernetesApi: boolean;
}

/** Every node, including tainted control-plane nodes. */
export const EVERY_NODE: NodePlacement = {
  tolerations: [
    { operator: 'Exists', effect: 'NoSchedule' },
    { operator: 'Exists', effect: 'NoExecute' },
  ],
};

/** Control-plane nodes only: the label and taint Talos (and kubeadm) put on them. */
export const CONTROL_PLANE_NODES: NodePlacement = {
  nodeSelector: { 'node-role.kubernetes.io/control-plane': '' },
  tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }],
};

/**
 * The fluent-bit image's debug variant of the same release (Debian-based, has a shell and
 * chown; fluent/fluent-bit dockerfiles/Dockerfile target `debug`). Only the init container uses it.
 */
export const FLUENT_BIT_DEBUG_IMAGE = {
  repository: 'cr.fluentbit.io/fluent/fluent-bit',
  // renovate: datasource=docker depName=cr.fluentbit.io/fluent/fluent-bit
  tag: '5.1.1-debug',
};

const STATE_VOLUME = 'state';

/** Seccomp's runtime default blocks open_by_handle_at and the like for every container of the pod. */
const RUNTIME_DEFAULT_SECCOMP = { seccompProfile: { type: 'RuntimeDefault' as const } };

/**
 * Hands a root-created host directory to `user`: the kubelet creates a DirectoryOrCreate hostPath
 * as root, mode 0755. Only CAP_CHOWN: the directory goes to root first so that root, as its owner,
 * may chmod it without CAP_FOWNER, then to the collector's user, private (it holds buffered logs).
 */
function stateOwnerInitContainer(stateDir: string, runAs: { user: number; group: number }): Container {
  return {
    name: 'state-owner',
    image: `${FLUENT_BIT_DEBUG_IMAGE.repository}:${FLUENT_BIT_DEBUG_IMAGE.tag}`,
    // The path inline (no "$1": Flux's post-build substitution would take `$`-words as variables).
    command: ['sh', '-c', `chown 0:0 '${stateDir}' && chmod 0700 '${stateDir}' && chown ${runAs.user}:${runAs.group} '${stateDir}'`],
    securityContext: {
      runAsUser: 0,
      runAsNonRoot: false,
      privileged: false,
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'], add: ['CHOWN'] },
    },
    resources: { requests: { cpu: '10m', memory: '16Mi' }, limits: { memory: '32Mi' } },
    volumeMounts: [{ name: STATE_VOLUME, mountPath: stateDir }],
  };
}

/** The values every collector has, whatever its configuration format. */
export function collectorValues(options: FluentBitChartOptions): Omit<FluentBitChartValues, 'config'> {
  const { runAs, placement } = options;
  const root = runAs.user === 0;
  return {
    kind: 'DaemonSet',
    fullnameOverride: options.name,
    // The chart's helm-test pod pulls busybox:latest and needs egress; Flux never runs it.
    testFramework: { enabled: false },
    priorityClassName: 'system-node-critical',
    ...(placement.nodeSelector && { nodeSelector: { ...placement.nodeSelector } }),
    tolerations: [...placement.tolerations],
    resources: options.resources,
    // No API access, no ClusterRole and no token in the pod.
    ...(!options.kubernetesApi && {
      rbac: { create: false },
      serviceAccount: { create: true, automountServiceAccountToken: false },
    }),
    podSecurityContext: RUNTIME_DEFAULT_SECCOMP,
    securityContext: {
      runAsUser: runAs.user,
      runAsGroup: runAs.group,
      runAsNonRoot: !root,
      privileged: false,
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      // No capability: root reads root-owned files as their owner, not by overriding permissions.
      capabilities: { drop: ['ALL'] },
      ...RUNTIME_DEFAULT_SECCOMP,
    },
    ...(options.env?.length && { env: [...options.env] }),
    ...(!root && { initContainers: [stateOwnerInitContainer(options.stateDir, runAs)] }),
    daemonSetVolumes: [
      ...options.reads.map(({ volume, path, type }) => ({ name: volume, hostPath: { path, type } })),
      { name: STATE_VOLUME, hostPath: { path: options.stateDir, type: 'DirectoryOrCreate' } },
    ],
    daemonSetVolumeMounts: [
      ...options.reads.map(({ volume, path }) => ({ name: volume, mountPath: path, readOnly: true })),
      // Tail positions and the filesystem buffer must survive the pod.
      { name: STATE_VOLUME, mountPath: options.stateDir },
    ],
    metricsPort: METRICS_PORT,
    service: { port: METRICS_PORT },
    // A VMServiceScrape scrapes the Service; the chart's ServiceMonitor would scrape it twice.
    serviceMonitor: { enabled: false },
  };
}

/**
 * Values for the fluent-bit chart 0.58.x as a DaemonSet, the pipeline in the classic format (the
 * lint's fixtures; clusters render {@link fluentBitYamlChartValues}). Host paths go through
 * `daemonSetVolumes`/`daemonSetVolumeMounts`: the chart reads no top-level `volumes`, and its
 * `volumeMounts` is dead since chart 0.32.0.
 */
export function fluentBitChartValues(options: FluentBitChartOptions): FluentBitChartValues {
  const config = toClassicConfig(options.pipeline);
  Object.values(config).forEach(refuseHelmTemplates);
  return {
    ...collectorValues(options),
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
