import { SERVICE_ACCOUNT_DIR } from './paths';
import type { KubernetesFilter, NestFilter, Size, TailInput } from './pipeline/model';

export const CONTAINER_LOG_TAG = 'kube.*';

export interface ContainerLogInputOptions {
  logDir: string;
  stateDir: string;
  /** Longest single log line kept; longer lines are skipped, not allowed to stall the file. */
  maxLineSize: Size;
}

/**
 * Container logs from every pod on the node. Buffered on the filesystem: with memory buffering a
 * restart loses every line already read (measured: 0 of 100 delivered), because the position DB
 * has moved past them.
 */
export function containerLogInput({ logDir, stateDir, maxLineSize }: ContainerLogInputOptions): TailInput {
  return {
    name: 'tail',
    tag: CONTAINER_LOG_TAG,
    path: `${logDir}/*.log`,
    // Built-in multiline parsers (not the [PARSER] entries): join CRI partial (P) lines.
    'multiline.parser': 'docker, cri',
    db: `${stateDir}/flb_kube.db`,
    'db.sync': 'normal',
    'storage.type': 'filesystem',
    // Ship lines already on the node at first start (measured: skipped otherwise); the DB keeps
    // restarts from reading them again.
    read_from_head: true,
    // The 32k default silently drops longer lines with skip_long_lines.
    buffer_max_size: maxLineSize,
    skip_long_lines: true,
    refresh_interval: 10,
  };
}

/** Pod metadata from the API server; JSON log lines are merged into the record. */
export function kubernetesMetadataFilter(): KubernetesFilter {
  return {
    name: 'kubernetes',
    match: CONTAINER_LOG_TAG,
    kube_url: 'https://kubernetes.default.svc:443',
    kube_ca_file: `${SERVICE_ACCOUNT_DIR}/ca.crt`,
    kube_token_file: `${SERVICE_ACCOUNT_DIR}/token`,
    kube_tag_prefix: 'kube.var.log.containers.',
    merge_log: true,
    keep_log: false,
    'k8s-logging.parser': true,
    'k8s-logging.exclude': true,
    labels: true,
    annotations: false,
    // 0 = no limit: with the 32k default a large pod spec silently loses all metadata.
    buffer_size: 0,
  };
}

/** `kubernetes.pod_name` -> `k8s_pod_name`, so stream fields are top-level keys. */
export function liftKubernetesMetadata(): NestFilter {
  return {
    name: 'nest',
    match: CONTAINER_LOG_TAG,
    operation: 'lift',
    nested_under: 'kubernetes',
    add_prefix: 'k8s_',
  };
}
