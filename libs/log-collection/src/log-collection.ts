import {
  CONTROL_PLANE_NODES,
  EVERY_NODE,
  fluentBitEnv,
  fluentBitYamlChartValues,
  logShippingPipeline,
  TALOS_AUDIT_LOG_OWNER,
  TALOS_HOST_PATHS,
  type FluentBitChartOptions,
  type FluentBitYamlChartValues,
  type Pipeline,
} from '@gitops/fluent-bit-values';
import { CHART_SOURCES_KUSTOMIZATION, type HelmChart } from '@gitops/chart-sources';
import { CLUSTER_SETTINGS, type App, type AppContext, type AppManifests } from '@gitops/cluster';
import { helmRelease } from '@gitops/flux-ks';
import type { ManifestFile } from '@gitops/manifest';
import type { EnvVar, Namespace, NetworkPolicyEgressRule as EgressRule } from '@gitops/api-types';
import { apiServerEgress, dnsEgress, egressPolicy, podEgress } from '@gitops/netpol';
import { serviceScrape } from '@gitops/vmscrape';
import { fluentBitAlerts } from './alerts';
import type { LogCollectionSettings } from './generated/log-collection-settings';
import { CHUNKS_IN_MEMORY, logCollectionIssues } from './settings';
import { AUDIT_EVENT_BYTES, auditLineBuffer, CONTAINER_LINE_BYTES, ENRICHED_RECORD_BYTES, queueLimitFor } from './sizing';

/** The node collector (container logs, every node) and the audit collector (control planes). */
const RELEASES = { node: 'fluent-bit', audit: 'fluent-bit-audit' } as const;

/** The fluent-bit chart, published by fluent/helm-charts as OCI; 0.58.1 ships Fluent Bit 5.1.1. */
export const FLUENT_BIT_CHART: HelmChart = {
  name: 'fluent-bit',
  url: 'oci://ghcr.io/fluent/helm-charts/fluent-bit',
  // Renovate bumps this pin (renovate.json); CI then re-renders the clusters on its branch.
  // renovate: datasource=docker depName=ghcr.io/fluent/helm-charts/fluent-bit
  tag: '0.58.1',
};

/** The chart's selector labels (`fluent-bit.selectorLabels`): on a release's pods and its Service. */
const selectorLabels = (release: string) => ({ 'app.kubernetes.io/name': 'fluent-bit', 'app.kubernetes.io/instance': release });
/**
 * Retries wait at most this long (default cap 2000 s), so delivery resumes within ~30 s of the sink's
 * return (measured on 5.1.1: first delivery 1 s after recovery, a 20 s backlog drained in 18 s).
 */
const RETRY_BACKOFF_CAP_SECONDS = 30;

const CREDENTIAL_ENV = { user: 'VMAUTH_USERNAME', password: 'VMAUTH_PASSWORD' };

/**
 * Cluster-wide log collection: Fluent Bit on every node shipping container logs and, where
 * enabled, a second Fluent Bit on the control-plane nodes shipping API audit events, both to
 * VictoriaLogs through vmauth. The chart comes from the chart-sources app (list FLUENT_BIT_CHART
 * there).
 */
export function logCollection(settings: LogCollectionSettings): App {
  return {
    folder: 'observability/fluent-bit',
    check: () => logCollectionIssues(settings),
    render: (cluster) => logCollectionManifests(settings, cluster),
  };
}

/** What a collector reads, runs as and where. */
type CollectorAccess = Pick<FluentBitChartOptions, 'reads' | 'stateDir' | 'runAs' | 'placement' | 'kubernetesApi'>;

/** One Fluent Bit DaemonSet: its release, pipeline, chart values and network needs. */
interface Collector {
  release: string;
  pipeline: Pipeline;
  values: FluentBitYamlChartValues;
  egress: EgressRule[];
}

function logCollectionManifests(settings: LogCollectionSettings, cluster: AppContext): AppManifests {
  const { variables } = cluster;
  const { logSink, fluentBit } = settings;
  const namespace = fluentBit.namespace.name;
  const { service: vmauth, podLabels: vmauthPodLabels } = logSink.vmauth;
  const vmauthHost = `${vmauth.name}.${vmauth.namespace}.svc.cluster.local`;
  const tenant = (prefix: string, { accountId, projectId }: LogCollectionSettings['containerLogs']['tenant']) => ({
    accountId: variables.define(`${prefix}_ACCOUNT_ID`, accountId),
    projectId: variables.define(`${prefix}_PROJECT_ID`, projectId),
  });

  const shipping = {
    cluster: variables.share('CLUSTER', cluster.cluster),
    environment: variables.share('ENVIRONMENT', cluster.environment),
    sink: {
      host: variables.define('OBSERVABILITY_LOG_ENDPOINT_HOST', vmauthHost),
      port: variables.define('OBSERVABILITY_LOG_ENDPOINT_PORT', vmauth.port),
      path: variables.define('OBSERVABILITY_LOG_ENDPOINT_PATH', logSink.path),
      ...(logSink.credentials && {
        credentials: { user: fluentBitEnv(CREDENTIAL_ENV.user), password: fluentBitEnv(CREDENTIAL_ENV.password) },
      }),
    },
    retryBackoffCap: RETRY_BACKOFF_CAP_SECONDS,
    maxChunksInMemory: CHUNKS_IN_MEMORY,
  };
  const credentials = logSink.credentials;
  const env: EnvVar[] = credentials
    ? [
        { name: CREDENTIAL_ENV.user, valueFrom: { secretKeyRef: { name: credentials.secretName, key: credentials.usernameKey } } },
        { name: CREDENTIAL_ENV.password, valueFrom: { secretKeyRef: { name: credentials.secretName, key: credentials.passwordKey } } },
      ]
    : [];
  const resources = { requests: { ...fluentBit.resources.requests }, limits: { ...fluentBit.resources.limits } };
  const sinkEgress = podEgress(vmauth.namespace, definedLabels(vmauthPodLabels), vmauth.port);
  /** A collector of the release: its pipeline in the chart's values, with what it reads and runs as. */
  const collector = (release: string, pipeline: Pipeline, access: CollectorAccess, egress: EgressRule[]): Collector => ({
    release,
    pipeline,
    values: fluentBitYamlChartValues({ name: release, pipeline, resources, env, ...access }),
    egress,
  });

  // Container logs on every node, as root (the CRI files are root's, 0640) with no capability.
  const containerLogDir = variables.define('CONTAINERD_LOG_PATH', TALOS_HOST_PATHS.containerLogs);
  const podLogDir = variables.define('POD_LOG_PATH', TALOS_HOST_PATHS.podLogs);
  const nodeState = variables.define('FLUENT_BIT_STATE_PATH', TALOS_HOST_PATHS.state);
  const nodePipeline = logShippingPipeline({
    ...shipping,
    stateDir: nodeState,
    containerLogs: {
      logDir: containerLogDir,
      tenant: tenant('OBSERVABILITY_LOG', settings.containerLogs.tenant),
      queueLimit: queueLimitFor(settings.containerLogs.outage, ENRICHED_RECORD_BYTES),
      maxLineSize: `${CONTAINER_LINE_BYTES / 1000}k`,
      // Fluent Bit's own containers (the chart names them `fluent-bit`) are not shipped: a line it
      // logs about a record (an API server outage logs two per record, measured on 5.1.1) would be
      // read back as a record, and so on. Its log stays with the pod, its health with the alerts.
      skipContainers: { namespace, container: 'fluent-bit' },
    },
  });
  const collectors = [
    collector(
      RELEASES.node,
      nodePipeline,
      {
        // The links in /var/log/containers point into /var/log/pods: both, nothing else of /var/log.
        reads: [
          { volume: 'containerlogs', path: containerLogDir, type: 'Directory' },
          { volume: 'podlogs', path: podLogDir, type: 'Directory' },
        ],
        stateDir: nodeState,
        runAs: { user: 0, group: 0 },
        placement: EVERY_NODE,
        kubernetesApi: true,
      },
      // The kubernetes filter reads pod metadata from the API server.
      [dnsEgress(), apiServerEgress(cluster.apiServer.cidrs, cluster.apiServer.port), sinkEgress],
    ),
  ];

  if (settings.auditLogs.enabled) {
    // Audit events where kube-apiserver writes them, read as the audit directory's owner: no root,
    // no capability, no API access, that one directory read-only.
    const auditLogDir = variables.define('KUBE_AUDIT_LOG_PATH', TALOS_HOST_PATHS.auditLogs);
    const auditState = variables.define('FLUENT_BIT_AUDIT_STATE_PATH', TALOS_HOST_PATHS.auditState);
    const auditPipeline = logShippingPipeline({
      ...shipping,
      stateDir: auditState,
      auditLogs: {
        logDir: auditLogDir,
        tenant: tenant('OBSERVABILITY_AUDIT', settings.auditLogs.tenant),
        queueLimit: queueLimitFor(settings.auditLogs.outage, AUDIT_EVENT_BYTES),
        maxLineSize: auditLineBuffer(logSink.maxLineBytes),
      },
    });
    collectors.push(
      collector(
        RELEASES.audit,
        auditPipeline,
        { reads: [{ volume: 'auditlogs', path: auditLogDir, type: 'Directory' }], stateDir: auditState, runAs: TALOS_AUDIT_LOG_OWNER, placement: CONTROL_PLANE_NODES, kubernetesApi: false },
        [dnsEgress(), sinkEgress],
      ),
    );
  }

  const app: ManifestFile[] = [
    ...(fluentBit.namespace.managed ? [{ path: 'namespace.yaml', documents: [observabilityNamespace(namespace)] }] : []),
    {
      path: 'helmrelease.yaml',
      documents: collectors.map(({ release, values }) => helmRelease({ name: release, namespace, chartSource: FLUENT_BIT_CHART.name, values })),
    },
    {
      path: 'networkpolicy.yaml',
      documents: collectors.map(({ release, egress }) => egressPolicy({ name: `${release}-egress`, namespace, podLabels: selectorLabels(release), egress })),
    },
    {
      path: 'vmservicescrape.yaml',
      documents: collectors.map(({ release }) =>
        serviceScrape({
          name: release,
          namespace,
          serviceLabels: selectorLabels(release),
          port: 'http',
          // v2 carries the storage and output queue metrics the alerts read; v1 has none
          // (fluent/fluent-bit@v5.1.1 src/http_server/api/v2/metrics.c; the chart's ServiceMonitor default).
          path: '/api/v2/metrics/prometheus',
          interval: '30s',
          scrapeTimeout: '10s',
        }),
      ),
    },
    { path: 'vmrule.yaml', documents: collectors.map(({ release, pipeline }) => fluentBitAlerts({ name: release, namespace, pipeline })) },
  ];

  return {
    kustomization: {
      name: 'observability-fluent-bit',
      dependsOn: [CHART_SOURCES_KUSTOMIZATION, ...logSink.dependsOn],
      substituteFrom: [CLUSTER_SETTINGS],
      healthChecks: collectors.flatMap(({ release }) => [
        { apiVersion: 'helm.toolkit.fluxcd.io/v2', kind: 'HelmRelease', name: release, namespace },
        { apiVersion: 'apps/v1', kind: 'DaemonSet', name: release, namespace },
      ]),
    },
    files: app,
    external: { kustomizations: logSink.dependsOn, namespaces: fluentBit.namespace.managed ? [] : [namespace] },
    logSink: {
      namespace: vmauth.namespace,
      podLabels: definedLabels(vmauthPodLabels),
      port: vmauth.port,
      requiresCredentials: logSink.requiresCredentials,
      maxLineBytes: logSink.maxLineBytes,
    },
  };
}

const definedLabels = (labels: Record<string, string | undefined>): Record<string, string> =>
  Object.fromEntries(Object.entries(labels).filter((entry): entry is [string, string] => entry[1] !== undefined));

/**
 * Talos enforces Pod Security `baseline` by default, which rejects hostPath volumes. Flux must
 * not prune it with this Kustomization: the namespace holds other workloads too.
 */
function observabilityNamespace(name: string): Namespace {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name,
      labels: { 'pod-security.kubernetes.io/enforce': 'privileged' },
      annotations: { 'kustomize.toolkit.fluxcd.io/prune': 'disabled' },
    },
  };
}

