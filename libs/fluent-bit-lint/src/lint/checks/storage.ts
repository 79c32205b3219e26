/** 5. storage.type values, filesystem buffering without storage.path, useless storage.total_limit_size. */
import type { ConfigProperty, ConfigSection } from '../../types';
import { at, type LintContext } from '../context';
import { matchesTag, type Producer } from '../producers';
import { hasEnv, lower, prop } from '../sections';

export function checkStorage(
  ctx: LintContext,
  inputs: ConfigSection[],
  outputs: ConfigSection[],
  producers: Producer[],
  storagePath: ConfigProperty | undefined,
): void {
  for (const input of inputs) {
    const storageType = prop(input, 'storage.type');
    if (!storageType || hasEnv(storageType.value)) continue;
    const type = lower(storageType.value);
    if (!['memory', 'filesystem', 'memrb'].includes(type)) {
      at(
        ctx,
        input,
        storageType,
        'error',
        `storage.type "${storageType.value}" is invalid: Fluent Bit does not start`,
        'use storage.type filesystem (or memory, memrb)',
      );
    } else if (type === 'filesystem' && (!storagePath || storagePath.value === '')) {
      at(
        ctx,
        input,
        storageType,
        'error',
        'storage.type filesystem but [SERVICE] has no storage.path: Fluent Bit refuses to start the input',
        'set storage.path in [SERVICE] to a directory on a writable volume',
      );
    }
  }
  for (const output of outputs) {
    const limit = prop(output, 'storage.total_limit_size');
    if (!limit) continue;
    const fed = producers.filter((producer) => matchesTag(output, producer) !== false);
    if (fed.length === 0 || fed.some((producer) => producer.filesystem)) continue;
    const first = fed[0]!;
    at(
      ctx,
      output,
      limit,
      'error',
      `storage.total_limit_size has no effect: no input feeding this output uses storage.type filesystem (${fed.map((producer) => producer.label).join(', ')}), so its chunks live in memory only`,
      `add "storage.type filesystem" to ${first.label} (with storage.path in [SERVICE]), or remove storage.total_limit_size`,
    );
  }
}
