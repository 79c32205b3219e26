import { logFileInput, type LogFileLocation } from './log-file-input';
import { SERVICE_ACCOUNT_DIR } from './paths';
import type { KubernetesFilter, NestFilter, Parser, TailInput } from './pipeline/model';

export const CONTAINER_LOG_TAG = 'kube.*';

/**
 * One CRI log line (`<time> <stream> <P|F> <text>`) into `time`, `stream`, `logtag` and `log`, the
 * key the kubernetes filter merges. Each line stays its own record: Fluent Bit 5.1.1's built-in
 * `cri` multiline parser joins partial (P) lines without any size bound (its
 * multiline_buffer_limit is not applied to them, fluent/fluent-bit#9097), so one endless line
 * would become a record above the sink's line limit, which VictoriaLogs drops while answering 200.
 * The name is ours: the image's parsers.conf already defines `cri`.
 */
export const criLogParser: Parser = {
  name: 'cri-log',
  format: 'regex',
  regex: '^(?<time>[^ ]+) (?<stream>stdout|stderr) (?<logtag>[^ ]*) (?<log>.*)$',
  time_key: 'time',
  time_format: '%Y-%m-%dT%H:%M:%S.%L%z',
};

/**
 * Container logs (CRI files) from every pod on the node; containerd splits lines at 16 KiB.
 * kubelet names each `<pod>_<namespace>_<container>-<container id>.log`.
 */
export function containerLogInput({ logDir, stateDir, maxLineSize, skipContainers }: LogFileLocation & { skipContainers?: ContainerRef }): TailInput {
  return {
    ...logFileInput({ tag: CONTAINER_LOG_TAG, logDir, files: '*.log', stateDir, dbName: 'flb_kube', maxLineSize }),
    ...(skipContainers && { exclude_path: `${logDir}/*_${skipContainers.namespace}_${skipContainers.container}-*.log` }),
    parser: criLogParser.name,
  };
}

/** Containers of a name in a namespace, e.g. Fluent Bit's own. */
export interface ContainerRef {
  namespace: string;
  container: string;
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
    // Pods may pick a parser or opt out with the fluentbit.io/parser and fluentbit.io/exclude annotations.
    'k8s-logging.parser': true,
    'k8s-logging.exclude': true,
    labels: true,
    // Annotations are large and rarely queried; they would ride on every record.
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
