import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseClassicConfig } from './parse';

// Fixed seed: the same cases every run. Search further locally: FC_SEED=<n> FC_RUNS=5000.
const RUN = { seed: Number(process.env['FC_SEED'] ?? 0xf1b17), numRuns: Number(process.env['FC_RUNS'] ?? 300) } as const;

/** Classic-config-ish text: headers, directives, indentation, comments, separators. */
const configish = fc
  .array(
    fc.oneof(
      fc.constantFrom('[INPUT]', '[OUTPUT', '[', ']', '@INCLUDE ', '@SET ', '@', '=', '\n', '\r\n', '    ', '\t', '  ', '#', ' # ', 'Name ', 'Match *', ' '),
      fc.string({ maxLength: 8 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

describe('parseClassicConfig, property-based', () => {
  it('never throws on arbitrary text, and every finding and section points at a line of it', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), configish), (text) => {
        const lines = text.split('\n').length;
        const parsed = parseClassicConfig(text, 'fluent-bit.conf');
        for (const finding of parsed.findings) {
          expect(finding.line! >= 1 && finding.line! <= lines).toBe(true);
          expect(['error', 'warning']).toContain(finding.severity);
        }
        for (const section of parsed.sections) {
          expect(section.line >= 1 && section.line <= lines).toBe(true);
          for (const property of section.properties) {
            expect(property.key).not.toMatch(/\s/);
            expect(property.value).toBe(property.value.trim());
          }
        }
      }),
      RUN,
    );
  });

  it('reads a generated valid config back as the sections, keys and values it was written from', () => {
    const kind = fc.constantFrom('SERVICE', 'INPUT', 'FILTER', 'OUTPUT', 'PARSER', 'MULTILINE_PARSER', 'UPSTREAM', 'NODE', 'CUSTOM');
    const key = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.-]{0,15}$/);
    // A value: printable, no leading/trailing blank, no " #" (an inline comment is a warning by design).
    const value = fc
      .string({ unit: fc.constantFrom(...'abcXYZ019 _-./*${}:=,@[]"\'\t'.split('')), minLength: 1, maxLength: 20 })
      .map((v) => v.trim())
      .filter((v) => v !== '' && !/\s#/.test(v));
    const section = fc.record({ kind, properties: fc.array(fc.record({ key, value }), { maxLength: 6 }) });
    const layout = fc.record({ indent: fc.constantFrom('    ', '  ', '\t', ' '), comments: fc.boolean(), blankLines: fc.boolean(), lowerCase: fc.boolean() });
    fc.assert(
      fc.property(fc.array(section, { maxLength: 6 }), layout, (sections, { indent, comments, blankLines, lowerCase }) => {
        const lines: string[] = [];
        const expected = sections.map(({ kind: sectionKind, properties }) => {
          if (comments) lines.push('# a comment');
          lines.push(`[${lowerCase ? sectionKind.toLowerCase() : sectionKind}]`);
          const line = lines.length;
          const read = properties.map((property) => {
            if (comments) lines.push(`${indent}# about ${property.key}`);
            lines.push(`${indent}${property.key} ${property.value}`);
            return { ...property, line: lines.length };
          });
          if (blankLines) lines.push('');
          return { kind: sectionKind, line, file: 'fluent-bit.conf', properties: read };
        });
        const parsed = parseClassicConfig(lines.join('\n'), 'fluent-bit.conf');
        expect(parsed.findings).toEqual([]);
        expect(parsed.sections).toEqual(expected);
      }),
      RUN,
    );
  });
});
