/** Small helpers for reading parsed sections: property lookup, plugin names, `${VAR}` values. */
import type { ConfigProperty, ConfigSection } from '../types';

export const lower = (value: string) => value.toLowerCase();
export const has = (list: readonly string[], key: string) => list.includes(lower(key));
export const own = <T>(table: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;

export function props(section: ConfigSection, key: string): ConfigProperty[] {
  return section.properties.filter((property) => lower(property.key) === key);
}
/** The effective value of a key: the last one wins. */
export function prop(section: ConfigSection, key: string): ConfigProperty | undefined {
  const all = props(section, key);
  return all[all.length - 1];
}
export function pluginName(section: ConfigSection): string | undefined {
  const name = prop(section, 'name')?.value;
  if (name === undefined) return undefined;
  const separator = name.indexOf('://');
  return lower(separator > 0 ? name.slice(0, separator) : name);
}
export const hasEnv = (value: string) => value.includes('${');

/** The effective value of a [SERVICE] key across all [SERVICE] sections: the last one wins. */
export function serviceValue(service: ConfigSection[], key: string): ConfigProperty | undefined {
  let found: ConfigProperty | undefined;
  for (const section of service) found = prop(section, key) ?? found;
  return found;
}

/**
 * Whether a storage.type may be filesystem: true for filesystem, and for values we cannot know
 * (`${VAR}`) or that are invalid (reported on their own), so no second finding follows from them.
 */
export function maybeFilesystem(value: string | undefined): boolean {
  if (value === undefined || value === '') return false;
  return hasEnv(value) || !['memory', 'memrb'].includes(lower(value));
}

/** The URI path of an http output to VictoriaLogs' JSON-lines ingestion (`/insert/jsonline`), else undefined. */
export function victoriaLogsJsonLinesPath(output: ConfigSection): string | undefined {
  if (pluginName(output) !== 'http') return undefined;
  const path = (prop(output, 'uri')?.value ?? '').split('?', 1)[0]!;
  return !hasEnv(path) && /\/insert\/jsonline\/?$/.test(path) ? path : undefined;
}
