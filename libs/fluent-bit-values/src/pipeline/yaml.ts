import type { Pipeline, PropertyValue } from './model';

/**
 * Fluent Bit's YAML configuration format (5.1.1, src/config_format/flb_cf_yaml.c):
 *
 * ```yaml
 * service:            # once, scalars only; a repeated key (parsers_file) is applied once per line
 *   flush: 1
 * parsers:            # inline parsers, loaded after every service parsers_file
 *   - name: ...
 * pipeline:
 *   inputs:  [ ... ]
 *   filters: [ ... ]  # in the model's order: filters run in the order they are written
 *   outputs: [ ... ]
 * ```
 *
 * Fluent Bit reads every plugin and service value as the scalar's text, whatever its YAML style
 * (flb_cf_section_property_add takes `event->data.scalar.value`; only `extensions` and processors
 * type scalars). Quoting is for the YAML itself and for other readers: a string is written plain
 * only when every YAML 1.1 and 1.2 reader keeps it a string, else double-quoted. Booleans are
 * `true`/`false` (flb_utils_bool reads them; they are booleans in YAML 1.1 and 1.2 alike).
 * Values with `${` (Flux references, and `$${VAR}` escapes for Fluent Bit's own environment) are
 * always quoted and kept verbatim, so what Flux substitutes cannot change the YAML's structure
 * (unless it holds `"` or `\`).
 */

/** Any section of the model: its own keys are Fluent Bit properties. */
type Section = object;

const INDENT = '  ';

/** YAML 1.1 booleans and nulls (case-insensitive here), which 1.1 readers would not keep as strings. */
const YAML_SPECIAL = /^(?:y|n|yes|no|on|off|true|false|null|~)$/i;
/** Plain-safe: starts with a letter, `_` or `/`; no `:`, `#`, quotes, brackets, `$`, `{`; no leading or trailing blank. */
const PLAIN_SAFE = /^[A-Za-z_/](?:[A-Za-z0-9_./*,=?&%+@ -]*[A-Za-z0-9_./*,=?&%+@-])?$/;

/** A size with a unit (`256k`, `5M`, `1.5G`): no YAML resolver reads it as a number. */
const SIZE = /^[0-9]+(?:\.[0-9]+)?[kKmMgG][bB]?$/;

/** A string as a YAML scalar: plain when every reader keeps it the same string, else double-quoted. */
export function yamlString(text: string): string {
  if ((PLAIN_SAFE.test(text) && !YAML_SPECIAL.test(text)) || SIZE.test(text)) return text;
  // JSON strings are YAML double-quoted scalars (YAML 1.2 is a superset of JSON; libyaml reads its escapes).
  return JSON.stringify(text);
}

function scalar(label: string, key: string, value: string | number | boolean): string {
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`fluent-bit yaml config: ${label} ${key} must be a finite number, got ${value}`);
    return String(value);
  }
  if (value.trim() === '' || /[\r\n]/.test(value)) {
    throw new Error(`fluent-bit yaml config: ${label} ${key} must be one non-empty line, got ${JSON.stringify(value)}`);
  }
  // Fluent Bit trims values (flb_cf_section_property_add); write what it will read.
  return yamlString(value.trim());
}

/** The `key: value` lines of one section, indented by `indent` (the first line may carry a `- `). */
function properties(heading: string, section: Section, indent: string, options: { repeatKeys: boolean }): string[] {
  const out: string[] = [];
  const entries = Object.entries(section) as Array<[string, PropertyValue | undefined]>;
  const name = entries.find(([key]) => key === 'name')?.[1];
  const label = `${heading}${typeof name === 'string' ? ` ${name}` : ''}`;
  const list = (key: string, items: string[]): void => {
    if (items.length === 0) return;
    if (options.repeatKeys) {
      // [SERVICE] values must be scalars (flb_config.c set_service_property): repeat the key.
      for (const item of items) out.push(`${indent}${yamlString(key)}: ${item}`);
    } else {
      out.push(`${indent}${yamlString(key)}:`);
      for (const item of items) out.push(`${indent}${INDENT}- ${item}`);
    }
  };
  for (const [key, value] of entries) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      list(key, (value as readonly string[]).map((item) => scalar(label, key, item)));
    } else if (typeof value === 'object') {
      const items = Object.entries(value as Record<string, string>).map(([entryName, entry]) => {
        if (entry.trim() === '') throw new Error(`fluent-bit yaml config: ${label} ${key} ${entryName} has an empty value`);
        return scalar(label, key, `${entryName} ${entry}`);
      });
      list(key, items);
    } else {
      out.push(`${indent}${yamlString(key)}: ${scalar(label, key, value as string | number | boolean)}`);
    }
  }
  return out;
}

/** A list of sections under `key:` at `indent`; nothing when the list is empty. */
function sectionList(key: string, heading: string, list: readonly Section[], indent: string): string[] {
  if (list.length === 0) return [];
  const out = [`${indent}${key}:`];
  for (const section of list) {
    const lines = properties(heading, section, `${indent}${INDENT}${INDENT}`, { repeatKeys: false });
    if (lines.length === 0) throw new Error(`fluent-bit yaml config: an empty ${heading} section`);
    out.push(`${indent}${INDENT}- ${lines[0]!.trimStart()}`, ...lines.slice(1));
  }
  return out;
}

/**
 * Serialises a pipeline to Fluent Bit's YAML configuration: `service`, then inline `parsers`,
 * then `pipeline` with `inputs`, `filters` and `outputs`, each in the model's order (2-space
 * indent, LF, a trailing newline). The same pipeline gives the same text.
 *
 * Multi-valued properties: a list (`parsers_file`) or a map (`header`, modify `set`) becomes a
 * YAML list of `value` / `key value` strings in a plugin, and a repeated key in `service`.
 */
export function toYamlConfig(pipeline: Pipeline): string {
  const service = properties('service', pipeline.service, INDENT, { repeatKeys: true });
  const plugins = [
    ...sectionList('inputs', 'input', pipeline.inputs, INDENT),
    ...sectionList('filters', 'filter', pipeline.filters, INDENT),
    ...sectionList('outputs', 'output', pipeline.outputs, INDENT),
  ];
  const lines = [
    ...(service.length > 0 ? ['service:', ...service] : []),
    ...sectionList('parsers', 'parser', pipeline.parsers, ''),
    ...(plugins.length > 0 ? ['pipeline:', ...plugins] : []),
  ];
  return `${lines.join('\n')}\n`;
}
