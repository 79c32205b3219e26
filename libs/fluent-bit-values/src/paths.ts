/** Where things are inside the Fluent Bit pod (image 5.1.x, chart 0.58.x) and on a Talos node. */

/** The image's own parsers (defines `docker`, `cri`, `json`, ...). */
export const IMAGE_PARSERS_FILE = '/fluent-bit/etc/parsers.conf';
/** The chart mounts its ConfigMap here (`_pod.tpl`: volume `config`). */
export const CHART_CONFIG_DIR = '/fluent-bit/etc/conf';
export const CUSTOM_PARSERS_FILE = `${CHART_CONFIG_DIR}/custom_parsers.conf`;

export const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

/** Host directories the collectors read and write; each is mounted at the same path in its pod. */
export interface HostPaths {
  /** kubelet's symlinks to the CRI log files, one per container. */
  containerLogs: string;
  /** Where those symlinks point (kubelet's pod log directory): mounted too, or they dangle. */
  podLogs: string;
  /** kube-apiserver's audit log directory (control-plane nodes). */
  auditLogs: string;
  /** The node collector's tail positions and filesystem buffer; must survive the pod. */
  state: string;
  /** The audit collector's, apart: it runs as another user. */
  auditState: string;
}

/**
 * Talos Linux: only /var is writable; the audit path is kube-apiserver's `--audit-log-path`
 * (siderolabs/talos constants.go), a 0700 directory of uid 65534, the user kube-apiserver runs as.
 */
export const TALOS_HOST_PATHS: HostPaths = {
  containerLogs: '/var/log/containers',
  podLogs: '/var/log/pods',
  auditLogs: '/var/log/audit/kube',
  state: '/var/fluent-bit/state',
  auditState: '/var/fluent-bit/audit-state',
};

/** The user and group kube-apiserver runs as on Talos, who owns its audit log directory. */
export const TALOS_AUDIT_LOG_OWNER = { user: 65534, group: 65534 } as const;
