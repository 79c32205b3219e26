import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseDocuments } from './yaml-documents';
import { yamlDocuments } from './yaml-arbitraries.test-support';

// Fixed seed: the same cases every run. Search further locally: FC_SEED=<n> FC_RUNS=5000 (and --testTimeout).
const RUN = { seed: Number(process.env['FC_SEED'] ?? 0x5eed7), numRuns: Number(process.env['FC_RUNS'] ?? 300) } as const;

const lineCount = (text: string) => text.split('\n').length;
const wellFormed = (result: ReturnType<typeof parseDocuments>, lines: number) => {
  for (const error of result.errors) {
    expect(Number.isInteger(error.line) && error.line >= 1 && error.line <= lines + 1).toBe(true);
    expect(error.message).not.toBe('');
    // parseDocuments catches everything as a last resort: reaching that net is the crash we test for.
    expect(error.message).not.toMatch(/^cannot read the YAML:/);
  }
  for (const object of result.objects) expect(typeof object === 'object' && object !== null && !Array.isArray(object)).toBe(true);
};

/** YAML-ish text: fragments that exercise anchors, aliases, flow and block collections, tags and quoting. */
const yamlish = fc
  .array(
    fc.oneof(
      fc.constantFrom('a: ', '- ', '  ', '\n', '---\n', '...\n', '&x ', '*x', '*y', '&y ', '<<: ', '[', ']', '{', '}', ', ', '? ', ': ', '|\n', '>-\n', '!!str ', '!!binary ', '"', "'", '#', '\t', '\\', '%YAML 1.1\n', '\ufeff', '\u0000', '\u0085'),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

describe('parseDocuments, property-based', () => {
  it('never throws on arbitrary text, and locates every error on a line of the input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), yamlish), (text) => {
        wellFormed(parseDocuments(text), lineCount(text));
      }),
      RUN,
    );
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        wellFormed(parseDocuments(bytes), bytes.filter((b) => b === 0x0a).length + 1);
      }),
      RUN,
    );
  });

  it('reads back what the yaml library writes (YAML 1.1, as Kubernetes tooling reads it)', () => {
    const key = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }).filter((k) => k !== '__proto__');
    const scalar = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 12 }), fc.integer(), fc.boolean(), fc.constant(null));
    fc.assert(
      fc.property(yamlDocuments(key, scalar), (documents) => {
        const text = documents.map((d) => stringify(d, { version: '1.1' })).join('---\n');
        const result = parseDocuments(text);
        expect(result.errors).toEqual([]);
        expect(result.objects).toEqual(documents);
      }),
      { ...RUN, numRuns: Math.ceil(RUN.numRuns / 3) },
    );
  });
});
