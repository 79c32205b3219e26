/**
 * The story's proposal (shared/spec/STORY-OBS-FLUENT-BIT.md, T2 values and T3 audit config),
 * after Flux substitution from its cluster-settings, on the chart's default mounts (the story's
 * top-level volumeMounts/volumes are ignored by chart 0.58.1).
 */
import { describe, expect, it } from 'vitest';
import { CHART_DEFAULT_MOUNTS, chartConfigFiles } from './chart';
import { IMAGE_PARSERS } from './fixtures';
import { lintPipeline } from './lint';
import type { PipelineFinding } from './types';

/** The story's cluster-settings variables. */
const CLUSTER_SETTINGS: Record<string, string> = {
  OBSERVABILITY_LOG_ENDPOINT_HOST: 'vmauth-victoria-logs.observability.svc.cluster.local',
  OBSERVABILITY_LOG_ENDPOINT_PORT: '8427',
  OBSERVABILITY_LOG_ENDPOINT_PATH: '/insert/jsonline',
  OBSERVABILITY_LOG_TENANT: 'default',
  CLUSTER: 'infra',
  ENVIRONMENT: 'production',
};
const substitute = (text: string) =>
  text.replace(/\$\{(\w+)\}/g, (reference, name: string) => CLUSTER_SETTINGS[name] ?? reference);

// T2 `values.config`, verbatim.
const T2 = {
  service: `[SERVICE]
    Daemon Off
    Flush 5
    Log_Level info
    Parsers_File parsers.conf
    Parsers_File custom_parsers.conf
    HTTP_Server On
    HTTP_Listen 0.0.0.0
    HTTP_Port 2020
    Health_Check On
    storage.path /var/fluent-bit/state/flb-storage/
    storage.sync normal
    storage.checksum off
    storage.max_chunks_up 128
    storage.backlog.mem_limit 5M
`,
  inputs: `[INPUT]
    Name tail
    Path /var/log/containers/*.log
    multiline.parser docker, cri
    Tag kube.*
    Mem_Buf_Limit 5MB
    Skip_Long_Lines On
    Refresh_Interval 10
    DB /var/fluent-bit/state/flb_kube.db
    DB.sync normal
`,
  filters: `[FILTER]
    Name kubernetes
    Match kube.*
    Kube_URL https://kubernetes.default.svc:443
    Kube_CA_File /var/run/secrets/kubernetes.io/serviceaccount/ca.crt
    Kube_Token_File /var/run/secrets/kubernetes.io/serviceaccount/token
    Kube_Tag_Prefix kube.var.log.containers.
    Merge_Log On
    Keep_Log Off
    K8S-Logging.Parser On
    K8S-Logging.Exclude On
    Labels On
    Annotations Off
    Buffer_Size 0

[FILTER]
    Name modify
    Match kube.*
    Add cluster \${CLUSTER}
    Add environment \${ENVIRONMENT}

[FILTER]
    Name nest
    Match kube.*
    Operation lift
    Nested_under kubernetes
    Add_prefix k8s_
`,
  outputs: `[OUTPUT]
    Name http
    Match kube.*
    Host \${OBSERVABILITY_LOG_ENDPOINT_HOST}
    Port \${OBSERVABILITY_LOG_ENDPOINT_PORT}
    URI \${OBSERVABILITY_LOG_ENDPOINT_PATH}
    Format json
    Json_date_key _time
    Json_date_format iso8601
    Header X-Scope-OrgID \${OBSERVABILITY_LOG_TENANT}
    compress gzip
    Retry_Limit 3
    storage.total_limit_size 10M
`,
  customParsers: `[PARSER]
    Name docker
    Format json
    Time_Key time
    Time_Format %Y-%m-%dT%H:%M:%S.%LZ
    Time_Keep On

[PARSER]
    Name cri
    Format regex
    Regex ^(?<time>[^ ]+) (?<stream>stdout|stderr) (?<logtag>[^ ]*) (?<log>.*)$
    Time_Key time
    Time_Format %Y-%m-%dT%H:%M:%S.%L%z
    Time_Keep On
`,
};

// T3 `audit.conf`, verbatim.
const T3_AUDIT = `[INPUT]
    Name tail
    Path /var/log/kubernetes/audit.log
    Parser json
    Tag audit.*
    Mem_Buf_Limit 10MB
    Skip_Long_Lines On
    Refresh_Interval 10
    DB /var/fluent-bit/state/flb_audit.db

[FILTER]
    Name modify
    Match audit.*
    Add cluster \${CLUSTER}
    Add log_type audit
    Add environment \${ENVIRONMENT}

[FILTER]
    Name nest
    Match audit.*
    Operation nest
    Wildcard *
    Nest_under audit_event

[OUTPUT]
    Name http
    Match audit.*
    Host \${OBSERVABILITY_LOG_ENDPOINT_HOST}
    Port \${OBSERVABILITY_LOG_ENDPOINT_PORT}
    URI \${OBSERVABILITY_LOG_ENDPOINT_PATH}
    Format json
    Json_date_key _time
    Json_date_format iso8601
    Header X-Scope-OrgID audit
    compress gzip
    Retry_Limit 3
`;

const storyFiles = (extraFiles: Record<string, string> = {}) =>
  chartConfigFiles({
    service: substitute(T2.service),
    inputs: substitute(T2.inputs),
    filters: substitute(T2.filters),
    outputs: substitute(T2.outputs),
    customParsers: substitute(T2.customParsers),
    extraFiles: Object.fromEntries(Object.entries(extraFiles).map(([name, text]) => [name, substitute(text)])),
  });

const lintStory = (files: Record<string, string>) =>
  lintPipeline({ files, mounts: CHART_DEFAULT_MOUNTS, imageParsers: IMAGE_PARSERS });

const finding = (expected: Partial<PipelineFinding>) =>
  expect.objectContaining({
    ...expected,
    ...(expected.message ? { message: expect.stringContaining(expected.message) } : {}),
  });

describe('the story`s original configuration (T2)', () => {
  const findings = lintStory(storyFiles());

  it('has exactly the defects the research found', () => {
    expect(findings).toEqual([
      // relative Parsers_File: resolves against --workdir, easy to misread (the image's file, then ours)
      finding({ severity: 'warning', file: 'fluent-bit.conf', property: 'Parsers_File', message: 'Parsers_File parsers.conf is relative' }),
      finding({ severity: 'warning', file: 'fluent-bit.conf', property: 'Parsers_File', message: 'Parsers_File custom_parsers.conf is relative' }),
      // /var/fluent-bit/state is not mounted: the story's volumeMounts/volumes are not chart keys
      finding({
        severity: 'error',
        file: 'fluent-bit.conf',
        line: 11,
        section: '[SERVICE]',
        property: 'storage.path',
        message: 'not under any volume mount',
      }),
      // memory buffering (measured: a restart during an outage delivered 0 of 100 lines)
      finding({ severity: 'warning', file: 'fluent-bit.conf', section: '[INPUT] tail (tag kube.*)', message: 'memory buffering' }),
      // Skip_Long_Lines On with the 32k default buffer: longer lines are dropped silently
      finding({ severity: 'warning', file: 'fluent-bit.conf', property: 'Skip_Long_Lines', message: 'dropped silently' }),
      finding({
        severity: 'error',
        file: 'fluent-bit.conf',
        line: 25,
        section: '[INPUT] tail (tag kube.*)',
        property: 'DB',
        message: 'not under any volume mount',
      }),
      finding({
        severity: 'error',
        file: 'fluent-bit.conf',
        line: 61,
        section: '[OUTPUT] http (match kube.*)',
        property: 'URI',
        message: 'has no _msg_field',
      }),
      finding({
        severity: 'error',
        file: 'fluent-bit.conf',
        line: 62,
        section: '[OUTPUT] http (match kube.*)',
        property: 'Format',
        message: 'Format json sends one JSON array',
      }),
      finding({
        severity: 'error',
        file: 'fluent-bit.conf',
        line: 65,
        property: 'Header',
        message: 'X-Scope-OrgID is ignored',
      }),
      finding({
        severity: 'warning',
        file: 'fluent-bit.conf',
        line: 67,
        property: 'Retry_Limit',
        message: 'Retry_Limit 3',
      }),
      finding({
        severity: 'error',
        file: 'fluent-bit.conf',
        line: 68,
        property: 'storage.total_limit_size',
        message: 'no input feeding this output uses storage.type filesystem',
      }),
      // the image's parsers.conf (Parsers_File parsers.conf, relative to --workdir /fluent-bit/etc) already has both
      finding({
        severity: 'error',
        file: 'custom_parsers.conf',
        line: 2,
        section: '[PARSER] docker',
        property: 'Name',
        message: 'already defined by the image',
      }),
      finding({
        severity: 'error',
        file: 'custom_parsers.conf',
        line: 9,
        section: '[PARSER] cri',
        property: 'Name',
        message: 'already defined by the image',
      }),
    ]);
  });

  it('gives one-line messages and fixes', () => {
    for (const { message, fix } of findings) {
      expect(message).not.toContain('\n');
      expect(fix).not.toContain('\n');
      expect(fix.length).toBeGreaterThan(0);
    }
  });

  it('reports an empty ${ENVIRONMENT} as a broken modify rule (Flux <= 2.8 substitutes unset variables with "")', () => {
    const files = storyFiles();
    files['fluent-bit.conf'] = files['fluent-bit.conf']!.replace('Add environment production', 'Add environment ');
    expect(lintStory(files)).toContainEqual(finding({ severity: 'error', property: 'Add', message: 'no value' }));
  });
});

describe('the story`s audit configuration (T3)', () => {
  it('is never loaded as a separate file', () => {
    expect(lintStory(storyFiles({ 'audit.conf': T3_AUDIT }))).toContainEqual(
      finding({ severity: 'warning', file: 'audit.conf', message: 'never loaded' }),
    );
  });

  it('repeats the output defects and the unmounted DB when included', () => {
    const files = storyFiles({ 'audit.conf': T3_AUDIT });
    files['fluent-bit.conf'] += '\n@INCLUDE audit.conf\n';
    const audit = lintStory(files).filter((found) => found.file === 'audit.conf');
    expect(audit).toEqual([
      finding({ severity: 'warning', section: '[INPUT] tail (tag audit.*)', message: 'memory buffering' }),
      finding({ severity: 'warning', property: 'Skip_Long_Lines', message: 'dropped silently' }),
      finding({
        severity: 'error',
        line: 9,
        section: '[INPUT] tail (tag audit.*)',
        property: 'DB',
        message: 'not under any volume mount',
      }),
      finding({
        severity: 'error',
        line: 30,
        section: '[OUTPUT] http (match audit.*)',
        property: 'URI',
        message: 'has no _msg_field',
      }),
      finding({ severity: 'error', line: 31, property: 'Format', message: 'Format json' }),
      finding({ severity: 'error', line: 34, property: 'Header', message: 'X-Scope-OrgID' }),
      finding({ severity: 'warning', line: 36, property: 'Retry_Limit' }),
    ]);
  });
});
