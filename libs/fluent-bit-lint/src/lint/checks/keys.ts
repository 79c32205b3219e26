/** 2. Section kinds, plugin names and property keys (tables in ../../fluent-bit-5.1.1.ts). */
import {
  CUSTOM_PLUGINS,
  DOWNSTREAM_NET_KEYS,
  FILTER_GENERIC_KEYS,
  FILTER_PLUGINS,
  HTTP_SERVER_KEYS,
  INPUT_GENERIC_KEYS,
  INPUT_OAUTH2_KEYS,
  INPUT_PLUGINS,
  OUTPUT_ALIASES,
  OUTPUT_GENERIC_KEYS,
  OUTPUT_OAUTH2_KEYS,
  OUTPUT_PLUGINS,
  SECTION_SPECIAL_KEYS,
  SERVICE_KEYS,
  UPSTREAM_NET_KEYS,
  type PluginSpec,
} from '../../fluent-bit-5.1.1';
import type { ConfigSection } from '../../types';
import { closest } from '../../util';
import { ALL_KINDS, MAIN_KINDS, PARSER_FILE_KINDS } from '../constants';
import { at, type LintContext } from '../context';
import { has, hasEnv, lower, own, pluginName, prop } from '../sections';

type Kind = 'INPUT' | 'FILTER' | 'OUTPUT' | 'CUSTOM';
const PLUGIN_TABLES: Record<Kind, Readonly<Record<string, PluginSpec>>> = {
  INPUT: INPUT_PLUGINS,
  FILTER: FILTER_PLUGINS,
  OUTPUT: OUTPUT_PLUGINS,
  CUSTOM: CUSTOM_PLUGINS,
};

export function checkMainKinds(ctx: LintContext, main: ConfigSection[]): void {
  for (const section of main) {
    if (MAIN_KINDS.includes(section.kind)) continue;
    if (PARSER_FILE_KINDS.includes(section.kind)) {
      at(
        ctx,
        section,
        undefined,
        'error',
        `[${section.kind}] is not allowed in the main configuration in classic mode: Fluent Bit does not start`,
        'move it to a parsers file (config.customParsers) loaded with Parsers_File',
      );
    } else if (ALL_KINDS.includes(section.kind)) {
      at(
        ctx,
        section,
        undefined,
        'warning',
        `[${section.kind}] is ignored in the main configuration`,
        'move it to the file type that reads it, or remove it',
      );
    } else {
      unknownKind(ctx, section);
    }
  }
}

export function unknownKind(ctx: LintContext, section: ConfigSection): void {
  const suggestion = closest(section.kind, ALL_KINDS);
  at(
    ctx,
    section,
    undefined,
    'error',
    `unknown section [${section.kind}]`,
    suggestion ? `did you mean [${suggestion}]?` : `use one of ${MAIN_KINDS.map((kind) => `[${kind}]`).join(', ')}`,
  );
}

export function checkKeys(
  ctx: LintContext,
  section: ConfigSection,
  known: readonly string[],
  consequence: string,
): void {
  for (const property of section.properties) {
    if (has(known, property.key)) continue;
    const suggestion = closest(property.key, known);
    at(
      ctx,
      section,
      property,
      'error',
      `unknown property "${property.key}" in [${section.kind}]: ${consequence}`,
      suggestion ? `did you mean "${suggestion}"?` : 'remove it',
    );
  }
}

export function checkServiceKeys(ctx: LintContext, service: ConfigSection[]): void {
  for (const section of service) checkKeys(ctx, section, SERVICE_KEYS, 'Fluent Bit ignores it silently');
}

export function checkPlugin(ctx: LintContext, section: ConfigSection): void {
  const kind = section.kind as Kind;
  const nameProperty = prop(section, 'name');
  const raw = pluginName(section);
  if (!nameProperty || raw === undefined || nameProperty.value === '') {
    at(ctx, section, undefined, 'error', `[${kind}] has no Name: Fluent Bit does not start`, 'add "Name <plugin>"');
    return;
  }
  if (hasEnv(raw)) return;
  const table = PLUGIN_TABLES[kind];
  const name = kind === 'OUTPUT' ? (own(OUTPUT_ALIASES, raw) ?? raw) : raw;
  const spec = own(table, name);
  if (!spec) {
    const suggestion = closest(raw, Object.keys(table));
    at(
      ctx,
      section,
      nameProperty,
      'error',
      `unknown ${lower(kind)} plugin "${nameProperty.value}" in Fluent Bit 5.1.1: Fluent Bit does not start`,
      suggestion ? `did you mean "${suggestion}"?` : `use a ${lower(kind)} plugin of Fluent Bit 5.1.1`,
    );
    return;
  }
  if (spec.notInImage) {
    at(
      ctx,
      section,
      nameProperty,
      'error',
      `${lower(kind)} plugin "${name}" is not built into the Fluent Bit 5.1.1 Linux image: ${spec.notInImage}`,
      'use another plugin',
    );
  }
  const candidates = knownKeys(kind, spec);
  for (const property of section.properties) {
    const status = keyStatus(kind, spec, lower(property.key));
    if (status === 'ok') continue;
    if (status === 'deprecated') {
      at(
        ctx,
        section,
        property,
        'warning',
        `"${property.key}" is deprecated for ${name}`,
        'remove it or use its replacement',
      );
      continue;
    }
    const suggestion = closest(property.key, candidates);
    at(
      ctx,
      section,
      property,
      'error',
      `unknown property "${property.key}" for ${lower(kind)} plugin ${name}: Fluent Bit does not start`,
      suggestion ? `did you mean "${suggestion}"?` : 'remove it',
    );
  }
}

function knownKeys(kind: Kind, spec: PluginSpec): string[] {
  const generic =
    kind === 'INPUT'
      ? [...INPUT_GENERIC_KEYS, ...(spec.netServer ? DOWNSTREAM_NET_KEYS : UPSTREAM_NET_KEYS), ...INPUT_OAUTH2_KEYS]
      : kind === 'FILTER'
        ? FILTER_GENERIC_KEYS
        : kind === 'OUTPUT'
          ? [...OUTPUT_GENERIC_KEYS, ...UPSTREAM_NET_KEYS, ...OUTPUT_OAUTH2_KEYS]
          : ['alias', 'log_level', ...UPSTREAM_NET_KEYS];
  return [...SECTION_SPECIAL_KEYS, ...generic, ...(spec.httpServer ? HTTP_SERVER_KEYS : []), ...(spec.keys ?? [])];
}

/** Mirrors flb_{input,filter,output,custom}_set_property and flb_config_map_properties_check. */
function keyStatus(kind: Kind, spec: PluginSpec, key: string): 'ok' | 'deprecated' | 'unknown' {
  if (SECTION_SPECIAL_KEYS.includes(key)) return 'ok';
  if (kind === 'INPUT') {
    if (INPUT_GENERIC_KEYS.includes(key)) return 'ok';
    if (key.startsWith('net.'))
      return (spec.netServer ? DOWNSTREAM_NET_KEYS : UPSTREAM_NET_KEYS).includes(key) ? 'ok' : 'unknown';
    if (key.startsWith('oauth2')) return INPUT_OAUTH2_KEYS.includes(key) ? 'ok' : 'unknown';
  } else if (kind === 'FILTER') {
    if (FILTER_GENERIC_KEYS.includes(key)) return 'ok';
  } else if (kind === 'OUTPUT') {
    if (OUTPUT_GENERIC_KEYS.includes(key)) return 'ok';
    if (key.startsWith('net.')) return UPSTREAM_NET_KEYS.includes(key) ? 'ok' : 'unknown';
    if (key.startsWith('oauth2')) return OUTPUT_OAUTH2_KEYS.includes(key) ? 'ok' : 'unknown';
  } else {
    if (key === 'alias' || key === 'log_level') return 'ok';
    if (key.startsWith('net.')) return UPSTREAM_NET_KEYS.includes(key) ? 'ok' : 'unknown';
  }
  if (spec.httpServer && HTTP_SERVER_KEYS.includes(key)) return 'ok';
  if (spec.keys === null) return 'ok';
  if (spec.deprecated?.includes(key)) return 'deprecated';
  if (spec.keys.includes(key)) return 'ok';
  if (spec.prefixes?.some((prefix) => key.startsWith(prefix) && key.length > prefix.length)) return 'ok';
  return 'unknown';
}
