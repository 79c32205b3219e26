/** Test fixtures (not exported by the package). */
import { parseClassicConfig } from './parse';
import type { PipelineInput } from './types';

export { IMAGE_PARSERS } from './generated/image-parsers';

/** Talos mounts of a correct DaemonSet: logs read-only, a writable state directory. */
export const GOOD_MOUNTS: PipelineInput['mounts'] = [
  { mountPath: '/var/log', readOnly: true },
  { mountPath: '/etc/machine-id', readOnly: true },
  { mountPath: '/var/fluent-bit/state', readOnly: false },
];

const service = `[SERVICE]
    flush 1
    daemon Off
    log_level info
    parsers_file /fluent-bit/etc/parsers.conf
    parsers_file /fluent-bit/etc/conf/custom_parsers.conf
    http_server On
    http_listen 0.0.0.0
    http_port 2020
    health_check On
    scheduler.base 5
    scheduler.cap 30
    storage.path /var/fluent-bit/state/flb-storage/
    storage.sync normal
    storage.checksum Off
    storage.max_chunks_up 16
    storage.backlog.mem_limit 5M
`;

const inputs = `[INPUT]
    name tail
    tag kube.*
    path /var/log/containers/*.log
    multiline.parser docker, cri
    db /var/fluent-bit/state/flb_kube.db
    db.sync normal
    storage.type filesystem
    buffer_max_size 256k
    skip_long_lines On
    refresh_interval 10

[INPUT]
    name tail
    tag audit.*
    path /var/log/audit/kube/*.log
    parser k8s-audit-event
    db /var/fluent-bit/state/flb_audit.db
    db.sync normal
    storage.type filesystem
    buffer_max_size 1M
    skip_long_lines On
    refresh_interval 10
`;

const filters = `[FILTER]
    name kubernetes
    match kube.*
    kube_url https://kubernetes.default.svc:443
    kube_ca_file /var/run/secrets/kubernetes.io/serviceaccount/ca.crt
    kube_token_file /var/run/secrets/kubernetes.io/serviceaccount/token
    kube_tag_prefix kube.var.log.containers.
    merge_log On
    keep_log Off
    k8s-logging.parser On
    k8s-logging.exclude On
    labels On
    annotations Off
    buffer_size 0

[FILTER]
    name modify
    match kube.*
    set cluster infra
    set environment production

[FILTER]
    name nest
    match kube.*
    operation lift
    nested_under kubernetes
    add_prefix k8s_

[FILTER]
    name modify
    match audit.*
    set cluster infra
    set environment production
    set log_type audit
`;

const outputs = `[OUTPUT]
    name http
    match kube.*
    host vmauth-victoria-logs.observability.svc.cluster.local
    port 8427
    uri /insert/jsonline?_msg_field=log,message,msg&_stream_fields=cluster,k8s_namespace_name,k8s_pod_name,k8s_container_name
    format json_lines
    json_date_key _time
    json_date_format iso8601
    compress gzip
    header AccountID 0
    header ProjectID 0
    retry_limit no_limits
    storage.total_limit_size 824M

[OUTPUT]
    name http
    match audit.*
    host vmauth-victoria-logs.observability.svc.cluster.local
    port 8427
    uri /insert/jsonline?_msg_field=requestURI&_stream_fields=cluster,log_type
    format json_lines
    json_date_key _time
    json_date_format iso8601
    compress gzip
    header AccountID 1
    header ProjectID 0
    retry_limit no_limits
    storage.total_limit_size 258M
`;

const customParsers = `[PARSER]
    name k8s-audit-event
    format json
    time_key stageTimestamp
    time_format %Y-%m-%dT%H:%M:%S.%L%z
    time_keep On
`;

/** Our pipeline (as rendered for the infra cluster, Flux variables substituted): no findings. */
export const GOOD_CONFIG = { service, inputs, filters, outputs, customParsers } as const;

/** The pipeline as the chart mounts it, with optional edits of fluent-bit.conf. */
export function goodFiles(edit: (main: string) => string = (main) => main): Record<string, string> {
  return {
    'fluent-bit.conf': edit([service, inputs, filters, outputs].join('\n')),
    'custom_parsers.conf': customParsers,
  };
}

/** Replaces exactly one occurrence; throws when the text is not found, so tests cannot pass vacuously. */
export function replaceOnce(text: string, search: string, replacement: string): string {
  const index = text.indexOf(search);
  if (index < 0) throw new Error(`fixture does not contain ${JSON.stringify(search)}`);
  return text.slice(0, index) + replacement + text.slice(index + search.length);
}

/**
 * The same main configuration in the YAML format (test support): [SERVICE] as `service` (a
 * repeated key written once per line), [INPUT]/[FILTER]/[OUTPUT] under `pipeline` (a repeated key
 * as a list), every value double-quoted. Parsers stay in custom_parsers.conf, which YAML may load.
 */
export function classicToYaml(main: string): string {
  const sections = parseClassicConfig(main, 'fluent-bit.conf').sections;
  const quote = (value: string) => JSON.stringify(value);
  const lines: string[] = [];
  for (const section of sections.filter((s) => s.kind === 'SERVICE')) {
    lines.push('service:', ...section.properties.map((p) => `  ${p.key}: ${quote(p.value)}`));
  }
  const plugin = (section: (typeof sections)[number]) => {
    const keys = [...new Set(section.properties.map((p) => p.key))];
    const body = keys.flatMap((key) => {
      const values = section.properties.filter((p) => p.key === key).map((p) => quote(p.value));
      return values.length === 1 ? [`${key}: ${values[0]}`] : [`${key}:`, ...values.map((v) => `  - ${v}`)];
    });
    return body.map((line, index) => `${index === 0 ? '    - ' : '      '}${line}`);
  };
  lines.push('pipeline:');
  for (const [group, kind] of [['inputs', 'INPUT'], ['filters', 'FILTER'], ['outputs', 'OUTPUT']] as const) {
    const list = sections.filter((s) => s.kind === kind);
    if (list.length > 0) lines.push(`  ${group}:`, ...list.flatMap(plugin));
  }
  return `${lines.join('\n')}\n`;
}

/** Our pipeline in the YAML format, as fluent-bit-values' toYamlConfig writes it (parsers inline). */
export const GOOD_YAML = `service:
  flush: 1
  daemon: false
  log_level: info
  parsers_file: /fluent-bit/etc/parsers.conf
  http_server: true
  http_listen: "0.0.0.0"
  http_port: 2020
  health_check: true
  scheduler.base: 5
  scheduler.cap: 30
  storage.path: /var/fluent-bit/state/flb-storage/
  storage.sync: normal
  storage.checksum: false
  storage.max_chunks_up: 16
  storage.backlog.mem_limit: 5M
parsers:
  - name: k8s-audit-event
    format: json
    time_key: stageTimestamp
    time_format: "%Y-%m-%dT%H:%M:%S.%L%z"
    time_keep: true
pipeline:
  inputs:
    - name: tail
      tag: kube.*
      path: /var/log/containers/*.log
      db: /var/fluent-bit/state/flb_kube.db
      db.sync: normal
      storage.type: filesystem
      read_from_head: true
      buffer_max_size: 256k
      skip_long_lines: true
      refresh_interval: 10
      multiline.parser: docker, cri
    - name: tail
      tag: audit.*
      path: /var/log/audit/kube/kube-apiserver.log
      db: /var/fluent-bit/state/flb_audit.db
      db.sync: normal
      storage.type: filesystem
      read_from_head: true
      buffer_max_size: 1M
      skip_long_lines: true
      refresh_interval: 10
      parser: k8s-audit-event
  filters:
    - name: kubernetes
      match: kube.*
      kube_url: "https://kubernetes.default.svc:443"
      kube_ca_file: /var/run/secrets/kubernetes.io/serviceaccount/ca.crt
      kube_token_file: /var/run/secrets/kubernetes.io/serviceaccount/token
      kube_tag_prefix: kube.var.log.containers.
      merge_log: true
      keep_log: false
      k8s-logging.parser: true
      k8s-logging.exclude: true
      labels: true
      annotations: false
      buffer_size: 0
    - name: modify
      match: kube.*
      set:
        - cluster infra
        - environment production
    - name: nest
      match: kube.*
      operation: lift
      nested_under: kubernetes
      add_prefix: k8s_
    - name: modify
      match: audit.*
      set:
        - cluster infra
        - environment production
        - log_type audit
  outputs:
    - name: http
      match: kube.*
      host: vmauth-victoria-logs.observability.svc.cluster.local
      port: 8427
      uri: /insert/jsonline?_msg_field=log,message,msg&_stream_fields=cluster,k8s_namespace_name,k8s_pod_name,k8s_container_name
      format: json_lines
      json_date_key: _time
      json_date_format: iso8601
      compress: gzip
      header:
        - AccountID 0
        - ProjectID 0
      retry_limit: no_limits
      log_level: warn
      storage.total_limit_size: 864M
    - name: http
      match: audit.*
      host: vmauth-victoria-logs.observability.svc.cluster.local
      port: 8427
      uri: /insert/jsonline?_msg_field=requestURI&_stream_fields=cluster,log_type
      format: json_lines
      json_date_key: _time
      json_date_format: iso8601
      compress: gzip
      header:
        - AccountID 1
        - ProjectID 0
      retry_limit: no_limits
      log_level: warn
      storage.total_limit_size: 270M
`;
