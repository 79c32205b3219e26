import { describe, expect, it } from 'vitest';
import { CHART_DEFAULT_MOUNTS, chartConfigFiles } from './chart';
import { GOOD_CONFIG, GOOD_MOUNTS, IMAGE_PARSERS, goodFiles, replaceOnce } from './fixtures';
import { lintPipeline } from './lint';
import type { PipelineFinding, PipelineInput } from './types';

const lint = (files: Record<string, string>, mounts: PipelineInput['mounts'] = GOOD_MOUNTS) =>
  lintPipeline({ files, mounts, imageParsers: IMAGE_PARSERS });

/** Lints our pipeline after one replacement in fluent-bit.conf. */
const lintEdited = (search: string, replacement: string) =>
  lint(goodFiles((main) => replaceOnce(main, search, replacement)));

const finding = (expected: Partial<Omit<PipelineFinding, 'message'>> & { message?: string }) =>
  expect.objectContaining({
    ...expected,
    ...(expected.message !== undefined ? { message: expect.stringContaining(expected.message) } : {}),
  });

describe('a correct pipeline', () => {
  it('yields no finding', () => {
    expect(lint(goodFiles())).toEqual([]);
  });

  it('yields no finding with the chart defaults (config and daemonSetVolumeMounts of chart 0.58.1)', () => {
    const files = chartConfigFiles({
      service: [
        '[SERVICE]',
        '    Daemon Off',
        '    Flush 1',
        '    Log_Level info',
        '    Parsers_File /fluent-bit/etc/parsers.conf',
        '    Parsers_File /fluent-bit/etc/conf/custom_parsers.conf',
        '    HTTP_Server On',
        '    HTTP_Listen 0.0.0.0',
        '    HTTP_Port 2020',
        '    Health_Check On',
        '',
      ].join('\n'),
      inputs: [
        '[INPUT]',
        '    Name tail',
        '    Path /var/log/containers/*.log',
        '    multiline.parser docker, cri',
        '    Tag kube.*',
        '    Mem_Buf_Limit 5MB',
        '    Skip_Long_Lines On',
        '',
        '[INPUT]',
        '    Name systemd',
        '    Tag host.*',
        '    Systemd_Filter _SYSTEMD_UNIT=kubelet.service',
        '    Read_From_Tail On',
        '',
      ].join('\n'),
      filters: [
        '[FILTER]',
        '    Name kubernetes',
        '    Match kube.*',
        '    Merge_Log On',
        '    Keep_Log Off',
        '    K8S-Logging.Parser On',
        '    K8S-Logging.Exclude On',
        '',
      ].join('\n'),
      outputs: [
        '[OUTPUT]',
        '    Name es',
        '    Match kube.*',
        '    Host elasticsearch-master',
        '    Logstash_Format On',
        '    Retry_Limit False',
        '',
        '[OUTPUT]',
        '    Name es',
        '    Match host.*',
        '    Host elasticsearch-master',
        '    Logstash_Format On',
        '    Logstash_Prefix node',
        '    Retry_Limit False',
        '',
      ].join('\n'),
      customParsers: [
        '[PARSER]',
        '    Name docker_no_time',
        '    Format json',
        '    Time_Keep Off',
        '    Time_Key time',
        '    Time_Format %Y-%m-%dT%H:%M:%S.%L',
        '',
      ].join('\n'),
    });
    // The chart's default tail input starts, but loses lines silently: both are warnings.
    expect(lint(files, CHART_DEFAULT_MOUNTS)).toEqual([
      finding({ severity: 'warning', line: 12, message: 'memory buffering' }),
      finding({ severity: 'warning', line: 18, property: 'Skip_Long_Lines', message: 'dropped silently' }),
    ]);
  });
});

describe('1. the config parses and its files exist', () => {
  it('reports syntax errors with the file they are in', () => {
    expect(lintEdited('    flush 1\n', '    flush\n')).toEqual([
      finding({ severity: 'error', file: 'fluent-bit.conf', line: 2, message: 'has no value' }),
    ]);
  });

  it('follows @INCLUDE into other files (relative to /fluent-bit/etc/conf) and checks them', () => {
    const audit = [
      '[INPUT]',
      '    Name tail',
      '    Tag extra.*',
      '    Path /var/log/extra.log',
      '    Parsr json',
      '    storage.type filesystem',
      '',
    ].join('\n');
    const files = { ...goodFiles((main) => `${main}\n@INCLUDE extra.conf\n`), 'extra.conf': audit };
    expect(lint(files)).toEqual([
      finding({ severity: 'warning', file: 'extra.conf', line: 3, message: 'no [OUTPUT] matches the tag extra.*' }),
      finding({ severity: 'error', file: 'extra.conf', line: 5, property: 'Parsr', fix: 'did you mean "parser"?' }),
    ]);
  });

  it('accepts absolute and glob @INCLUDEs', () => {
    const extra = ['[OUTPUT]', '    Name null', '    Match kube.*', ''].join('\n');
    const files = {
      ...goodFiles((main) => `@INCLUDE /fluent-bit/etc/conf/out-*.conf\n${main}`),
      'out-null.conf': extra,
    };
    expect(lint(files)).toEqual([]);
  });

  it('reports an @INCLUDE of a file that does not exist', () => {
    expect(lint(goodFiles((main) => `${main}\n@INCLUDE audit.conf\n`))).toEqual([
      finding({
        severity: 'error',
        file: 'fluent-bit.conf',
        message: '/fluent-bit/etc/conf/audit.conf does not exist',
      }),
    ]);
  });

  it('reports a file included twice', () => {
    const files = { ...goodFiles((main) => `@INCLUDE a.conf\n@INCLUDE a.conf\n${main}`), 'a.conf': '' };
    expect(lint(files)).toEqual([finding({ severity: 'error', line: 2, message: 'included twice' })]);
  });

  it('reads /fluent-bit/etc/conf/<x> Parsers_File entries from the files, and reports missing ones', () => {
    const findings = lintEdited('/fluent-bit/etc/conf/custom_parsers.conf', '/fluent-bit/etc/conf/parsers-extra.conf');
    expect(findings).toEqual([
      finding({
        severity: 'error',
        property: 'parsers_file',
        message: '/fluent-bit/etc/conf/parsers-extra.conf does not exist',
      }),
      finding({ severity: 'error', property: 'parser', message: 'parser "k8s-audit-event" is not defined' }),
      finding({ severity: 'warning', file: 'custom_parsers.conf', message: 'is never loaded' }),
    ]);
  });

  it('reports a [PARSER] in the main configuration', () => {
    const findings = lintEdited(
      '[INPUT]\n    name tail\n    tag kube.*',
      '[PARSER]\n    name x\n    format json\n\n[INPUT]\n    name tail\n    tag kube.*',
    );
    expect(findings).toEqual([
      finding({ severity: 'error', section: '[PARSER] x', message: 'not allowed in the main configuration' }),
    ]);
  });

  it('warns about a file nothing loads (e.g. the story`s audit pipeline without @INCLUDE)', () => {
    expect(lint({ ...goodFiles(), 'audit.conf': '[INPUT]\n    Name tail\n' })).toEqual([
      finding({ severity: 'warning', file: 'audit.conf', message: 'never loaded' }),
    ]);
  });

  it('reports a missing fluent-bit.conf', () => {
    expect(lint({})).toEqual([finding({ severity: 'error', file: 'fluent-bit.conf', message: 'missing' })]);
  });
});

describe('2. known sections, plugins and keys', () => {
  it('reports an unknown section kind', () => {
    expect(lintEdited('[SERVICE]', '[SERVIC]\n    grace 5\n[SERVICE]')).toEqual([
      finding({ severity: 'warning', message: 'read as [SERVICE]' }),
    ]);
    expect(lintEdited('[SERVICE]', '[OUPUT]\n    name null\n[SERVICE]')).toEqual([
      finding({ severity: 'error', line: 1, message: 'unknown section [OUPUT]', fix: 'did you mean [OUTPUT]?' }),
    ]);
  });

  it('reports an unknown plugin with the closest name', () => {
    expect(lintEdited('name kubernetes', 'name kubernetess')).toEqual([
      finding({
        severity: 'error',
        section: '[FILTER] kubernetess (match kube.*)',
        property: 'name',
        fix: 'did you mean "kubernetes"?',
      }),
    ]);
  });

  it('reports a plugin the Linux image does not contain', () => {
    const findings = lintEdited(
      '[FILTER]\n    name kubernetes',
      '[INPUT]\n    name exec\n    tag kube.x\n    command date\n\n[FILTER]\n    name kubernetes',
    );
    expect(findings).toEqual([
      finding({ severity: 'error', property: 'name', message: 'not built into the Fluent Bit 5.1.1 Linux image' }),
    ]);
  });

  it('accepts the output alias elasticsearch (es) and checks es keys', () => {
    const es = '\n[OUTPUT]\n    name elasticsearch\n    match kube.*\n    host es\n    logstash_format On\n';
    expect(lint(goodFiles((main) => main + es))).toEqual([]);
    expect(lint(goodFiles((main) => main + es.replace('logstash_format', 'logstash_formats')))).toEqual([
      finding({ severity: 'error', property: 'logstash_formats', fix: 'did you mean "logstash_format"?' }),
    ]);
  });

  it('reports a section without Name', () => {
    expect(lintEdited('    name nest\n', '')).toEqual([
      finding({ severity: 'error', section: '[FILTER] (match kube.*)', message: 'has no Name' }),
    ]);
  });

  it.each([
    ['tail', 'skip_long_lines On', 'Skip_Long_Line On', 'skip_long_lines'],
    ['kubernetes', 'merge_log On', 'Merge_Logs On', 'merge_log'],
    ['modify', 'set log_type audit', 'sett log_type audit', 'set'],
    ['nest', 'nested_under kubernetes', 'nested_unde kubernetes', 'nested_under'],
    ['http', 'json_date_key _time', 'json_date_keys _time', 'json_date_key'],
    ['generic input', 'buffer_max_size 256k', 'buffer_max_size 256k\n    Mem_Buf_Limt 5MB', 'mem_buf_limit'],
    [
      'generic output',
      'retry_limit no_limits\n    storage.total_limit_size 824M',
      'retry_limits no_limits\n    storage.total_limit_size 824M',
      'retry_limit',
    ],
    [
      'output net.*',
      'compress gzip\n    header AccountID 0',
      'compress gzip\n    net.keepalive_idle_timout 30\n    header AccountID 0',
      'net.keepalive_idle_timeout',
    ],
    ['SERVICE', 'health_check On', 'health_checks On', 'health_check'],
  ])('reports a typo in a %s key and suggests the known one', (_, search, replacement, suggestion) => {
    const findings = lintEdited(search, replacement);
    expect(findings).toEqual([finding({ severity: 'error', fix: `did you mean "${suggestion}"?` })]);
  });

  it('compares keys case-insensitively and accepts tls.*, workers, threaded, alias', () => {
    const findings = lintEdited(
      '    compress gzip\n',
      '    COMPRESS gzip\n    Workers 2\n    tls On\n    tls.verify On\n    Alias vlogs\n',
    ).concat(
      lintEdited(
        '    db.sync normal\n',
        '    DB.Sync normal\n    Threaded On\n    storage.pause_on_chunks_overlimit On\n',
      ),
    );
    expect(findings).toEqual([]);
  });

  it('reports unknown [PARSER] keys in custom parsers', () => {
    const files = {
      ...goodFiles(),
      'custom_parsers.conf': '[PARSER]\n    name k8s-audit-event\n    format json\n    time_keys stageTimestamp\n',
    };
    expect(lint(files)).toEqual([
      finding({
        severity: 'error',
        file: 'custom_parsers.conf',
        property: 'time_keys',
        fix: 'did you mean "time_key"?',
      }),
    ]);
  });
});

describe('3. Match and tags', () => {
  it('reports an OUTPUT whose Match matches no input tag, and the input nobody receives', () => {
    expect(lintEdited('    match audit.*\n    host', '    match audits.*\n    host')).toEqual([
      finding({
        severity: 'warning',
        section: '[INPUT] tail (tag audit.*)',
        message: 'no [OUTPUT] matches the tag audit.*',
      }),
      finding({
        severity: 'error',
        section: '[OUTPUT] http (match audits.*)',
        property: 'match',
        message: 'matches no tag an INPUT produces (kube.*, audit.*)',
      }),
    ]);
  });

  it('reports a FILTER whose Match matches nothing', () => {
    expect(lintEdited('    name nest\n    match kube.*', '    name nest\n    match kubernetes.*')).toEqual([
      finding({ severity: 'error', section: '[FILTER] nest (match kubernetes.*)', property: 'match' }),
    ]);
  });

  it('reports a FILTER or OUTPUT without Match', () => {
    expect(lintEdited('    name nest\n    match kube.*\n', '    name nest\n')).toEqual([
      finding({ severity: 'error', section: '[FILTER] nest', message: 'no Match' }),
    ]);
  });

  it('treats a tail Tag kube.* as kube.<anything>', () => {
    expect(lintEdited('    name nest\n    match kube.*', '    name nest\n    match kube.var.log.containers.*')).toEqual(
      [],
    );
    expect(lintEdited('    name nest\n    match kube.*', '    name nest\n    match *')).toEqual([]);
  });

  it('checks Match_Regex against the tags an input produces', () => {
    expect(
      lintEdited(
        '    name nest\n    match kube.*',
        '    name nest\n    match_regex ^kube\\.var\\.log\\.containers\\..*$',
      ),
    ).toEqual([]);
    expect(lintEdited('    name nest\n    match kube.*', '    name nest\n    match_regex ^host\\..*$')).toEqual([
      finding({ severity: 'error', property: 'match_regex' }),
    ]);
  });

  it('counts tags a rewrite_tag filter emits', () => {
    const findings = lintEdited(
      '[OUTPUT]\n    name http\n    match audit.*',
      "[FILTER]\n    name rewrite_tag\n    match kube.*\n    rule $kubernetes['namespace_name'] ^(kube-system)$ system.$TAG false\n\n[OUTPUT]\n    name null\n    match system.*\n\n[OUTPUT]\n    name http\n    match audit.*",
    );
    expect(findings).toEqual([]);
  });
});

describe('4. parser names', () => {
  it('reports [PARSER] names the image already defines (the story`s docker and cri)', () => {
    const files = {
      ...goodFiles(),
      'custom_parsers.conf': `${GOOD_CONFIG.customParsers}\n[PARSER]\n    Name cri\n    Format regex\n    Regex ^(?<log>.*)$\n`,
    };
    expect(lint(files)).toEqual([
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

  it('reports a parser defined twice in our files', () => {
    const files = {
      ...goodFiles(),
      'custom_parsers.conf': `${GOOD_CONFIG.customParsers}\n${GOOD_CONFIG.customParsers}`,
    };
    expect(lint(files)).toEqual([
      finding({
        severity: 'error',
        line: 9,
        property: 'name',
        message: 'defined twice (also at custom_parsers.conf:1)',
      }),
    ]);
  });

  it('reports a reference to a parser defined nowhere, with the closest name', () => {
    expect(lintEdited('parser k8s-audit-event', 'parser k8s-audit-events')).toEqual([
      finding({
        severity: 'error',
        property: 'parser',
        fix: 'did you mean "k8s-audit-event"? Otherwise define a [PARSER] named k8s-audit-events in config.customParsers',
      }),
    ]);
  });

  it('accepts the image`s parsers when parsers.conf is loaded, and says so when it is not', () => {
    expect(lintEdited('parser k8s-audit-event', 'parser json')).toEqual([]);
    const findings = lint(
      goodFiles((main) =>
        replaceOnce(
          replaceOnce(main, '    parsers_file /fluent-bit/etc/parsers.conf\n', ''),
          'parser k8s-audit-event',
          'parser json',
        ),
      ),
    );
    expect(findings).toEqual([
      finding({
        severity: 'error',
        property: 'parser',
        fix: 'add "Parsers_File /fluent-bit/etc/parsers.conf" to [SERVICE]',
      }),
    ]);
  });

  it('knows the built-in multiline parsers and reports others', () => {
    expect(lintEdited('multiline.parser docker, cri', 'multiline.parser docker, cri, go, python, java, ruby')).toEqual(
      [],
    );
    expect(lintEdited('multiline.parser docker, cri', 'multiline.parser docker, containerd')).toEqual([
      finding({ severity: 'error', property: 'multiline.parser', message: 'multiline parser "containerd"' }),
    ]);
  });

  it('accepts a [MULTILINE_PARSER] defined in a parsers file', () => {
    const files = {
      ...goodFiles((main) => replaceOnce(main, 'multiline.parser docker, cri', 'multiline.parser cri, stack')),
      'custom_parsers.conf': `${GOOD_CONFIG.customParsers}\n[MULTILINE_PARSER]\n    name stack\n    type regex\n    rule "start_state" "/^\\S/" "cont"\n    rule "cont" "/^\\s+at/" "cont"\n`,
    };
    expect(lint(files)).toEqual([]);
  });
});

describe('5. storage', () => {
  it('reports storage.total_limit_size on an output no filesystem-buffered input feeds', () => {
    const findings = lintEdited(
      '    db.sync normal\n    storage.type filesystem\n    buffer_max_size 1M',
      '    db.sync normal\n    buffer_max_size 1M',
    );
    expect(findings).toEqual([
      finding({ severity: 'warning', section: '[INPUT] tail (tag audit.*)', message: 'memory buffering' }),
      finding({
        severity: 'error',
        section: '[OUTPUT] http (match audit.*)',
        property: 'storage.total_limit_size',
        fix: 'add "storage.type filesystem" to [INPUT] tail (tag audit.*) (with storage.path in [SERVICE]), or remove storage.total_limit_size',
      }),
    ]);
  });

  it('reports storage.type filesystem without [SERVICE] storage.path', () => {
    const findings = lintEdited('    storage.path /var/fluent-bit/state/flb-storage/\n', '');
    expect(findings).toEqual([
      finding({
        severity: 'error',
        section: '[INPUT] tail (tag kube.*)',
        property: 'storage.type',
        message: 'no storage.path',
      }),
      finding({
        severity: 'error',
        section: '[INPUT] tail (tag audit.*)',
        property: 'storage.type',
        message: 'no storage.path',
      }),
    ]);
  });

  it('reports an invalid storage.type', () => {
    expect(
      lintEdited('storage.type filesystem\n    buffer_max_size 256k', 'storage.type disk\n    buffer_max_size 256k'),
    ).toEqual([finding({ severity: 'error', property: 'storage.type', message: 'invalid' })]);
  });
});

describe('6. http output to VictoriaLogs /insert/jsonline', () => {
  it('reports a Format other than json_lines (the default json sends an array)', () => {
    expect(
      lintEdited(
        '    format json_lines\n    json_date_key _time\n    json_date_format iso8601\n    compress gzip\n    header AccountID 1',
        '    format json\n    json_date_key _time\n    json_date_format iso8601\n    compress gzip\n    header AccountID 1',
      ),
    ).toEqual([
      finding({
        severity: 'error',
        section: '[OUTPUT] http (match audit.*)',
        property: 'format',
        fix: 'set "Format json_lines"',
      }),
    ]);
    expect(
      lintEdited(
        '    format json_lines\n    json_date_key _time\n    json_date_format iso8601\n    compress gzip\n    header AccountID 1',
        '    json_date_key _time\n    json_date_format iso8601\n    compress gzip\n    header AccountID 1',
      ),
    ).toEqual([finding({ severity: 'error', property: 'uri', message: 'Format json (the default)' })]);
  });

  it('reports a URI without _msg_field, and accepts the VL-Msg-Field header instead', () => {
    expect(
      lintEdited('?_msg_field=requestURI&_stream_fields=cluster,log_type', '?_stream_fields=cluster,log_type'),
    ).toEqual([
      finding({
        severity: 'error',
        property: 'uri',
        fix: 'append "&_msg_field=log,message,msg" (and _stream_fields) to the URI',
      }),
    ]);
    expect(
      lintEdited('?_msg_field=requestURI&_stream_fields=cluster,log_type', '\n    header VL-Msg-Field requestURI'),
    ).toEqual([]);
  });

  it('reports X-Scope-OrgID without AccountID/ProjectID: the logs land in tenant 0:0', () => {
    expect(lintEdited('    header AccountID 1\n    header ProjectID 0\n', '    header X-Scope-OrgID audit\n')).toEqual([
      finding({
        severity: 'error',
        section: '[OUTPUT] http (match audit.*)',
        property: 'header',
        message: 'X-Scope-OrgID is ignored by VictoriaLogs /insert/jsonline: the tenant is AccountID and ProjectID, so these logs land in tenant 0:0',
      }),
    ]);
  });

  it('reports X-Scope-OrgID beside only one of AccountID/ProjectID, and half a tenant on its own', () => {
    expect(lintEdited('    header AccountID 1\n    header ProjectID 0\n', '    header AccountID 1\n    header X-Scope-OrgID audit\n')).toEqual([
      finding({ severity: 'error', property: 'header', line: expect.any(Number), message: 'only half a tenant: without header ProjectID' }),
      finding({ severity: 'error', property: 'header', message: 'X-Scope-OrgID is ignored' }),
    ]);
    expect(lintEdited('    header AccountID 1\n    header ProjectID 0\n', '    header ProjectID 0\n')).toEqual([
      finding({ severity: 'error', property: 'header', message: 'only half a tenant: without header AccountID' }),
    ]);
  });

  it('accepts both tenant headers, and X-Scope-OrgID beside both', () => {
    expect(lintEdited('    header AccountID 1\n    header ProjectID 0\n', '    header AccountID 1\n    header ProjectID 0\n    header X-Scope-OrgID audit\n')).toEqual([]);
  });

  it('reports a non-numeric AccountID', () => {
    expect(lintEdited('header AccountID 1', 'header AccountID audit')).toEqual([
      finding({ severity: 'error', property: 'header', message: 'not a uint32' }),
    ]);
  });

  it('leaves other http outputs alone', () => {
    expect(
      lintEdited(
        'uri /insert/jsonline?_msg_field=requestURI&_stream_fields=cluster,log_type\n    format json_lines',
        'uri /ingest\n    format json',
      ),
    ).toEqual([]);
  });
});

describe('11. credentials', () => {
  it('reports a password written inline, and accepts one from the environment', () => {
    expect(lintEdited('    header AccountID 1\n', '    header AccountID 1\n    http_user fluent-bit\n    http_passwd hunter2\n')).toEqual([
      finding({ severity: 'error', property: 'http_passwd', message: 'http_passwd is written inline' }),
    ]);
    const fromEnv = lintEdited('    header AccountID 1\n', '    header AccountID 1\n    http_user fluent-bit\n    http_passwd ${VMAUTH_PASSWORD}\n');
    expect(fromEnv.filter((found) => found.message.includes('written inline'))).toEqual([]);
  });

  it('leaves keys that say where a secret is, not what it is', () => {
    expect(lintEdited('    header AccountID 1\n', '    header AccountID 1\n    tls.key_file /secrets/key.pem\n')).toEqual([]);
  });
});

describe('7. modify rules', () => {
  it('reports Add/Set without a value (an empty Flux variable): "Invalid operation"', () => {
    expect(lintEdited('set environment production\n    set log_type', 'set environment\n    set log_type')).toEqual([
      finding({
        severity: 'error',
        property: 'set',
        message: 'Invalid operation',
        fix: 'write "set environment <value>" (or give the variable a default, e.g. ${VAR:=unknown})',
      }),
    ]);
  });

  it.each(['Add', 'Rename', 'Copy', 'Hard_rename', 'Hard_copy'])('reports %s with one word', (rule) => {
    expect(lintEdited('    set log_type audit\n', `    ${rule} log_type\n`)).toEqual([
      finding({ severity: 'error', property: rule, message: 'Invalid operation' }),
    ]);
  });

  it('reports an unquoted value with spaces, and accepts a quoted one', () => {
    expect(lintEdited('set log_type audit', 'set log_type kube audit')).toEqual([
      finding({ severity: 'error', property: 'set', message: 'Rename' }),
    ]);
    expect(lintEdited('set log_type audit', 'set log_type "kube audit"')).toEqual([]);
  });

  it('reports Remove with two words', () => {
    expect(lintEdited('    set log_type audit\n', '    remove log_type audit\n')).toEqual([
      finding({ severity: 'error', property: 'remove' }),
    ]);
  });

  it('reports record_modifier Record without a value', () => {
    const findings = lintEdited(
      '    set log_type audit\n',
      '    set log_type audit\n\n[FILTER]\n    name record_modifier\n    match audit.*\n    record cluster\n',
    );
    expect(findings).toEqual([finding({ severity: 'error', property: 'record' })]);
  });
});

describe('8. mounts', () => {
  it('reports a tail DB and storage.path outside any mount (the story`s /var/fluent-bit/state)', () => {
    const findings = lint(goodFiles(), CHART_DEFAULT_MOUNTS);
    expect(findings).toEqual([
      finding({
        severity: 'error',
        section: '[SERVICE]',
        property: 'storage.path',
        message: 'not under any volume mount',
      }),
      finding({
        severity: 'error',
        section: '[INPUT] tail (tag kube.*)',
        property: 'db',
        message: 'not under any volume mount',
      }),
      finding({
        severity: 'error',
        section: '[INPUT] tail (tag audit.*)',
        property: 'db',
        message: 'not under any volume mount',
      }),
    ]);
  });

  it('reports a DB on a read-only mount, using the longest matching mount', () => {
    const mounts = [
      { mountPath: '/var', readOnly: true },
      { mountPath: '/var/fluent-bit/state/', readOnly: false },
    ];
    expect(lint(goodFiles(), mounts)).toEqual([]);
    expect(lint(goodFiles(), [{ mountPath: '/var', readOnly: true }])).toEqual([
      finding({ severity: 'error', property: 'storage.path', message: 'read-only mount /var' }),
      finding({ severity: 'error', property: 'db', message: 'read-only mount /var' }),
      finding({ severity: 'error', property: 'db', message: 'read-only mount /var' }),
    ]);
  });

  it('matches mounts at directory boundaries', () => {
    const mounts = [
      { mountPath: '/var/log', readOnly: true },
      { mountPath: '/var/fluent-bit/stat', readOnly: false },
    ];
    expect(lint(goodFiles(), mounts).map((found) => found.property)).toEqual(['storage.path', 'db', 'db']);
  });

  it('reports a tail Path outside every mount', () => {
    expect(
      lintEdited('path /var/log/audit/kube/*.log', 'path /var/log/audit/kube/*.log,/var/lib/containerd/*.log'),
    ).toEqual([
      finding({
        severity: 'error',
        property: 'path',
        message: '/var/lib/containerd/*.log is not under any volume mount',
      }),
    ]);
  });
});

describe('9. Retry_Limit', () => {
  it('warns about a small Retry_Limit', () => {
    expect(
      lintEdited(
        'retry_limit no_limits\n    storage.total_limit_size 258M',
        'retry_limit 3\n    storage.total_limit_size 258M',
      ),
    ).toEqual([finding({ severity: 'warning', property: 'retry_limit', message: 'Retry_Limit 3 drops each chunk' })]);
  });

  it.each(['no_limits', 'False', 'off', '50'])('accepts Retry_Limit %s', (value) => {
    expect(
      lintEdited(
        'retry_limit no_limits\n    storage.total_limit_size 258M',
        `retry_limit ${value}\n    storage.total_limit_size 258M`,
      ),
    ).toEqual([]);
  });

  it.each(['unlimited', '0', '-1', 'none'])('reports the invalid Retry_Limit %s', (value) => {
    expect(
      lintEdited(
        'retry_limit no_limits\n    storage.total_limit_size 258M',
        `retry_limit ${value}\n    storage.total_limit_size 258M`,
      ),
    ).toEqual([finding({ severity: 'error', property: 'retry_limit', message: 'falls back to 1 retry' })]);
  });

  it('warns about no_retries', () => {
    expect(
      lintEdited(
        'retry_limit no_limits\n    storage.total_limit_size 258M',
        'retry_limit no_retries\n    storage.total_limit_size 258M',
      ),
    ).toEqual([finding({ severity: 'warning', property: 'retry_limit' })]);
  });
});

describe('10. ${VAR} left after Flux substitution', () => {
  it('warns that Fluent Bit expands it from its environment', () => {
    expect(
      lintEdited(
        'set cluster infra\n    set environment production\n\n[FILTER]\n    name nest',
        'set cluster ${CLUSTER}\n    set environment production\n\n[FILTER]\n    name nest',
      ),
    ).toEqual([
      finding({
        severity: 'warning',
        property: 'set',
        message: '${CLUSTER} is expanded by Fluent Bit from its environment; empty if unset',
      }),
    ]);
  });

  it('does not warn about a variable defined by @SET', () => {
    expect(
      lint(
        goodFiles((main) => `@SET CLUSTER=infra\n${replaceOnce(main, 'set cluster infra', 'set cluster ${CLUSTER}')}`),
      ),
    ).toEqual([]);
  });

  it('warns about Flux default syntax Fluent Bit does not understand', () => {
    expect(
      lintEdited(
        'set environment production\n    set log_type',
        'set environment ${ENVIRONMENT:=production}\n    set log_type',
      ),
    ).toEqual([finding({ severity: 'warning', message: 'not a Fluent Bit variable' })]);
  });

  it('skips path and mount checks for values Fluent Bit expands', () => {
    expect(lintEdited('db /var/fluent-bit/state/flb_kube.db', 'db ${STATE}/flb_kube.db')).toEqual([
      finding({ severity: 'warning', property: 'db' }),
    ]);
  });
});

describe('10. ${VAR} left for Fluent Bit', () => {
  it('warns about a variable nothing sets, not about one the container env sets', () => {
    const files = goodFiles((main) => main.replace('    port 8427\n', '    port 8427\n    http_user ${VMAUTH_USERNAME}\n'));
    expect(lint(files).filter((f) => f.message.includes('VMAUTH_USERNAME'))).not.toEqual([]);
    expect(lintPipeline({ files, mounts: GOOD_MOUNTS, imageParsers: IMAGE_PARSERS, environment: ['VMAUTH_USERNAME'] })).toEqual([]);
  });
});

describe('files nobody loads', () => {
  it('warns about a file with content that nothing loads, not about an empty one', () => {
    const withExtra = { ...goodFiles(), 'orphan.conf': '[FILTER]\n    Name grep\n    Match kube.*\n' };
    expect(lint(withExtra)).toEqual([finding({ severity: 'warning', file: 'orphan.conf', message: 'is never loaded' })]);
    expect(lint({ ...goodFiles(), 'empty.conf': '\n' })).toEqual([]);
  });
});
