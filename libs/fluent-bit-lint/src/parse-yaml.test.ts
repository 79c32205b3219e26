import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseYamlConfig } from './parse-yaml';

// Fixed seed: the same cases every run. Search further locally: FC_SEED=<n> FC_RUNS=5000.
const RUN = { seed: Number(process.env['FC_SEED'] ?? 0xf1b17), numRuns: Number(process.env['FC_RUNS'] ?? 300) } as const;

describe('parseYamlConfig', () => {
  it('reads service, parsers, multiline parsers, pipeline, includes and env into sections with value lines', () => {
    const text = [
      'env:', //                                  1
      '  CLUSTER: infra', //                      2
      'includes:', //                             3
      '  - extra.yaml', //                        4
      'service:', //                              5
      '  flush: 1', //                            6
      '  parsers_file: /a.conf', //               7
      '  parsers_file: "/b.conf"', //             8
      '  http_server: on', //                     9
      'parsers:', //                              10
      '  - name: p', //                           11
      '    format: json', //                      12
      'multiline_parsers:', //                    13
      '  - name: m', //                           14
      '    rules:', //                            15
      '      - {state: start_state, regex: "/^a/", next_state: cont}', // 16
      'pipeline:', //                             17
      '  inputs:', //                             18
      '    - name: tail', //                      19
      "      tag: 'kube.*'", //                   20
      '      processors:', //                     21
      '        logs:', //                         22
      '          - name: content_modifier', //    23
      '  filters:', //                            24
      '    - name: modify', //                    25
      '      set: [ "a 1", b 2 ]', //             26
      '',
    ].join('\n');
    const parsed = parseYamlConfig(text, 'f.yaml');
    expect(parsed.findings).toEqual([]);
    expect(parsed.variables).toEqual({ CLUSTER: 'infra' });
    expect(parsed.directives).toEqual([{ command: 'INCLUDE', argument: 'extra.yaml', line: 4 }]);
    expect(parsed.includes).toEqual(['extra.yaml']);
    const summary = parsed.sections.map((section) => [section.kind, section.line, section.properties.map((p) => `${p.line} ${p.key}=${p.value}`)]);
    expect(summary).toEqual([
      ['SERVICE', 5, ['6 flush=1', '7 parsers_file=/a.conf', '8 parsers_file=/b.conf', '9 http_server=on']],
      ['PARSER', 11, ['11 name=p', '12 format=json']],
      ['MULTILINE_PARSER', 14, ['14 name=m', '16 rule="start_state" "/^a/" "cont"']],
      ['INPUT', 19, ['19 name=tail', '20 tag=kube.*']],
      ['FILTER', 25, ['25 name=modify', '26 set=a 1', '26 set=b 2']],
    ]);
  });

  it('reports what Fluent Bit rejects: a second service, lists in service, maps in plugins, other pipeline keys', () => {
    const text = 'service:\n  flush: [1]\nservice:\n  flush: 1\npipeline:\n  input:\n    - name: dummy\n  outputs:\n    - name: null\n      match: {a: b}\n';
    const findings = parseYamlConfig(text, 'f.yaml').findings.map((f) => [f.line, f.severity, f.message.split(':')[0]]);
    expect(findings).toEqual([
      [2, 'error', 'service property flush is a list ("unsupported value type for service property")'],
      [3, 'error', "duplicated definition of 'service' (also at line 1)"],
      [6, 'error', 'pipeline accepts only inputs, filters and outputs, not "input"'],
      [10, 'error', 'match of [OUTPUT] is a map'],
    ]);
  });

  it('reads an empty file, a comment-only file and a scalar document without throwing', () => {
    expect(parseYamlConfig('', 'f.yaml')).toMatchObject({ sections: [], findings: [] });
    expect(parseYamlConfig('# nothing\n', 'f.yaml')).toMatchObject({ sections: [], findings: [] });
    expect(parseYamlConfig('just text', 'f.yaml').findings).toEqual([expect.objectContaining({ severity: 'error', line: 1 })]);
  });
});

/** YAML-config-ish text: keys of the format, indentation, list markers, quotes, flow collections. */
const yamlish = fc
  .array(
    fc.oneof(
      fc.constantFrom('service:', 'pipeline:', 'inputs:', 'outputs:', 'parsers:', 'multiline_parsers:', 'includes:', 'env:', 'rules:', '- ', '  ', '\n', '\t', ': ', 'name: tail', '"', "'", '[', ']', '{', '}', '&a ', '*a', '!!str ', '---\n', '...\n', '#', '|', '>', '? ', ',', '%YAML 1.2\n', '<<: '),
      fc.string({ maxLength: 8 }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

describe('parseYamlConfig, property-based', () => {
  it('never throws on arbitrary text, and every finding, section and property points at a line of it', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), yamlish), (text) => {
        const lines = text.split('\n').length;
        const parsed = parseYamlConfig(text, 'fluent-bit.yaml');
        const inRange = (line: number | undefined) => line !== undefined && line >= 1 && line <= lines;
        for (const finding of parsed.findings) {
          expect(inRange(finding.line)).toBe(true);
          expect(['error', 'warning']).toContain(finding.severity);
        }
        for (const section of parsed.sections) {
          expect(inRange(section.line)).toBe(true);
          for (const property of section.properties) {
            expect(inRange(property.line)).toBe(true);
            expect(property.value).toBe(property.value.trim());
          }
        }
      }),
      RUN,
    );
  });
});
