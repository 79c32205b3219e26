import { describe, expect, it } from 'vitest';
import { GOOD_CONFIG, GOOD_MOUNTS, GOOD_YAML, IMAGE_PARSERS, classicToYaml, goodFiles, replaceOnce } from './fixtures';
import { lintPipeline } from './lint';
import type { PipelineFinding } from './types';

const ENTRY = 'fluent-bit.yaml';
const lintYaml = (files: Record<string, string>) =>
  lintPipeline({ files, entryPoint: ENTRY, mounts: GOOD_MOUNTS, imageParsers: IMAGE_PARSERS });
const lintClassic = (files: Record<string, string>) => lintPipeline({ files, mounts: GOOD_MOUNTS, imageParsers: IMAGE_PARSERS });

/** Findings without line numbers, fluent-bit.conf named as the YAML entry point. */
const comparable = (findings: PipelineFinding[]) =>
  findings.map(({ line: _line, ...rest }) => ({ ...rest, file: rest.file === 'fluent-bit.conf' ? ENTRY : rest.file }));

/** The classic fixture after one edit, and the same main configuration in YAML (custom_parsers.conf kept). */
function both(search: string, replacement: string) {
  const classic = goodFiles((main) => replaceOnce(main, search, replacement));
  const yaml = { [ENTRY]: classicToYaml(classic['fluent-bit.conf']!), 'custom_parsers.conf': classic['custom_parsers.conf']! };
  return { classic: lintClassic(classic), yaml: lintYaml(yaml) };
}

const finding = (expected: Partial<Omit<PipelineFinding, 'message'>> & { message?: string }) =>
  expect.objectContaining({
    ...expected,
    ...(expected.message !== undefined ? { message: expect.stringContaining(expected.message) } : {}),
  });

describe('a YAML configuration (entryPoint fluent-bit.yaml)', () => {
  it('yields no finding for our pipeline as toYamlConfig writes it (parsers inline)', () => {
    expect(lintYaml({ [ENTRY]: GOOD_YAML })).toEqual([]);
  });

  it('yields no finding for the good classic fixture converted to YAML, and the chart`s blank fluent-bit.conf beside it', () => {
    const yaml = classicToYaml(goodFiles()['fluent-bit.conf']!);
    expect(lintYaml({ [ENTRY]: yaml, 'custom_parsers.conf': GOOD_CONFIG.customParsers, 'fluent-bit.conf': '\n    \n' })).toEqual([]);
  });

  it.each([
    ['format json (not json_lines)', '    format json_lines\n    json_date_key _time\n    json_date_format iso8601\n    compress gzip\n    header AccountID 1', '    format json\n    json_date_key _time\n    json_date_format iso8601\n    compress gzip\n    header AccountID 1'],
    ['no format', '    format json_lines\n    json_date_key _time\n    json_date_format iso8601\n    compress gzip\n    header AccountID 1', '    json_date_key _time\n    json_date_format iso8601\n    compress gzip\n    header AccountID 1'],
    ['no _msg_field', '?_msg_field=requestURI&_stream_fields=cluster,log_type', '?_stream_fields=cluster,log_type'],
    ['X-Scope-OrgID only', '    header AccountID 1\n    header ProjectID 0\n', '    header X-Scope-OrgID audit\n'],
    ['half a tenant', '    header AccountID 1\n    header ProjectID 0\n', '    header ProjectID 0\n'],
    ['a non-numeric AccountID', 'header AccountID 1', 'header AccountID audit'],
    ['storage.total_limit_size without filesystem buffering', '    db.sync normal\n    storage.type filesystem\n    buffer_max_size 1M', '    db.sync normal\n    buffer_max_size 1M'],
    ['no storage.path', '    storage.path /var/fluent-bit/state/flb-storage/\n', ''],
    ['an invalid storage.type', 'storage.type filesystem\n    buffer_max_size 256k', 'storage.type disk\n    buffer_max_size 256k'],
    ['Retry_Limit 3', 'retry_limit no_limits\n    storage.total_limit_size 258M', 'retry_limit 3\n    storage.total_limit_size 258M'],
    ['Retry_Limit unlimited', 'retry_limit no_limits\n    storage.total_limit_size 258M', 'retry_limit unlimited\n    storage.total_limit_size 258M'],
    ['an unknown tail key', 'skip_long_lines On', 'Skip_Long_Line On'],
    ['an unknown http key', 'json_date_key _time', 'json_date_keys _time'],
    ['an unknown service key', 'health_check On', 'health_checks On'],
    ['an unknown plugin', 'name kubernetes', 'name kubernetess'],
    ['an OUTPUT Match no input produces', '    match audit.*\n    host', '    match audits.*\n    host'],
    ['a FILTER Match no input produces', '    name nest\n    match kube.*', '    name nest\n    match kubernetes.*'],
    ['a FILTER without Match', '    name nest\n    match kube.*\n', '    name nest\n'],
    ['an undefined parser', 'parser k8s-audit-event', 'parser k8s-audit-events'],
    ['a modify Set without value', 'set environment production\n    set log_type', 'set environment\n    set log_type'],
    ['a ${VAR} for Fluent Bit', 'set cluster infra', 'set cluster ${CLUSTER}'],
    ['an inline password', '    header AccountID 1\n', '    header AccountID 1\n    http_user fluent-bit\n    http_passwd hunter2\n'],
  ])('gives the classic findings for %s', (_, search, replacement) => {
    const { classic, yaml } = both(search, replacement);
    expect(classic).not.toEqual([]);
    expect(comparable(yaml)).toEqual(comparable(classic));
  });

  it('points findings at the line of the YAML value', () => {
    const yaml = replaceOnce(GOOD_YAML, '      retry_limit: no_limits\n      log_level: warn\n      storage.total_limit_size: 270M', '      retry_limit: 3\n      log_level: warn\n      storage.total_limit_size: 270M');
    const line = yaml.split('\n').indexOf('      retry_limit: 3') + 1;
    expect(lintYaml({ [ENTRY]: yaml })).toEqual([
      finding({ severity: 'warning', file: ENTRY, line, section: '[OUTPUT] http (match audit.*)', property: 'retry_limit' }),
    ]);
    const set = replaceOnce(GOOD_YAML, '        - log_type audit\n', '        - log_type\n');
    expect(lintYaml({ [ENTRY]: set })).toEqual([
      finding({ severity: 'error', line: set.split('\n').indexOf('        - log_type') + 1, property: 'set', message: 'Invalid operation' }),
    ]);
  });

  it('reports an inline parser the image already defines, and one defined twice', () => {
    const docker = replaceOnce(GOOD_YAML, 'parsers:\n', 'parsers:\n  - name: docker\n    format: json\n');
    expect(lintYaml({ [ENTRY]: docker })).toEqual([
      finding({ severity: 'error', line: 18, section: '[PARSER] docker', property: 'name', message: 'already defined by the image' }),
    ]);
    const twice = replaceOnce(GOOD_YAML, 'parsers:\n', 'parsers:\n  - name: k8s-audit-event\n    format: json\n');
    expect(lintYaml({ [ENTRY]: twice })).toEqual([finding({ severity: 'error', line: 20, message: 'defined twice (also at fluent-bit.yaml:18)' })]);
  });

  it('accepts a multiline parser defined inline, with its rules', () => {
    const yaml = replaceOnce(
      replaceOnce(GOOD_YAML, 'multiline.parser: docker, cri', 'multiline.parser: cri, stack'),
      'pipeline:\n',
      'multiline_parsers:\n  - name: stack\n    type: regex\n    flush_timeout: 1000\n    rules:\n      - state: start_state\n        regex: "/^\\\\S/"\n        next_state: cont\n      - state: cont\n        regex: "/^\\\\s+at/"\n        next_state: cont\npipeline:\n',
    );
    expect(lintYaml({ [ENTRY]: yaml })).toEqual([]);
    expect(lintYaml({ [ENTRY]: yaml.replace('cri, stack', 'cri, stak') })).toEqual([
      finding({ severity: 'error', property: 'multiline.parser', fix: 'did you mean "stack"?' }),
    ]);
  });

  it('follows includes (relative to the config dir) and reports a missing one, a second service, and one included twice', () => {
    const [head, outputs] = GOOD_YAML.split('  outputs:\n');
    const main = `includes:\n  - outputs.yaml\n${head}`;
    const files = { [ENTRY]: main, 'outputs.yaml': `pipeline:\n  outputs:\n${outputs}` };
    expect(lintYaml(files)).toEqual([]);
    expect(lintYaml({ [ENTRY]: main })).toEqual(
      expect.arrayContaining([finding({ severity: 'error', line: 2, message: 'includes: outputs.yaml: /fluent-bit/etc/conf/outputs.yaml does not exist' })]),
    );
    expect(lintYaml({ ...files, 'outputs.yaml': `service:\n  flush: 1\n${files['outputs.yaml']}` })).toEqual([
      // The include comes first, so its service is the first one Fluent Bit reads.
      finding({ severity: 'error', file: ENTRY, line: 3, message: "duplicated definition of 'service' (also at outputs.yaml:1)" }),
    ]);
    expect(lintYaml({ ...files, [ENTRY]: main.replace('  - outputs.yaml\n', '  - outputs.yaml\n  - outputs.yaml\n') })).toEqual([
      finding({ severity: 'error', line: 3, message: 'included twice' }),
    ]);
  });

  it('reports YAML errors, unknown top-level keys and a list in service', () => {
    expect(lintYaml({ [ENTRY]: `${GOOD_YAML}  bad: [\n` })).toEqual([finding({ severity: 'error', file: ENTRY, message: 'YAML syntax error' })]);
    expect(lintYaml({ [ENTRY]: GOOD_YAML.replace('pipeline:', 'pipelines:') })).toEqual(
      expect.arrayContaining([finding({ severity: 'error', line: 23, message: 'unknown top-level key "pipelines"', fix: 'did you mean "pipeline"?' })]),
    );
    const list = replaceOnce(GOOD_YAML, '  parsers_file: /fluent-bit/etc/parsers.conf\n', '  parsers_file:\n    - /fluent-bit/etc/parsers.conf\n');
    expect(lintYaml({ [ENTRY]: list })).toEqual(
      expect.arrayContaining([finding({ severity: 'error', line: 6, message: 'unsupported value type for service property' })]),
    );
  });

  it('reports a missing YAML entry point with the chart value that provides it', () => {
    expect(lintYaml({ 'fluent-bit.conf': goodFiles()['fluent-bit.conf']! })).toEqual(
      expect.arrayContaining([finding({ severity: 'error', file: ENTRY, message: 'missing', fix: 'provide fluent-bit.yaml (chart values config.extraFiles)' })]),
    );
  });
});
