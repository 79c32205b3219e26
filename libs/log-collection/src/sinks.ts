import { VICTORIA_LOGS_DEFAULT_MAX_LINE_BYTES } from '@gitops/fluent-bit-lint';
import type { LogCollectionSettings } from './generated/log-collection-settings';

/** Where logs go: the vmauth Service in front of VictoriaLogs, and its pods' labels (for egress). */
export type VMAuthSink = LogCollectionSettings['logSink']['vmauth'];

/** vmauth's default listen port, for the operator (`spec.port`) and the chart (`-httpListenAddr`). */
const VMAUTH_PORT = 8427;

/**
 * An operator-managed `VMAuth` (VictoriaMetrics operator): Service `vmauth-<name>` with port `http`
 * = spec.port, pods labelled by `SelectorLabels()` (api/operator/v1beta1/vmauth_types.go).
 */
export function operatorVMAuth({ name, namespace, port = VMAUTH_PORT }: { name: string; namespace: string; port?: number }): VMAuthSink {
  return {
    service: { name: `vmauth-${name}`, namespace, port },
    podLabels: { 'app.kubernetes.io/name': 'vmauth', 'app.kubernetes.io/instance': name },
  };
}

/**
 * The vmauth of the `victoria-logs-cluster` Helm chart (VictoriaMetrics/helm-charts, with
 * victoria-metrics-common's helpers): Service `<fullname>-vmauth`, where fullname is the release
 * when it contains the chart name, else `<release>-victoria-logs-cluster`; pods labelled
 * `app.kubernetes.io/name: victoria-logs-cluster`, `app.kubernetes.io/instance: <release>`,
 * `app: vmauth`. Not the operator's names or labels: a policy written for one misses the other.
 */
export function victoriaLogsClusterVMAuth({
  release,
  namespace,
  port = VMAUTH_PORT,
  fullnameOverride,
}: {
  release: string;
  namespace: string;
  port?: number;
  /** The chart's `vmauth.fullnameOverride`, when set. */
  fullnameOverride?: string;
}): VMAuthSink {
  const chart = 'victoria-logs-cluster';
  const fullname = (release.includes(chart) ? release : `${release}-${chart}`).slice(0, 63).replace(/-+$/, '');
  return {
    service: { name: fullnameOverride ?? `${fullname}-vmauth`.slice(0, 63).replace(/-+$/, ''), namespace, port },
    podLabels: { 'app.kubernetes.io/name': chart, 'app.kubernetes.io/instance': release, app: 'vmauth' },
  };
}

/** VictoriaLogs' default -insert.maxLineSizeBytes: longer lines are dropped, answered 200. */
export const VICTORIA_LOGS_MAX_LINE_BYTES = VICTORIA_LOGS_DEFAULT_MAX_LINE_BYTES;
