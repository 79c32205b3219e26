/**
 * The fast block-YAML reader against the full one: on any text, parseDocuments gives the same
 * objects and errors whichever reads it; manifests as render and kubectl write them take the fast
 * path; findings on a large corpus still carry their exact line.
 */
import fc from 'fast-check';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { toYaml } from '@gitops/manifest';
import { renderedFiles } from '../render/rendered-files';
import { FIXTURE, fixtureCluster } from '../testing/fixture-cluster.test-support';
import { workspaceRoot } from '../workspace';
import { readBlockYaml } from './block-yaml';
import { locateFindings } from './locate';
import { schemaFindings } from './schema-check';
import { parseDocuments, READ_LIMITS } from './yaml-documents';
import { yamlDocuments } from './yaml-arbitraries.test-support';

const RUN = { seed: Number(process.env['FC_SEED'] ?? 0xb10c), numRuns: Number(process.env['FC_RUNS'] ?? 300) } as const;
const full = (text: string) => parseDocuments(text, READ_LIMITS, 'full');
const agree = (text: string) => expect(parseDocuments(text), text).toEqual(full(text));
const fast = (text: string) => readBlockYaml(text, READ_LIMITS);

describe('block YAML reader', () => {
  it('reads every file render writes for the fixture cluster, and the story`s manifests, as the full reader does', () => {
    const texts = [...renderedFiles(FIXTURE, fixtureCluster()).files.values()];
    const story = join(workspaceRoot, 'tools/validate/fixtures/story');
    for (const file of readdirSync(story, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml'))) texts.push(readFileSync(join(story, file), 'utf8'));
    for (const text of texts) {
      expect(fast(text), text.slice(0, 200)).toBeDefined();
      agree(text);
    }
  });

  it.each([
    ['literal blocks: clip, strip, keep, indentation indicator, blank lines inside', 'a: |\n  one\n\n  two\nb: |-\n  x\nc: |+\n  y\n\n\nd: |2\n    indented\ne: |\n  last\n\n'],
    ['a literal block in a sequence, and text that looks like YAML inside it', 'items:\n  - |\n    [OUTPUT]\n        Match *\n    key: value # not a comment\n  - x\n'],
    ['sequences at the mapping`s indentation (kubectl) and indented (render)', 'a:\n- 1\n- b: 2\n  c: 3\nd:\n  - e\n  - - f\n'],
    ['comments everywhere, quoted keys, quotes with # and :', '# head\na: 1 # trailing\n"b.c/d": \'it\'\'s # here\'\n\'e\': "f: g # h"\n  # indented comment\ni: j#k\n'],
    ['look-alike scalars', 'a: on\nb: "on"\nc: 0777\nd: 1_000\ne: 1:30\nf: 2001-12-14\ng: ~\nh:\ni: .5\nj: -.inf\nk: 0x1F\nl: y\nm: "12"\n'],
    ['empty collections, nulls and nesting', 'a: {}\nb: []\nc:\n  d:\n    e: null\n  f: []\n- x\n'],
    ['documents: a marker first, empty documents, a scalar document', '---\na: 1\n---\n---\n# only a comment\n---\nb: 2\n---\njust text\n'],
    ['escapes JSON has, and YAML`s own', 'a: "tab\\there \\u00e9 \\"q\\""\nb: "\\x41 \\e"\n'],
    ['flow collections, anchors, aliases, tags, merge keys, folded and multi-line scalars', 'a: [1, 2]\nb: &x {c: 1}\nd: *x\ne: !!str 1\n<<: {f: 2}\ng: >\n  folded\nh: multi\n  line\n'],
    ['syntax errors and duplicate keys', 'a: 1\na: 2\nb: c: d\ne:\n  - x\n  y: 1\n"f: g\n'],
    ['tabs and CR line ends', 'a: 1\r\nb:\t2\n'],
  ])('agrees with the full reader: %s', (_, text) => agree(text));

  it('takes the fast path for block-style manifests and leaves the rest to the full reader', () => {
    expect(fast('a:\n  - b: 1\n    c: |\n      x\n')).toEqual([{ a: [{ b: 1, c: 'x\n' }] }]);
    for (const text of ['a: [1]\n', 'a: &x 1\n', 'a: !!str 1\n', 'a: >\n  b\n', 'a: b\n  c\n', 'a: 1\na: 2\n', '<<: {}\n', 'a: 1', '%YAML 1.1\n---\na: 1\n']) {
      expect(fast(text), text).toBeUndefined();
    }
  });

  it('agrees with the full reader on documents the yaml library writes, as render and kubectl lay them out', () => {
    const key = fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }), fc.constantFrom('on', 'y', '1', 'a b', 'a:b', '#', '- x', 'k8s.io/name')).filter((k) => k !== '__proto__');
    const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 12 }), fc.constantFrom('on', 'no', '0777', '1e3', '2001-12-14', ' lead', 'trail ', 'a: b', 'a #b', "it's", '"q"', 'x\ny\n', 'x\n\n', '\n', '|', '- a'));
    const scalar = fc.oneof(text, fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null));
    fc.assert(
      fc.property(yamlDocuments(key, scalar), fc.boolean(), (documents, kubectlStyle) => {
        const written = kubectlStyle
          ? documents.map((d) => stringify(d, { version: '1.1', lineWidth: 0, indentSeq: false })).join('---\n')
          : toYaml(documents, 'generated');
        agree(written);
      }),
      RUN,
    );
  });

  it('agrees with the full reader on arbitrary YAML-ish text', () => {
    const fragment = fc.oneof(fc.constantFrom('a: ', 'b:', '- ', '  ', '    ', '\n', '---\n', '|\n', '|-\n', '|+\n', '|2\n', '"', "'", ' #', '#', '{}', '[]', ': ', 'on', '0777', '\\'), fc.string({ maxLength: 5 }));
    fc.assert(fc.property(fc.array(fragment, { maxLength: 30 }), (parts) => {
      agree(`${parts.join('')}\n`);
    }), { ...RUN, numRuns: RUN.numRuns * 3 });
  });

  it('locates a finding on a 5,000-object file at its exact line, as before', () => {
    const template = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'default' }, data: { a: '1' } };
    const objects = Array.from({ length: 5000 }, (_, i) => ({ ...template, metadata: { ...template.metadata, name: `config-${i}` } }));
    // One bad object deep in the file: ConfigMap data must be strings.
    objects[4321] = { ...objects[4321]!, data: { a: '1', bad: 12 } as unknown as { a: string } };
    const text = toYaml(objects, 'corpus');
    const dir = mkdtempSync(join(tmpdir(), 'block-yaml-'));
    try {
      writeFileSync(join(dir, 'corpus.yaml'), text);
      const read = parseDocuments(text);
      expect(read.objects).toHaveLength(5000);
      const findings = locateFindings(schemaFindings(read.objects.map((object) => ({ object, file: 'corpus.yaml' }))).findings, dir);
      expect(findings).toHaveLength(1);
      const line = text.split('\n').findIndex((l) => l.includes('bad: 12')) + 1;
      expect(findings[0]).toMatchObject({ file: 'corpus.yaml', object: { kind: 'ConfigMap', name: 'config-4321' }, line });
      expect(findings[0]!.column).toBe(text.split('\n')[line - 1]!.indexOf('bad') + 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
