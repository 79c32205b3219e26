import { describe, expect, it } from 'vitest';
import { IMAGE_PARSERS } from './generated/image-parsers';
import { GOOD_MOUNTS, goodFiles } from './fixtures';
import { lintPipeline } from './lint';
import { escapeFactor, largestRecordBytes, longestFittingLine } from './record-size';

describe('the largest record an input can send', () => {
  it('grows text lines up to 6x (control characters as \\u00XX), JSON lines up to 3x with Unicode escaped, else not', () => {
    expect(escapeFactor(false, false)).toBe(6);
    expect(escapeFactor(true, true)).toBe(3);
    expect(escapeFactor(true, false)).toBe(1);
    expect(largestRecordBytes({ lineBytes: 32_000, parsedAsJson: false, escapeUnicode: true, addedBytes: 1000 })).toBe(192_000 + 1000 + 1024);
  });

  it('gives the longest line whose record fits, the inverse of the bound', () => {
    const fitting = longestFittingLine(262_144, 6, 33_280);
    expect(largestRecordBytes({ lineBytes: fitting, parsedAsJson: false, escapeUnicode: false, addedBytes: 33_280 })).toBeLessThanOrEqual(262_144);
    expect(largestRecordBytes({ lineBytes: fitting + 1, parsedAsJson: false, escapeUnicode: false, addedBytes: 33_280 })).toBeGreaterThan(262_144);
  });
});

describe('12. records within the sink`s line limit', () => {
  const lint = (sinkMaxLineBytes?: number) =>
    lintPipeline({ files: goodFiles(), mounts: GOOD_MOUNTS, imageParsers: IMAGE_PARSERS, ...(sinkMaxLineBytes !== undefined && { sinkMaxLineBytes }) }).filter((f) => f.message.includes('line limit'));

  it('checks nothing without a stated limit: the lint does not know the sink', () => {
    expect(lint()).toEqual([]);
  });

  it('reports the story-style CRI join (unbounded) and a 1M audit buffer against 256 KiB', () => {
    const findings = lint(256 * 1024);
    expect(findings.map((f) => [f.section, f.property])).toEqual([
      ['[INPUT] tail (tag kube.*)', 'multiline.parser'],
      ['[INPUT] tail (tag audit.*)', 'buffer_max_size'],
    ]);
  });
});

describe('tail read buffers Fluent Bit starts with', () => {
  const tail = (lines: string) =>
    lintPipeline({ files: goodFiles((main) => main.replace('    buffer_max_size 256k', lines)), mounts: GOOD_MOUNTS, imageParsers: IMAGE_PARSERS }).filter((f) =>
      f.message.includes('buffer_chunk_size'),
    );

  it('reports a 32k maximum under the 32768-byte default chunk: "buffer_max_size must be >= buffer_chunk" at start-up', () => {
    expect(tail('    buffer_max_size 32k')).toEqual([
      expect.objectContaining({ severity: 'error', property: 'buffer_max_size', message: expect.stringContaining('stops at start-up') }),
    ]);
    expect(tail('    buffer_chunk_size 64k\n    buffer_max_size 48k')).toHaveLength(1);
  });

  it('stays quiet with a chunk at most the maximum, or both at their defaults', () => {
    expect(tail('    buffer_chunk_size 16k\n    buffer_max_size 32k')).toEqual([]);
    expect(tail('    buffer_max_size 32768')).toEqual([]);
    expect(tail('')).toEqual([]);
  });
});
