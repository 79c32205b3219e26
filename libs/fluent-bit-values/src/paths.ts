/** Where things are inside the Fluent Bit pod (image 5.1.x, chart 0.58.x) and on a Talos node. */

/** The image's own parsers (defines `docker`, `cri`, `json`, ...). */
export const IMAGE_PARSERS_FILE = '/fluent-bit/etc/parsers.conf';
/** The chart mounts its ConfigMap here (`_pod.tpl`: volume `config`). */
export const CHART_CONFIG_DIR = '/fluent-bit/etc/conf';
export const CUSTOM_PARSERS_FILE = `${CHART_CONFIG_DIR}/custom_parsers.conf`;

export const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

/** The host's log tree, mounted read-only at the same path; the log directories below are in it. */
export const HOST_LOG_DIR = '/var/log';

/** Host directories Fluent Bit reads and writes; mounted at the same paths in the pod. */
export interface HostPaths {
  /** kubelet's symlinks to the CRI log files under /var/log/pods. */
  containerLogs: string;
  /** Tail positions and the filesystem buffer; must survive the pod. */
  state: string;
}

/** Talos Linux: only /var is writable; audit path from `--audit-log-path` (siderolabs/talos constants.go). */
export const TALOS_HOST_PATHS: HostPaths & { auditLogs: string } = {
  containerLogs: '/var/log/containers',
  auditLogs: '/var/log/audit/kube',
  state: '/var/fluent-bit/state',
};
