import type { ModifyFilter } from './pipeline/model';

/**
 * Stamps fields on every record matching `match`. `set`, not `add`: a merged JSON log line that
 * carries its own `cluster` key must not be able to claim another cluster.
 */
export function recordFields(match: string, fields: Readonly<Record<string, string>>): ModifyFilter {
  return { name: 'modify', match, set: fields };
}
