/**
 * The Fluent Bit configuration of a fluent-bit chart release, as sections and keys: classic strings
 * (`config.service/inputs/filters/outputs/customParsers`, joined by the chart into fluent-bit.conf)
 * or YAML (`config.extraFiles['fluent-bit.yaml']`, started by `--config=` in `args`), read with
 * @gitops/fluent-bit-lint's parsers so that both compare alike.
 */
import { chartConfigFiles, isYamlFile, parseClassicConfig, parseYamlConfig, pluginName, prop, type ChartConfigValues, type ConfigSection } from '@gitops/fluent-bit-lint';
import { isRecord } from './compare-data';
import type { FieldChange } from './types';

/** The chart's mount point of its ConfigMap (templates/daemonset.yaml) and its default entry file. */
const CONFIG_DIR = '/fluent-bit/etc/conf/';
const DEFAULT_ENTRY = 'fluent-bit.conf';
/** The `config` keys that hold configuration text. */
export const CONFIG_KEYS = ['service', 'inputs', 'filters', 'outputs', 'customParsers', 'extraFiles'] as const;

/** Keys written once per entry whose first word names the entry (`header AccountID 1`, modify `set k v`). */
const WORD_KEYED = new Set(['header', 'set', 'add', 'rename', 'copy', 'hard_rename', 'hard_copy', 'record', 'remove', 'add_label', 'label']);

/** One section: its stable identity, and its properties key -> value (repeated keys joined). */
export interface ConfigEntry {
  kind: string;
  /** `[OUTPUT] http kube.*`: kind, plugin, then tag, match or name, and alias when set. */
  label: string;
  properties: Map<string, string>;
}

/** The configuration a release's values run (and the chart files it is read from), or undefined when they hold none. */
export function readFluentBitConfig(values: unknown): { entries: ConfigEntry[]; files: string[] } | undefined {
  if (!isRecord(values) || !isRecord(values['config'])) return undefined;
  const config = values['config'] as ChartConfigValues;
  if (!CONFIG_KEYS.some((key) => config[key] !== undefined)) return undefined;
  const files = chartConfigFiles(config);
  const entry = entryFile(values['args']);
  const text = files[entry];
  if (text === undefined) return undefined;
  const read = (name: string, content: string) => (isYamlFile(name) ? parseYamlConfig(content, name) : parseClassicConfig(content, name));
  const main = read(entry, text);
  // Other files count when the entry point loads them: @INCLUDE / includes, or parsers_file naming them.
  const loaded = Object.keys(files)
    .filter((name) => name !== entry && (main.includes.some((path) => path.endsWith(name)) || text.includes(`${CONFIG_DIR}${name}`)))
    .sort();
  const sections = [...main.sections, ...loaded.flatMap((name) => read(name, files[name]!).sections)];
  return { entries: entries(sections), files: [entry, ...loaded] };
}

export const fluentBitConfig = (values: unknown): ConfigEntry[] | undefined => readFluentBitConfig(values)?.entries;

/** The `config` values each chart file is made of (chartConfigFiles), to leave out of the data diff once read. */
export function configKeysOf(file: string): { keys: string[]; extraFile?: string } {
  if (file === DEFAULT_ENTRY) return { keys: ['service', 'inputs', 'filters', 'outputs'] };
  if (file === 'custom_parsers.conf') return { keys: ['customParsers'] };
  return { keys: [], extraFile: file };
}

function entryFile(args: unknown): string {
  const config = Array.isArray(args) ? args.find((arg): arg is string => typeof arg === 'string' && arg.startsWith('--config=')) : undefined;
  if (!config) return DEFAULT_ENTRY;
  const path = config.slice('--config='.length);
  return path.startsWith(CONFIG_DIR) ? path.slice(CONFIG_DIR.length) : path;
}

function identity(section: ConfigSection): string {
  const get = (key: string) => prop(section, key)?.value;
  const plugin = pluginName(section) ?? get('name');
  const parts = [`[${section.kind}]`];
  if (plugin !== undefined) parts.push(plugin);
  const selector = section.kind === 'INPUT' ? get('tag') : (get('match') ?? (get('match_regex') !== undefined ? `~${get('match_regex')}` : undefined));
  if (selector !== undefined) parts.push(selector);
  const alias = get('alias');
  if (alias !== undefined) parts.push(`(${alias})`);
  return parts.join(' ');
}

function entries(sections: readonly ConfigSection[]): ConfigEntry[] {
  const seen = new Map<string, number>();
  return sections.map((section) => {
    const base = identity(section);
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    const properties = new Map<string, string>();
    for (const { key, value } of section.properties) {
      let name = key.toLowerCase();
      let text = value;
      const space = value.indexOf(' ');
      if (WORD_KEYED.has(name) && space > 0) {
        name = `${name} ${value.slice(0, space)}`;
        text = value.slice(space + 1).trim();
      }
      // A key given again: Fluent Bit applies each (multiline.parser, @INCLUDE-like lists).
      properties.set(name, properties.has(name) ? `${properties.get(name)}, ${text}` : text);
    }
    // Identical sections (two `[FILTER] modify kube.*`) are told apart by their order among themselves.
    return { kind: section.kind, label: count > 1 ? `${base} #${count}` : base, properties };
  });
}

/** Fluent Bit reads on/true/yes and off/false/no alike, in any case (src/flb_utils.c, flb_utils_bool). */
const BOOLEAN: Readonly<Record<string, boolean>> = { on: true, true: true, yes: true, off: false, false: false, no: false };
const sameValue = (a: string | undefined, b: string | undefined) =>
  a === b || (a !== undefined && b !== undefined && BOOLEAN[a.trim().toLowerCase()] !== undefined && BOOLEAN[a.trim().toLowerCase()] === BOOLEAN[b.trim().toLowerCase()]);

/** Section-and-key changes: `[OUTPUT] http kube.*` `retry_limit` `3` -> `no_limits`. */
export function compareConfig(before: readonly ConfigEntry[] | undefined, after: readonly ConfigEntry[] | undefined): FieldChange[] {
  const old = new Map((before ?? []).map((entry) => [entry.label, entry]));
  const now = new Map((after ?? []).map((entry) => [entry.label, entry]));
  const changes: FieldChange[] = [];
  for (const label of [...new Set([...old.keys(), ...now.keys()])].sort(sectionOrder)) {
    const a = old.get(label);
    const b = now.get(label);
    if (!a || !b) {
      // A whole section added or removed: its properties, so the reader sees what it does.
      changes.push({ path: label, ...(a && { before: Object.fromEntries(a.properties) }), ...(b && { after: Object.fromEntries(b.properties) }) });
      continue;
    }
    for (const key of [...new Set([...a.properties.keys(), ...b.properties.keys()])].sort()) {
      const x = a.properties.get(key);
      const y = b.properties.get(key);
      if (!sameValue(x, y)) changes.push({ path: label, key, ...(x !== undefined && { before: x }), ...(y !== undefined && { after: y }) });
    }
  }
  return changes;
}

/** Sections in Fluent Bit's own order (service, inputs, filters, outputs, parsers), then by label. */
const KIND_ORDER = ['SERVICE', 'INPUT', 'FILTER', 'OUTPUT', 'PARSER', 'MULTILINE_PARSER'];
const kindRank = (label: string) => {
  const rank = KIND_ORDER.indexOf(label.slice(1, label.indexOf(']')));
  return rank < 0 ? KIND_ORDER.length : rank;
};
const sectionOrder = (a: string, b: string) => kindRank(a) - kindRank(b) || (a < b ? -1 : a > b ? 1 : 0);
