import { describe, expect, it } from 'vitest';
import type { Pipeline } from './model';
import { toClassicConfig } from './classic';

const pipeline: Pipeline = {
  service: { flush: 1, http_server: true, parsers_file: ['/a.conf', '/b.conf'] },
  parsers: [{ name: 'mine', format: 'json', time_keep: false }],
  inputs: [{ name: 'tail', tag: 'kube.*', path: '/var/log/containers/*.log', 'multiline.parser': 'docker, cri' }],
  filters: [{ name: 'modify', match: 'kube.*', set: { cluster: 'infra', environment: 'prod' } }],
  outputs: [
    {
      name: 'http',
      match: 'kube.*',
      host: 'h',
      port: 8427,
      uri: '/insert/jsonline',
      format: 'json_lines',
      header: { AccountID: '0', ProjectID: '0' },
    },
  ],
};

describe('classic Fluent Bit config', () => {
  it('writes one section per element, booleans as On/Off, maps and lists as repeated keys', () => {
    const config = toClassicConfig(pipeline);
    expect(config.service).toBe(
      '[SERVICE]\n    flush 1\n    http_server On\n    parsers_file /a.conf\n    parsers_file /b.conf\n',
    );
    expect(config.parsers).toBe('[PARSER]\n    name mine\n    format json\n    time_keep Off\n');
    expect(config.inputs).toContain('    multiline.parser docker, cri\n');
    expect(config.filters).toBe(
      '[FILTER]\n    name modify\n    match kube.*\n    set cluster infra\n    set environment prod\n',
    );
    expect(config.outputs).toContain('    header AccountID 0\n    header ProjectID 0\n');
  });

  it('separates sections with a blank line and leaves empty lists empty', () => {
    const config = toClassicConfig({ ...pipeline, parsers: [], filters: [...pipeline.filters, ...pipeline.filters] });
    expect(config.filters.split('\n\n')).toHaveLength(2);
    expect(config.parsers).toBe('');
  });

  // The story's `Add environment ${ENVIRONMENT}` with the variable unset became `Add environment`,
  // which the modify filter rejects ("Invalid operation"), so Fluent Bit does not start.
  it('refuses a key/value property with an empty value', () => {
    const broken: Pipeline = {
      ...pipeline,
      filters: [{ name: 'modify', match: 'kube.*', set: { cluster: 'infra', environment: '' } }],
    };
    expect(() => toClassicConfig(broken)).toThrow(/\[FILTER\] modify set environment has an empty value/);
  });

  it('refuses empty and multi-line property values', () => {
    expect(() => toClassicConfig({ ...pipeline, service: { ...pipeline.service, log_level: '' as 'info' } })).toThrow(
      /log_level must be one non-empty line/,
    );
    const injected = { ...pipeline.inputs[0]!, path: '/x\n[OUTPUT]' };
    expect(() => toClassicConfig({ ...pipeline, inputs: [injected] })).toThrow(/\[INPUT\] tail path/);
  });
});
