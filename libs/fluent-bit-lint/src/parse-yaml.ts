/**
 * Reader for Fluent Bit 5.1.1's YAML configuration format (src/config_format/flb_cf_yaml.c), into
 * the same model as the classic reader (./parse.ts), so the same checks run on both:
 * - `service` -> one SERVICE section (scalar values; a repeated key is kept once per line, as
 *   Fluent Bit applies each; a nested map only for `telemetry`, not checked);
 * - `parsers` / `multiline_parsers` -> PARSER / MULTILINE_PARSER sections (a multiline parser's
 *   `rules` become `rule "state" "regex" "next_state"` properties, as classic mode writes them);
 * - `pipeline` -> INPUT / FILTER / OUTPUT sections from `inputs`, `filters`, `outputs`; a list value
 *   is the key repeated (e.g. modify `set`, http `header`); `processors` and `routes` are skipped;
 * - `customs` -> CUSTOM sections; `includes` -> INCLUDE directives; `env` -> variables (as @SET);
 * - `plugins`, `upstream_servers`, `stream_processor`, `extensions` are not checked (a warning).
 * Scalars are read as their text, whatever their style, as Fluent Bit reads them (and trimmed).
 * Every property carries the line of its value in the YAML source. Syntax errors become findings.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair } from 'yaml';
import type { ConfigDirective, ConfigSection, ParsedClassicConfig, PipelineFinding } from './types';
import { own } from './lint/sections';
import { closest } from './util';

const TOP_LEVEL_KEYS = [
  'env',
  'parsers',
  'multiline_parsers',
  'stream_processor',
  'plugins',
  'upstream_servers',
  'pipeline',
  'service',
  'customs',
  'includes',
  'extensions',
];
const NOT_CHECKED = ['stream_processor', 'plugins', 'upstream_servers', 'extensions'];
const PIPELINE_KINDS: Record<string, string> = { inputs: 'INPUT', filters: 'FILTER', outputs: 'OUTPUT' };
/** Plugin keys whose nested value Fluent Bit reads as a group or variant, not as properties. */
const NESTED_PLUGIN_KEYS = ['processors', 'routes'];

/** The text of a scalar node as Fluent Bit reads it (a null or an empty plain scalar is ''). */
function scalarText(node: unknown): string | undefined {
  if (node === null || node === undefined) return '';
  if (!isScalar(node)) return undefined;
  const value = node.value;
  return value === null || value === undefined ? '' : String(value);
}

/** Reads one YAML configuration file; problems become findings, never exceptions. */
export function parseYamlConfig(text: string, file: string): ParsedClassicConfig {
  const sections: ConfigSection[] = [];
  const includes: string[] = [];
  const findings: PipelineFinding[] = [];
  const directives: ConfigDirective[] = [];
  const variables: Record<string, string> = {};
  const lineCounter = new LineCounter();
  const lines = text.split('\n').length;
  const lineOf = (node: { range?: [number, number, number] | null | undefined } | null | undefined, fallback = 1): number => {
    const offset = node?.range?.[0];
    if (offset === undefined) return fallback;
    return Math.min(Math.max(lineCounter.linePos(offset).line, 1), lines);
  };
  const finding = (severity: 'error' | 'warning', line: number, message: string, fix: string, extra: Partial<PipelineFinding> = {}) =>
    findings.push({ severity, file, line, ...extra, message, fix });

  let document;
  try {
    document = parseDocument(text, { lineCounter, schema: 'failsafe', uniqueKeys: false, prettyErrors: false });
  } catch (error) {
    finding('error', 1, `YAML that cannot be read: ${(error as Error).message}`, 'fix the YAML syntax');
    return { sections, includes, findings, directives, variables };
  }
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      const line = Math.min(Math.max(lineCounter.linePos(error.pos[0]).line, 1), lines);
      finding('error', line, `YAML syntax error: ${error.message.split('\n')[0]}: Fluent Bit does not start`, 'fix the YAML syntax');
    }
    return { sections, includes, findings, directives, variables };
  }
  const root = document.contents;
  if (root === null || (isScalar(root) && scalarText(root) === '')) return { sections, includes, findings, directives, variables };
  if (!isMap(root)) {
    finding('error', lineOf(root as Node), 'the configuration is not a YAML map of sections', 'write top-level keys such as service:, pipeline:');
    return { sections, includes, findings, directives, variables };
  }

  const badShape = (node: unknown, fallback: number, what: string) =>
    finding('error', lineOf(node as Node, fallback), `${what}: Fluent Bit reports a YAML error and does not start`, 'see the YAML configuration format');

  /** Adds `key: value` pairs of a map to a section; lists are the key repeated. */
  const addProperties = (section: ConfigSection, map: unknown, context: 'service' | 'plugin' | 'parser') => {
    if (!isMap(map)) {
      badShape(map, section.line, `[${section.kind}] is not a map of properties`);
      return;
    }
    for (const pair of map.items as Array<Pair<unknown, unknown>>) {
      const key = scalarText(pair.key)?.trim();
      const keyLine = lineOf(pair.key as Node, section.line);
      if (key === undefined || key === '') {
        badShape(pair.key, keyLine, `a property of [${section.kind}] has no plain key`);
        continue;
      }
      const value = pair.value;
      if (isAlias(value)) {
        badShape(value, keyLine, `${key} is a YAML alias`);
        continue;
      }
      const text = scalarText(value);
      if (text !== undefined) {
        const trimmed = text.trim();
        const line = isScalar(value) ? lineOf(value, keyLine) : keyLine;
        if (trimmed === '') {
          finding('warning', line, `${key} has an empty value: Fluent Bit reads it as an empty string`, `give ${key} a value (an empty Flux variable substitutes to nothing) or remove it`, {
            section: `[${section.kind}]`,
            property: key,
          });
        }
        section.properties.push({ key, value: trimmed, line });
        continue;
      }
      if (isSeq(value)) {
        if (context === 'service') {
          badShape(value, keyLine, `service property ${key} is a list ("unsupported value type for service property")`);
          continue;
        }
        if (context === 'parser' && section.kind === 'MULTILINE_PARSER' && key.toLowerCase() === 'rules') {
          for (const rule of value.items) {
            if (!isMap(rule)) {
              badShape(rule, keyLine, 'a multiline parser rule is not a map of state, regex, next_state');
              continue;
            }
            const get = (name: string) => scalarText(rule.get(name, true)) ?? '';
            section.properties.push({ key: 'rule', value: `"${get('state')}" "${get('regex')}" "${get('next_state')}"`, line: lineOf(rule, keyLine) });
          }
          continue;
        }
        for (const item of value.items) {
          const itemText = scalarText(item);
          if (itemText === undefined) {
            badShape(item, keyLine, `an item of ${key} is not a scalar`);
            continue;
          }
          section.properties.push({ key, value: itemText.trim(), line: lineOf(item as Node, keyLine) });
        }
        continue;
      }
      if (isMap(value)) {
        if (context === 'service' && key.toLowerCase() === 'telemetry') continue;
        if (context === 'plugin' && NESTED_PLUGIN_KEYS.includes(key)) continue;
        badShape(value, keyLine, `${key} of [${section.kind}] is a map`);
        continue;
      }
      badShape(value, keyLine, `${key} has a value Fluent Bit cannot read`);
    }
  };

  /** A list of maps under a top-level key, each a section of `kind`. */
  const addSectionList = (kind: string, list: unknown, keyLine: number, context: 'plugin' | 'parser') => {
    if (list === null || (isScalar(list) && scalarText(list) === '')) return;
    if (!isSeq(list)) {
      badShape(list, keyLine, `${kind.toLowerCase()} entries are not a list`);
      return;
    }
    for (const item of list.items) {
      const section: ConfigSection = { kind, line: lineOf(item as Node, keyLine), file, properties: [] };
      sections.push(section);
      addProperties(section, item, context);
    }
  };

  let serviceLine: number | undefined;
  for (const pair of root.items as Array<Pair<unknown, unknown>>) {
    const rawKey = scalarText(pair.key);
    const keyLine = lineOf(pair.key as Node);
    const key = rawKey?.trim().toLowerCase();
    const value = pair.value;
    if (key === undefined || key === '') {
      badShape(pair.key, keyLine, 'a top-level key is not a plain string');
      continue;
    }
    if (key === 'service') {
      if (serviceLine !== undefined) {
        finding('error', keyLine, `duplicated definition of 'service' (also at line ${serviceLine}): Fluent Bit does not start`, 'define service once, in the main file');
        continue;
      }
      serviceLine = keyLine;
      const section: ConfigSection = { kind: 'SERVICE', line: keyLine, file, properties: [] };
      sections.push(section);
      if (value !== null && !(isScalar(value) && scalarText(value) === '')) addProperties(section, value, 'service');
    } else if (key === 'parsers') {
      addSectionList('PARSER', value, keyLine, 'parser');
    } else if (key === 'multiline_parsers') {
      addSectionList('MULTILINE_PARSER', value, keyLine, 'parser');
    } else if (key === 'customs') {
      addSectionList('CUSTOM', value, keyLine, 'plugin');
    } else if (key === 'pipeline') {
      if (value === null || (isScalar(value) && scalarText(value) === '')) continue;
      if (!isMap(value)) {
        badShape(value, keyLine, 'pipeline is not a map of inputs, filters and outputs');
        continue;
      }
      for (const group of value.items as Array<Pair<unknown, unknown>>) {
        const groupKey = scalarText(group.key)?.trim() ?? '';
        const kind = own(PIPELINE_KINDS, groupKey);
        const groupLine = lineOf(group.key as Node, keyLine);
        if (!kind) {
          const suggestion = closest(groupKey, Object.keys(PIPELINE_KINDS));
          finding('error', groupLine, `pipeline accepts only inputs, filters and outputs, not "${groupKey}": Fluent Bit does not start`, suggestion ? `did you mean "${suggestion}"?` : 'use inputs, filters or outputs');
          continue;
        }
        addSectionList(kind, group.value, groupLine, 'plugin');
      }
    } else if (key === 'includes') {
      const list = isSeq(value) ? value.items : [value];
      for (const item of list) {
        const path = scalarText(item)?.trim();
        if (path === undefined || path === '') {
          badShape(item, keyLine, 'an include is not a path');
          continue;
        }
        const line = lineOf(item as Node, keyLine);
        includes.push(path);
        directives.push({ command: 'INCLUDE', argument: path, line });
      }
    } else if (key === 'env') {
      if (!isMap(value)) {
        if (value !== null) badShape(value, keyLine, 'env is not a map of variables');
        continue;
      }
      for (const variable of value.items as Array<Pair<unknown, unknown>>) {
        const name = scalarText(variable.key)?.trim();
        const text = scalarText(variable.value);
        if (!name || text === undefined) {
          badShape(variable.value ?? variable.key, keyLine, 'env values must be scalars ("nested maps are not allowed in env section")');
          continue;
        }
        variables[name] = text.trim();
      }
    } else if (NOT_CHECKED.includes(key)) {
      finding('warning', keyLine, `${rawKey} is not checked by this lint`, 'check it with fluent-bit --dry-run');
    } else {
      const suggestion = closest(key, TOP_LEVEL_KEYS);
      finding('error', keyLine, `unknown top-level key "${rawKey}": Fluent Bit keeps it as an unused section, so its content is ignored`, suggestion ? `did you mean "${suggestion}"?` : `use one of ${TOP_LEVEL_KEYS.join(', ')}`);
    }
  }
  return { sections, includes, findings, directives, variables };
}

/** Whether Fluent Bit reads a file as YAML: by its extension, as flb_cf_create_from_file does. */
export const isYamlFile = (name: string): boolean => /\.ya?ml$/i.test(name);
