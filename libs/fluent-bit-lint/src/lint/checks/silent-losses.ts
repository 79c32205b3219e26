/** 11. tail settings that start fine but lose lines without an error. */
import type { ConfigSection } from '../../types';
import { at, type LintContext } from '../context';
import { sizeInBytes } from '../../util';
import { TAIL_BUFFER_DEFAULT } from '../constants';
import { lower, maybeFilesystem, prop } from '../sections';

/** containerd's longest CRI line: 16 KiB of text (MaxContainerLogLineSize) and its prefix. */
const CRI_LINE_BYTES = 16 * 1024 + 64;

/** Settings that start fine but lose lines without an error (measured on Fluent Bit 5.1.1). */
export function checkTailLosses(ctx: LintContext, input: ConfigSection): void {
  const skip = prop(input, 'skip_long_lines');
  const max = prop(input, 'buffer_max_size');
  // Unset, the 32k default is nobody's choice; set, it must at least hold a containerd line (16 KiB
  // of text plus its CRI prefix). Above that, the sink's line limit bounds it (checkSinkLineSize).
  if (skip && ['on', 'true', 'yes'].includes(lower(skip.value)) && (!max || sizeInBytes(max.value) < CRI_LINE_BYTES)) {
    at(
      ctx,
      input,
      max ?? skip,
      'warning',
      `Skip_Long_Lines On with Buffer_Max_Size ${max?.value ?? '32k (default)'}: longer lines are dropped silently`,
      'set Buffer_Max_Size to the longest line the files hold (containerd splits lines at 16 KiB: 32k holds a CRI line), within the sink\'s line limit',
    );
  }
  const storage = prop(input, 'storage.type');
  if (!storage || !maybeFilesystem(storage.value)) {
    at(
      ctx,
      input,
      storage,
      'warning',
      'memory buffering: lines already read (and recorded in the DB) but not yet delivered are lost on a restart',
      'set "storage.type filesystem" (with storage.path in [SERVICE])',
    );
  }
}


/** A tail input Fluent Bit 5.1.1 refuses at start-up: its read buffer starts above its maximum (dry-run passes it). */
export function checkTailBuffers(ctx: LintContext, input: ConfigSection): void {
  const chunk = prop(input, 'buffer_chunk_size');
  const max = prop(input, 'buffer_max_size');
  const chunkBytes = chunk ? sizeInBytes(chunk.value) : TAIL_BUFFER_DEFAULT;
  const maxBytes = max ? sizeInBytes(max.value) : TAIL_BUFFER_DEFAULT;
  if (!(chunkBytes > maxBytes)) return; // NaN (a ${VAR} or a malformed size) is not compared
  at(
    ctx,
    input,
    max ?? chunk,
    'error',
    `buffer_chunk_size ${chunk?.value ?? '32768 (default)'} is above buffer_max_size ${max?.value ?? '32768 (default)'}: Fluent Bit 5.1.1 stops at start-up ("buffer_max_size must be >= buffer_chunk"); sizes are decimal, so 32k is 32,000 bytes, below the 32768-byte default chunk`,
    `set buffer_chunk_size at most ${max?.value ?? '32768'} (e.g. 16k), or raise buffer_max_size`,
  );
}
