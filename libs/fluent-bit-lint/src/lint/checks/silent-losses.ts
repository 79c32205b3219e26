/** 11. tail settings that start fine but lose lines without an error. */
import type { ConfigSection } from '../../types';
import { at, type LintContext } from '../context';
import { lower, maybeFilesystem, prop } from '../sections';

/** Settings that start fine but lose lines without an error (measured on Fluent Bit 5.1.1). */
export function checkTailLosses(ctx: LintContext, input: ConfigSection): void {
  const skip = prop(input, 'skip_long_lines');
  const max = prop(input, 'buffer_max_size');
  if (skip && ['on', 'true', 'yes'].includes(lower(skip.value)) && (!max || sizeInBytes(max.value) <= 32_768)) {
    at(
      ctx,
      input,
      max ?? skip,
      'warning',
      `Skip_Long_Lines On with Buffer_Max_Size ${max?.value ?? '32k (default)'}: longer lines are dropped silently`,
      'raise Buffer_Max_Size (e.g. 256k; containerd splits lines at 16 KiB)',
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

/** Fluent Bit sizes: bytes, or a number with k/K, m/M, g/G (powers of 1000, flb_utils_size_to_bytes). */
function sizeInBytes(value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([kmg]?)b?$/i.exec(value.trim());
  if (!match) return Number.NaN;
  const unit = { '': 1, k: 1e3, m: 1e6, g: 1e9 }[match[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Number(match[1]) * unit;
}
