import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { logShippingPipeline } from '../log-shipping';
import { containerLogsOnly, withAuditLogs } from '../pipeline-options.test-support';
import { toClassicConfig } from './classic';
import type { Pipeline } from './model';
import { toYamlConfig, yamlString } from './yaml';

/** Reads YAML as Fluent Bit does: every scalar as its text (failsafe schema), repeated keys kept. */
function read(text: string): unknown {
  const document = parseDocument(text, { schema: 'failsafe', uniqueKeys: false, prettyErrors: false });
  expect(document.errors).toEqual([]);
  return document.toJS();
}

/** `key value` lines of the classic sections, with On/Off as true/false: what YAML must carry too. */
function classicProperties(text: string): string[][] {
  return text
    .split('\n\n')
    .filter((section) => section.trim() !== '')
    .map((section) =>
      section
        .split('\n')
        .filter((line) => line.startsWith('    '))
        .map((line) => line.trim().replace(/ On$/, ' true').replace(/ Off$/, ' false')),
    );
}

/** The same `key value` lines from a YAML list of sections (list values expand to repeated keys). */
function yamlProperties(sections: unknown): string[][] {
  return (sections as Array<Record<string, string | string[]>>).map((section) =>
    Object.entries(section).flatMap(([key, value]) => (Array.isArray(value) ? value : [value]).map((item) => `${key} ${item}`)),
  );
}

const CONTAINER_LOGS_ONLY = `service:
  flush: 1
  daemon: false
  log_level: info
  parsers_file: /fluent-bit/etc/parsers.conf
  parsers_file: /fluent-bit/etc/conf/custom_parsers.conf
  http_server: true
  http_listen: "0.0.0.0"
  http_port: 2020
  health_check: true
  json.escape_unicode: false
  scheduler.base: 5
  scheduler.cap: 30
  storage.path: /var/fluent-bit/state/flb-storage/
  storage.sync: normal
  storage.checksum: false
  storage.max_chunks_up: 16
  storage.backlog.mem_limit: 5M
parsers:
  - name: cri-log
    format: regex
    regex: "^(?<time>[^ ]+) (?<stream>stdout|stderr) (?<logtag>[^ ]*) (?<log>.*)$"
    time_key: time
    time_format: "%Y-%m-%dT%H:%M:%S.%L%z"
pipeline:
  inputs:
    - name: tail
      tag: kube.*
      path: /var/log/containers/*.log
      db: /var/fluent-bit/state/flb_kube.db
      db.sync: normal
      storage.type: filesystem
      read_from_head: true
      buffer_chunk_size: 16k
      buffer_max_size: 32k
      skip_long_lines: true
      refresh_interval: 10
      parser: cri-log
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
`;

describe('YAML Fluent Bit config', () => {
  it('writes the container-log pipeline: service, then pipeline inputs/filters/outputs in the model`s order', () => {
    expect(toYamlConfig(logShippingPipeline(containerLogsOnly))).toBe(CONTAINER_LOGS_ONLY);
  });

  it('writes the audit pipeline with its parser inline, its input, filter and output after the container ones', () => {
    const pipeline = logShippingPipeline(withAuditLogs);
    const yaml = toYamlConfig(pipeline);
    expect(yaml).toContain(
      [
        '  parsers_file: /fluent-bit/etc/parsers.conf',
        '  parsers_file: /fluent-bit/etc/conf/custom_parsers.conf',
        '',
      ].join('\n'),
    );
    expect(yaml).toContain(
      [
        '    time_format: "%Y-%m-%dT%H:%M:%S.%L%z"',
        '  - name: k8s-audit-event',
        '    format: json',
        '    time_key: stageTimestamp',
        '    time_format: "%Y-%m-%dT%H:%M:%S.%L%z"',
        '    time_keep: true',
        'pipeline:',
        '',
      ].join('\n'),
    );
    const config = read(yaml) as { pipeline: Record<string, Array<Record<string, unknown>>> };
    expect(Object.keys(config)).toEqual(['service', 'parsers', 'pipeline']);
    expect(config.pipeline['inputs']!.map((input) => input['tag'])).toEqual(['kube.*', 'audit.*']);
    expect(config.pipeline['filters']!.map((filter) => `${filter['name']} ${filter['match']}`)).toEqual([
      'kubernetes kube.*',
      'modify kube.*',
      'nest kube.*',
      'modify audit.*',
    ]);
    expect(config.pipeline['filters']![3]!['set']).toEqual(['cluster infra', 'environment production', 'log_type audit']);
    expect(config.pipeline['outputs']!.map((output) => output['header'])).toEqual([
      ['AccountID 0', 'ProjectID 0'],
      ['AccountID 1', 'ProjectID 0'],
    ]);
  });

  it.each([
    ['container logs only', containerLogsOnly],
    ['with audit logs', withAuditLogs],
  ])('carries every property of the classic config, value for value (%s)', (_, options) => {
    const pipeline = logShippingPipeline(options);
    const classic = toClassicConfig(pipeline);
    const yaml = read(toYamlConfig(pipeline)) as {
      service: Record<string, string>;
      parsers?: unknown[];
      pipeline: Record<string, unknown[]>;
    };
    expect(yamlProperties(yaml.parsers ?? [])).toEqual(classicProperties(classic.parsers));
    expect(yamlProperties(yaml.pipeline['inputs'])).toEqual(classicProperties(classic.inputs));
    expect(yamlProperties(yaml.pipeline['filters'])).toEqual(classicProperties(classic.filters));
    expect(yamlProperties(yaml.pipeline['outputs'])).toEqual(classicProperties(classic.outputs));
    // Repeated service keys: the last one wins in toJS, so compare the lines themselves.
    const serviceLines = toYamlConfig(pipeline)
      .split('\n')
      .filter((line) => /^ {2}\S/.test(line) && !line.startsWith('  - '))
      .slice(0, classicProperties(classic.service)[0]!.length)
      .map((line) => {
        const [key, value] = [line.slice(2, line.indexOf(':')), line.slice(line.indexOf(':') + 2)];
        return `${key} ${value.startsWith('"') ? (JSON.parse(value) as string) : value}`;
      });
    expect(serviceLines).toEqual(classicProperties(classic.service)[0]);
  });

  it('is deterministic: the same pipeline, built twice or copied, gives the same text', () => {
    const first = toYamlConfig(logShippingPipeline(withAuditLogs));
    expect(toYamlConfig(logShippingPipeline(withAuditLogs))).toBe(first);
    expect(toYamlConfig(structuredClone(logShippingPipeline(withAuditLogs)) as Pipeline)).toBe(first);
  });

  it('keeps Flux references and $${VAR} escapes verbatim, quoted so what Flux substitutes stays one string', () => {
    const pipeline = logShippingPipeline({
      ...withAuditLogs,
      cluster: '${CLUSTER}',
      environment: '${ENVIRONMENT}',
      stateDir: '${FLUENT_BIT_STATE_PATH}',
      sink: { ...withAuditLogs.sink, port: '${OBSERVABILITY_LOG_ENDPOINT_PORT}', credentials: { user: '$${VMAUTH_USERNAME}', password: '$${VMAUTH_PASSWORD}' } },
      containerLogs: { ...withAuditLogs.containerLogs!, logDir: '${CONTAINERD_LOG_PATH}', tenant: { accountId: '${OBSERVABILITY_LOG_ACCOUNT_ID}', projectId: '0' } },
    });
    const yaml = toYamlConfig(pipeline);
    expect(yaml).toContain('        - "cluster ${CLUSTER}"\n        - "environment ${ENVIRONMENT}"\n');
    expect(yaml).toContain('      path: "${CONTAINERD_LOG_PATH}/*.log"\n');
    expect(yaml).toContain('  storage.path: "${FLUENT_BIT_STATE_PATH}/flb-storage/"\n');
    expect(yaml).toContain('      port: "${OBSERVABILITY_LOG_ENDPOINT_PORT}"\n');
    expect(yaml).toContain('        - "AccountID ${OBSERVABILITY_LOG_ACCOUNT_ID}"\n');
    expect(yaml).toContain('      http_user: "$${VMAUTH_USERNAME}"\n      http_passwd: "$${VMAUTH_PASSWORD}"\n');
    // Substituted by Flux with values YAML would otherwise type (a bool, a number, a comment), it still reads as the text.
    const substituted = yaml.replaceAll('${CLUSTER}', 'on').replaceAll('${OBSERVABILITY_LOG_ENDPOINT_PORT}', '8427').replaceAll('${ENVIRONMENT}', 'prod #1');
    const config = read(substituted) as { pipeline: { filters: Array<Record<string, unknown>>; outputs: Array<Record<string, unknown>> } };
    expect(config.pipeline.filters[1]!['set']).toEqual(['cluster on', 'environment prod #1']);
    expect(config.pipeline.outputs[0]!['port']).toBe('8427');
  });

  it('quotes strings that YAML 1.1 or 1.2 would read as something else, and leaves plain ones plain', () => {
    expect(['on', 'Off', 'yes', 'n', 'null', '~', 'true'].map(yamlString)).toEqual(['"on"', '"Off"', '"yes"', '"n"', '"null"', '"~"', '"true"']);
    expect(['8427', '0.0.0.0', '1e3', '0x10', '12:30', '-1', '.5'].map(yamlString).every((text) => text.startsWith('"'))).toBe(true);
    expect(['*', '&a', '!x', '%Y', '@x', '- x', 'a: b', 'a #b', '{a}', '[a]', "'a'", ' a'].map(yamlString).every((text) => text.startsWith('"'))).toBe(true);
    expect(['256k', '5M', '1.5G', 'kube.*', 'docker, cri', 'AccountID 0', '/a/b-c_d.log', 'json_lines'].map(yamlString)).toEqual([
      '256k',
      '5M',
      '1.5G',
      'kube.*',
      'docker, cri',
      'AccountID 0',
      '/a/b-c_d.log',
      'json_lines',
    ]);
    // Quoted or not, every one reads back as its text.
    const texts = ['on', '8427', '12:30', '*', 'a: b', 'a #b', '"q"', 'back\\slash', 'tab\there', '256k', 'docker, cri'];
    const yaml = texts.map((text, index) => `k${index}: ${yamlString(text)}`).join('\n');
    expect(Object.values(read(yaml) as Record<string, string>)).toEqual(texts);
  });

  it('refuses empty and multi-line values and empty map entries, as the classic serialiser does', () => {
    const pipeline = logShippingPipeline(containerLogsOnly);
    expect(() => toYamlConfig({ ...pipeline, service: { ...pipeline.service, log_level: ' ' as 'info' } })).toThrow(/service log_level must be one non-empty line/);
    expect(() => toYamlConfig({ ...pipeline, inputs: [{ ...pipeline.inputs[0]!, path: '/x\n- name: evil' }] })).toThrow(/input tail path/);
    expect(() =>
      toYamlConfig({ ...pipeline, filters: [{ name: 'modify', match: 'kube.*', set: { cluster: 'infra', environment: '' } }] }),
    ).toThrow(/filter modify set environment has an empty value/);
  });

  it('leaves out empty sections', () => {
    const pipeline = logShippingPipeline(containerLogsOnly);
    const yaml = toYamlConfig({ ...pipeline, filters: [], parsers: [] });
    expect(yaml).not.toContain('filters:');
    expect(yaml).not.toContain('parsers:');
  });
});
