import { describe, expect, it } from 'vitest';
import { parseDocuments, READ_LIMITS, tooLarge } from './yaml-documents';

const aliases = (uses: number) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels: &labels {app: a}\n  annotations:\n${Array.from({ length: uses }, (_, i) => `    k${i}: &v${i} x\n`).join('')}data:\n${Array.from({ length: uses }, (_, i) => `  d${i}: *v${i}\n`).join('')}extra: [${Array(uses).fill('*labels').join(', ')}]\n`;

describe('parseDocuments: any alias count, bounded expansion', () => {
  it('reads a document with 150 alias uses of one anchor (kubectl accepts it)', () => {
    const { objects, errors } = parseDocuments(`x: &a 1\nlist: [${Array(150).fill('*a').join(', ')}]\n`);
    expect(errors).toEqual([]);
    expect(objects[0]!['list']).toHaveLength(150);
  });

  it('reads 500 anchors each used once, and 500 uses of a mapping, each use its own copy', () => {
    const { objects, errors } = parseDocuments(aliases(500));
    expect(errors).toEqual([]);
    const [object] = objects as Array<{ data: Record<string, string>; extra: Array<Record<string, string>> }>;
    expect(object!.data['d499']).toBe('x');
    expect(object!.extra).toHaveLength(500);
    expect(object!.extra[0]).not.toBe(object!.extra[1]);
    expect(object!.extra[0]).toEqual({ app: 'a' });
  });

  it('keeps merge keys (<<) working through aliases', () => {
    expect(parseDocuments('base: &b {a: 1, b: 2}\nz:\n  <<: *b\n  b: 3\n').objects).toEqual([{ base: { a: 1, b: 2 }, z: { a: 1, b: 3 } }]);
  });

  it('reports an alias bomb at the line where the expansion passes the bound', () => {
    let bomb = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 10; i++) bomb += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
    const { objects, errors } = parseDocuments(bomb);
    expect(objects).toEqual([]);
    expect(errors).toEqual([expect.objectContaining({ line: 6, message: `aliases expand to more than ${READ_LIMITS.maxNodes} nodes` })]);
  });

  it('reports an alias inside its own anchor, an unknown anchor, and a chain of aliases nesting too deep', () => {
    expect(parseDocuments('a: 1\nb: &s [*s]\n').errors).toEqual([expect.objectContaining({ line: 2, message: "anchor 's' value contains itself" })]);
    expect(parseDocuments('a: 1\nb: *nowhere\n').errors).toEqual([expect.objectContaining({ line: 2, message: "unknown anchor 'nowhere' referenced" })]);
    let chain = 'a0: &a0 [x]\n';
    for (let i = 1; i < 300; i++) chain += `a${i}: &a${i} [*a${i - 1}]\n`;
    expect(parseDocuments(chain).errors).toEqual([expect.objectContaining({ message: `aliases nest deeper than ${READ_LIMITS.maxDepth} levels` })]);
  });
});

describe('parseDocuments: never throws, locates each problem', () => {
  it('passes empty, comment-only and document-marker-only files with no objects', () => {
    for (const text of ['', '\n', '# only a comment\n# another\n', '---\n', '---\n# c\n...\n']) {
      expect(parseDocuments(text)).toEqual({ objects: [], errors: [] });
    }
  });

  it('reports bytes that are not UTF-8 at their line', () => {
    const latin1 = Buffer.from('a: b\nc: caf\xe9\n', 'latin1');
    expect(parseDocuments(latin1).errors).toEqual([expect.objectContaining({ line: 2, message: 'not UTF-8 text (invalid byte sequence)' })]);
    expect(parseDocuments(Buffer.from('a: café\n')).objects).toEqual([{ a: 'café' }]);
  });

  it('finds the line of an invalid byte after many multibyte characters', () => {
    const before = Array.from({ length: 200 }, (_, i) => `k${i}: "${'é'.repeat(30)}"\n`).join('');
    const bytes = Buffer.concat([Buffer.from(before), Buffer.from([0x78, 0x3a, 0x20, 0xff, 0x0a])]);
    expect(parseDocuments(bytes).errors).toEqual([expect.objectContaining({ line: 201, message: 'not UTF-8 text (invalid byte sequence)' })]);
  });

  it('reports a binary file and NUL or other control characters at their line', () => {
    const elf = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x0a]);
    expect(parseDocuments(elf).errors).toEqual([expect.objectContaining({ line: 1, message: 'control character U+007F is not allowed in YAML' })]);
    expect(parseDocuments('a: b\nc: d\x00\n').errors).toEqual([expect.objectContaining({ line: 2, message: 'control character U+0000 is not allowed in YAML' })]);
    expect(parseDocuments('a: \x1b[31mred\n').errors).toEqual([expect.objectContaining({ line: 1, message: 'control character U+001B is not allowed in YAML' })]);
  });

  it('reads a byte order mark and tabs in values as kubectl does', () => {
    expect(parseDocuments('\ufeffa: "b\tc"\n').objects).toEqual([{ a: 'b\tc' }]);
  });

  it('reports nesting deeper than the bound instead of overflowing the stack', () => {
    for (const text of ['['.repeat(100_000), `a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')]) {
      expect(parseDocuments(text).errors).toEqual([expect.objectContaining({ message: `nesting deeper than ${READ_LIMITS.maxDepth} levels` })]);
    }
    expect(parseDocuments(`a: ${'['.repeat(200)}${']'.repeat(200)}\n`).errors).toEqual([]);
  });

  it('reports a file larger than the bound without parsing it', () => {
    expect(tooLarge(READ_LIMITS.maxBytes)).toBeUndefined();
    expect(tooLarge(READ_LIMITS.maxBytes + 1)?.errors).toEqual([expect.objectContaining({ line: 1, message: expect.stringContaining('more than the 16.0 MiB') })]);
    expect(parseDocuments('a: 12345\n', { ...READ_LIMITS, maxBytes: 4 }).errors[0]?.message).toContain('more than');
  });

  it('reports every duplicate key at its line, in linear time', () => {
    expect(parseDocuments('a: 1\nb: 2\na: 3\nc: {x: 1, "x": 2}\n').errors).toEqual([
      expect.objectContaining({ line: 3, message: 'Map keys must be unique ("a" repeats)' }),
      expect.objectContaining({ line: 4, message: 'Map keys must be unique ("x" repeats)' }),
    ]);
    const started = performance.now();
    const wide = parseDocuments(Array.from({ length: 50_000 }, (_, i) => `k${i}: v\n`).join(''));
    expect(wide.errors).toEqual([]);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('reports a merge key whose value is not a mapping', () => {
    expect(parseDocuments('a: 1\nz:\n  <<: 1\n').errors).toEqual([expect.objectContaining({ message: 'Merge sources must be maps or map aliases' })]);
  });

  it('keeps only mappings as objects, and reads odd keys safely', () => {
    expect(parseDocuments('- a\n---\njust text\n---\nkind: A\n').objects).toEqual([{ kind: 'A' }]);
    const [object] = parseDocuments('__proto__: {polluted: true}\n? [a, b]\n: c\n').objects;
    expect(Object.keys(object!)).toEqual(['__proto__', '[ a, b ]']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('reports a syntax error at its line and still reads the other documents', () => {
    const { objects, errors } = parseDocuments('kind: A\n---\nkind: B: C\n---\nkind: C\n');
    expect(objects).toEqual([{ kind: 'A' }, { kind: 'C' }]);
    expect(errors[0]).toMatchObject({ line: 3, fix: 'fix the YAML syntax' });
  });
});
