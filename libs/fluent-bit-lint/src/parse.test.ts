import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { IMAGE_PARSERS } from './fixtures';
import { parseClassicConfig, parserNames, sectionLabel } from './parse';

describe('parseClassicConfig', () => {
  it('reads sections, key/value lines with line numbers, comments and blank lines', () => {
    const text = [
      '# pipeline',
      '[SERVICE]',
      '    Flush 1',
      '    # a comment inside a section',
      '',
      '[INPUT]',
      '    Name   tail',
      '    Path /var/log/containers/*.log',
      '    multiline.parser docker, cri',
      '',
      '[output]',
      '    Name stdout',
      '    Match *',
    ].join('\n');
    const parsed = parseClassicConfig(text, 'fluent-bit.conf');
    expect(parsed.findings).toEqual([]);
    expect(parsed.sections).toEqual([
      { kind: 'SERVICE', line: 2, file: 'fluent-bit.conf', properties: [{ key: 'Flush', value: '1', line: 3 }] },
      {
        kind: 'INPUT',
        line: 6,
        file: 'fluent-bit.conf',
        properties: [
          { key: 'Name', value: 'tail', line: 7 },
          { key: 'Path', value: '/var/log/containers/*.log', line: 8 },
          { key: 'multiline.parser', value: 'docker, cri', line: 9 },
        ],
      },
      {
        kind: 'OUTPUT',
        line: 11,
        file: 'fluent-bit.conf',
        properties: [
          { key: 'Name', value: 'stdout', line: 12 },
          { key: 'Match', value: '*', line: 13 },
        ],
      },
    ]);
  });

  it('handles CRLF line ends and tab indentation', () => {
    const parsed = parseClassicConfig('[INPUT]\r\n\tName dummy\r\n\tTag a\r\n', 'x.conf');
    expect(parsed.findings).toEqual([]);
    expect(parsed.sections[0]!.properties.map((property) => property.value)).toEqual(['dummy', 'a']);
  });

  it('records @INCLUDE and @SET directives', () => {
    const parsed = parseClassicConfig(
      '@SET cluster=infra\n@INCLUDE audit.conf\n[SERVICE]\n    Flush 1\n',
      'fluent-bit.conf',
    );
    expect(parsed.includes).toEqual(['audit.conf']);
    expect(parsed.variables).toEqual({ cluster: 'infra' });
    expect(parsed.directives).toEqual([
      { command: 'SET', argument: 'cluster=infra', line: 1 },
      { command: 'INCLUDE', argument: 'audit.conf', line: 2 },
    ]);
    expect(parsed.findings).toEqual([]);
  });

  it('accepts plural section names like Fluent Bit, and warns about abbreviated ones', () => {
    const parsed = parseClassicConfig('[INPUTS]\n    Name dummy\n[OUT]\n    Name stdout\n', 'x.conf');
    expect(parsed.sections.map((section) => section.kind)).toEqual(['INPUT', 'OUTPUT']);
    expect(parsed.findings).toEqual([expect.objectContaining({ severity: 'warning', line: 3, fix: 'write [OUTPUT]' })]);
  });

  it.each([
    ['a header without "]"', '[INPUT\n    Name dummy\n', 1, 'bad section header'],
    ['a key without a value', '[INPUT]\n    Name\n', 2, 'has no value'],
    [
      'an empty value (an empty Flux variable)',
      '[FILTER]\n    Name modify\n    Match \n',
      3,
      'Match has an empty value',
    ],
    ['a property before any section', '    Name dummy\n', 1, 'outside any section'],
    ['an unindented property', '[INPUT]\nName dummy\n', 2, 'not indented'],
    ['a line indented less than the file', '[INPUT]\n    Name dummy\n  Tag a\n', 3, 'indentation level is too low'],
    ['mixed tabs and spaces', '[INPUT]\n    Name dummy\n  \tTag a\n', 3, 'tabs and spaces'],
    ['an odd extra indentation', '[INPUT]\n    Name dummy\n      Tag a\n', 3, 'extra indentation'],
    ['@SET without "="', '@SET cluster\n', 1, 'has no "="'],
    ['a blank line of two spaces in a 4-space file', '[INPUT]\n    Name dummy\n  \n    Tag a\n', 3, 'only blanks'],
  ])('reports %s as an error', (_, text, line, message) => {
    const { findings } = parseClassicConfig(text, 'x.conf');
    expect(findings).toEqual([
      expect.objectContaining({ severity: 'error', file: 'x.conf', line, message: expect.stringContaining(message) }),
    ]);
  });

  it('warns about an end-of-line comment, which becomes part of the value', () => {
    const { findings, sections } = parseClassicConfig('[SERVICE]\n    Flush 5 # seconds\n', 'x.conf');
    expect(sections[0]!.properties[0]!.value).toBe('5 # seconds');
    expect(findings).toEqual([expect.objectContaining({ severity: 'warning', property: 'Flush', line: 2 })]);
  });

  it('warns about an unknown @ directive', () => {
    const { findings } = parseClassicConfig('@INCLUDES x.conf\n', 'x.conf');
    expect(findings).toEqual([
      expect.objectContaining({ severity: 'warning', message: expect.stringContaining('@INCLUDES') }),
    ]);
  });

  it('labels sections for findings', () => {
    const { sections } = parseClassicConfig(
      '[INPUT]\n    Name tail\n    Tag kube.*\n[OUTPUT]\n    Name http\n    Match kube.*\n[SERVICE]\n    Flush 1\n',
      'x.conf',
    );
    expect(sections.map(sectionLabel)).toEqual([
      '[INPUT] tail (tag kube.*)',
      '[OUTPUT] http (match kube.*)',
      '[SERVICE]',
    ]);
  });
});

describe('parserNames', () => {
  it('lists [PARSER] names and skips other sections', () => {
    const text =
      '[PARSER]\n    Name a\n    Format json\n[MULTILINE_PARSER]\n    name m\n[PARSER]\n    name B\n    format json\n';
    expect(parserNames(text)).toEqual(['a', 'B']);
  });

  it('reads the parser names of the Fluent Bit 5.1.1 image (shared/fluent-bit/parsers-v5.1.1.conf)', () => {
    const file = fileURLToPath(new URL('../../../../shared/fluent-bit/parsers-v5.1.1.conf', import.meta.url));
    expect([...parserNames(readFileSync(file, 'utf8'))].sort()).toEqual(IMAGE_PARSERS);
  });
});

describe('chartConfigLocation', () => {
  it('maps a line of the joined fluent-bit.conf back to its values key and the line within it', async () => {
    const { chartConfigFiles, chartConfigLocation } = await import('./chart');
    const config = { service: '[SERVICE]\n    flush 1\n', inputs: '[INPUT]\n    name tail\n', outputs: '[OUTPUT]\n    name null\n' };
    const lines = chartConfigFiles(config)['fluent-bit.conf']!.split('\n');
    const at = (text: string) => chartConfigLocation(config, lines.indexOf(text) + 1);
    expect(at('    flush 1')).toEqual({ key: 'service', line: 2 });
    expect(at('    name tail')).toEqual({ key: 'inputs', line: 2 });
    expect(at('[OUTPUT]')).toEqual({ key: 'outputs', line: 1 });
    expect(chartConfigLocation(config, lines.length + 5)).toBeUndefined();
  });
});
