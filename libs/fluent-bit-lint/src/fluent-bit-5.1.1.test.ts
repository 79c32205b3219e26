import { describe, expect, it } from 'vitest';
import * as data from './fluent-bit-5.1.1';

const tables = {
  input: data.INPUT_PLUGINS,
  filter: data.FILTER_PLUGINS,
  output: data.OUTPUT_PLUGINS,
  custom: data.CUSTOM_PLUGINS,
};

describe('Fluent Bit 5.1.1 tables', () => {
  it('cover the plugins the pipeline uses', () => {
    expect(Object.keys(data.INPUT_PLUGINS)).toEqual(expect.arrayContaining(['tail', 'systemd', 'forward', 'dummy']));
    expect(Object.keys(data.FILTER_PLUGINS)).toEqual(
      expect.arrayContaining([
        'kubernetes',
        'modify',
        'nest',
        'grep',
        'parser',
        'record_modifier',
        'lua',
        'rewrite_tag',
      ]),
    );
    expect(Object.keys(data.OUTPUT_PLUGINS)).toEqual(
      expect.arrayContaining(['http', 'es', 'loki', 'forward', 'stdout', 'null']),
    );
  });

  it('hold the keys of the main plugins', () => {
    expect(data.INPUT_PLUGINS.tail!.keys).toEqual(
      expect.arrayContaining([
        'path',
        'db',
        'db.sync',
        'multiline.parser',
        'parser',
        'skip_long_lines',
        'buffer_max_size',
        'refresh_interval',
      ]),
    );
    expect(data.FILTER_PLUGINS.kubernetes!.keys).toEqual(
      expect.arrayContaining(['merge_log', 'keep_log', 'kube_tag_prefix', 'k8s-logging.parser', 'buffer_size']),
    );
    expect(data.FILTER_PLUGINS.nest!.keys).toEqual([
      'operation',
      'wildcard',
      'nest_under',
      'nested_under',
      'add_prefix',
      'remove_prefix',
    ]);
    expect(data.OUTPUT_PLUGINS.http!.keys).toEqual(
      expect.arrayContaining(['uri', 'format', 'header', 'json_date_key', 'json_date_format', 'compress']),
    );
    expect(data.INPUT_GENERIC_KEYS).toEqual(
      expect.arrayContaining([
        'tag',
        'alias',
        'log_level',
        'mem_buf_limit',
        'storage.type',
        'storage.pause_on_chunks_overlimit',
        'threaded',
      ]),
    );
    expect(data.OUTPUT_GENERIC_KEYS).toEqual(
      expect.arrayContaining([
        'match',
        'match_regex',
        'retry_limit',
        'storage.total_limit_size',
        'workers',
        'tls',
        'tls.verify',
      ]),
    );
    expect(data.SERVICE_KEYS).toEqual(
      expect.arrayContaining(['flush', 'parsers_file', 'storage.path', 'http_server', 'health_check']),
    );
  });

  it('store lower-case keys without duplicates', () => {
    const lists: Array<readonly string[]> = [
      data.SERVICE_KEYS,
      data.INPUT_GENERIC_KEYS,
      data.FILTER_GENERIC_KEYS,
      data.OUTPUT_GENERIC_KEYS,
      data.PARSER_KEYS,
      data.MULTILINE_PARSER_KEYS,
      ...Object.values(tables).flatMap((table) => Object.values(table).map((spec) => spec.keys ?? [])),
    ];
    for (const list of lists) {
      expect(list.every((key) => key === key.toLowerCase())).toBe(true);
      expect(new Set(list).size).toBe(list.length);
    }
  });
});
