import type { EnvVar, Namespace } from '@gitops/api-types';
import {
  fluentBitChartValues,
  fluentBitEnv,
  logShippingPipeline,
  TALOS_HOST_PATHS,
  type LogStreamOptions,
} from '@gitops/fluent-bit-values';
import { CHART_SOURCES_KUSTOMIZATION, type HelmChart } from '@gitops/chart-sources';
import { CLUSTER_SETTINGS, type App, type AppContext, type AppManifests } from '@gitops/cluster';
import { helmRelease } from '@gitops/flux-ks';
import type { ManifestFile } from '@gitops/manifest';
import { apiServerEgress, dnsEgress, egressPolicy, podEgress } from '@gitops/netpol';
import { serviceScrape } from '@gitops/vmscrape';
import { fluentBitAlerts } from './alerts';
import type { LogCollectionSettings } from './generated/log-collection-settings';
import { CHUNKS_IN_MEMORY, logCollectionIssues } from './settings';
import { AUDIT_EVENT_BYTES, ENRICHED_RECORD_BYTES, queueLimitFor } from './sizing';

const RELEASE = 'fluent-bit';

/** The fluent-bit chart, published by fluent/helm-charts as OCI; 0.58.1 ships Fluent Bit 5.1.1. */
export const FLUENT_BIT_CHART: HelmChart = {
  name: 'fluent-bit',
  url: 'oci://ghcr.io/fluent/helm-charts/fluent-bit',
  // Renovate bumps this pin (renovate.json); CI then re-renders the clusters on its branch.
  // renovate: datasource=docker depName=ghcr.io/fluent/helm-charts/fluent-bit
  tag: '0.58.1',
};

/** The chart's selector labels (`fluent-bit.selectorLabels`): on the pods and the Service. */
const FLUENT_BIT_LABELS = { 'app.kubernetes.io/name': 'fluent-bit', 'app.kubernetes.io/instance': RELEASE };


/** Longest CRI line kept: containerd splits lines at 16 KiB, so this never drops one. */
const MAX_CONTAINER_LINE = '256k';
/** Audit events at RequestResponse level can carry whole objects. */
const MAX_AUDIT_LINE = '1M';
/**
 * Retries wait at most this long (default cap 2000 s), so delivery resumes within ~30 s of the sink's
 * return (measured on 5.1.1: first delivery 1 s after recovery, a 20 s backlog drained in 18 s).
 */
const RETRY_BACKOFF_CAP_SECONDS = 30;

const CREDENTIAL_ENV = { user: 'VMAUTH_USERNAME', password: 'VMAUTH_PASSWORD' };

/**
 * Cluster-wide log collection: Fluent Bit on every node shipping container logs (and, where
 * enabled, API audit events) to VictoriaLogs through vmauth. Its chart comes from the
 * chart-sources app (list FLUENT_BIT_CHART there).
 */
export function logCollection(settings: LogCollectionSettings): App {
  return {
    folder: 'observability/fluent-bit',
    check: () => logCollectionIssues(settings),
    render: (cluster) => logCollectionManifests(settings, cluster),
  };
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

  const hostPaths = {
    containerLogs: variables.define('CONTAINERD_LOG_PATH', TALOS_HOST_PATHS.containerLogs),
    state: variables.define('FLUENT_BIT_STATE_PATH', TALOS_HOST_PATHS.state),
  };
  const containerLogs: LogStreamOptions = {
    tenant: tenant('OBSERVABILITY_LOG', settings.containerLogs.tenant),
    queueLimit: queueLimitFor(settings.containerLogs.outage, ENRICHED_RECORD_BYTES),
    maxLineSize: MAX_CONTAINER_LINE,
  };
  const auditLogs: (LogStreamOptions & { logDir: string }) | undefined = settings.auditLogs.enabled
    ? {
        logDir: variables.define('KUBE_AUDIT_LOG_PATH', TALOS_HOST_PATHS.auditLogs),
        tenant: tenant('OBSERVABILITY_AUDIT', settings.auditLogs.tenant),
        queueLimit: queueLimitFor(settings.auditLogs.outage, AUDIT_EVENT_BYTES),
        maxLineSize: MAX_AUDIT_LINE,
      }
    : undefined;

  const pipeline = logShippingPipeline({
    cluster: variables.share('CLUSTER', cluster.cluster),
    environment: variables.share('ENVIRONMENT', cluster.environment),
    hostPaths,
    sink: {
      host: variables.define('OBSERVABILITY_LOG_ENDPOINT_HOST', vmauthHost),
      port: variables.define('OBSERVABILITY_LOG_ENDPOINT_PORT', vmauth.port),
      path: variables.define('OBSERVABILITY_LOG_ENDPOINT_PATH', logSink.path),
      ...(logSink.credentials && {
        credentials: { user: fluentBitEnv(CREDENTIAL_ENV.user), password: fluentBitEnv(CREDENTIAL_ENV.password) },
      }),
    },
    containerLogs,
    ...(auditLogs && { auditLogs }),
    retryBackoffCap: RETRY_BACKOFF_CAP_SECONDS,
    maxChunksInMemory: CHUNKS_IN_MEMORY,
  });

  const credentials = logSink.credentials;
  const env: EnvVar[] = credentials
    ? [
        { name: CREDENTIAL_ENV.user, valueFrom: { secretKeyRef: { name: credentials.secretName, key: credentials.usernameKey } } },
        { name: CREDENTIAL_ENV.password, valueFrom: { secretKeyRef: { name: credentials.secretName, key: credentials.passwordKey } } },
      ]
    : [];

  const values = fluentBitChartValues({
    name: RELEASE,
    pipeline,
    stateDir: hostPaths.state,
    resources: { requests: { ...fluentBit.resources.requests }, limits: { ...fluentBit.resources.limits } },
    // The audit directory is 0700 (owner 65534): root without DAC_READ_SEARCH cannot list it.
    capabilities: settings.auditLogs.enabled ? ['DAC_READ_SEARCH'] : [],
    env,
  });

  const app: ManifestFile[] = [
    ...(fluentBit.namespace.managed ? [{ path: 'namespace.yaml', documents: [observabilityNamespace(namespace)] }] : []),
    {
      path: 'helmrelease.yaml',
      documents: [helmRelease({ name: RELEASE, namespace, chartSource: FLUENT_BIT_CHART.name, values })],
    },
    {
      path: 'networkpolicy.yaml',
      documents: [
        egressPolicy({
          name: 'fluent-bit-egress',
          namespace,
          podLabels: FLUENT_BIT_LABELS,
          egress: [
            dnsEgress(),
            apiServerEgress(cluster.apiServer.cidrs, cluster.apiServer.port),
            podEgress(vmauth.namespace, definedLabels(vmauthPodLabels), vmauth.port),
          ],
        }),
      ],
    },
    {
      path: 'vmservicescrape.yaml',
      documents: [
        serviceScrape({
          name: RELEASE,
          namespace,
          serviceLabels: FLUENT_BIT_LABELS,
          port: 'http',
          // v2 carries the storage and output queue metrics the alerts read; v1 has none
          // (fluent/fluent-bit@v5.1.1 src/http_server/api/v2/metrics.c; the chart's ServiceMonitor default).
          path: '/api/v2/metrics/prometheus',
          interval: '30s',
          scrapeTimeout: '10s',
        }),
      ],
    },
    { path: 'vmrule.yaml', documents: [fluentBitAlerts({ name: RELEASE, namespace, pipeline })] },
  ];

  return {
    kustomization: {
      name: 'observability-fluent-bit',
      dependsOn: [CHART_SOURCES_KUSTOMIZATION, ...logSink.dependsOn],
      substituteFrom: [CLUSTER_SETTINGS],
      healthChecks: [
        { apiVersion: 'helm.toolkit.fluxcd.io/v2', kind: 'HelmRelease', name: RELEASE, namespace },
        { apiVersion: 'apps/v1', kind: 'DaemonSet', name: RELEASE, namespace },
      ],
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

