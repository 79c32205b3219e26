/**
 * Lints a Fluent Bit 5.1.1 classic-mode pipeline as the fluent-bit Helm chart (0.58.x) mounts it:
 * every file in /fluent-bit/etc/conf/, fluent-bit.conf as the entry point, the process started with
 * `--workdir=/fluent-bit/etc` (so relative paths are tried in /fluent-bit/etc first).
 */
import {
  BUILTIN_MULTILINE_PARSERS,
  CUSTOM_PLUGINS,
  DOWNSTREAM_NET_KEYS,
  FILTER_GENERIC_KEYS,
  FILTER_PLUGINS,
  HTTP_SERVER_KEYS,
  IMAGE_ETC_FILES,
  INPUT_GENERIC_KEYS,
  INPUT_OAUTH2_KEYS,
  INPUT_PLUGINS,
  MULTILINE_PARSER_KEYS,
  OUTPUT_ALIASES,
  OUTPUT_GENERIC_KEYS,
  OUTPUT_OAUTH2_KEYS,
  OUTPUT_PLUGINS,
  PARSER_KEYS,
  SECTION_SPECIAL_KEYS,
  SERVICE_KEYS,
  UPSTREAM_KEYS,
  UPSTREAM_NET_KEYS,
  type PluginSpec,
} from './fluent-bit-5.1.1';
import { parseClassicConfig, sectionLabel } from './parse';
import type { ConfigProperty, ConfigSection, ParsedClassicConfig, PipelineFinding, PipelineInput } from './types';
import {
  closest,
  envReferences,
  globToRegExp,
  globsIntersect,
  isUnder,
  normalizeDir,
  sampleTags,
  splitTokens,
  staticPrefix,
} from './util';

/** Where the chart mounts its ConfigMap. */
export const CONFIG_DIR = '/fluent-bit/etc/conf';
/** The chart's `--workdir`: relative paths are looked up here first. */
export const WORK_DIR = '/fluent-bit/etc';
/** The image's parsers file. */
export const IMAGE_PARSERS_FILE = '/fluent-bit/etc/parsers.conf';
const ENTRY_POINT = 'fluent-bit.conf';

const MAIN_KINDS = ['SERVICE', 'INPUT', 'FILTER', 'OUTPUT', 'CUSTOM', 'ENV'];
const PARSER_FILE_KINDS = ['PARSER', 'MULTILINE_PARSER'];
const UPSTREAM_FILE_KINDS = ['UPSTREAM', 'NODE'];
const OTHER_KINDS = ['PLUGINS', 'STREAM_TASK', 'STREAM_PROCESSOR', 'UPSTREAM_SERVERS'];
const ALL_KINDS = [...MAIN_KINDS, ...PARSER_FILE_KINDS, ...UPSTREAM_FILE_KINDS, ...OTHER_KINDS];

/** modify rules taking KEY VALUE, and rules taking KEY (plugins/filter_modify/modify.c setup()). */
const MODIFY_TWO_ARGS = ['add', 'set', 'rename', 'hard_rename', 'copy', 'hard_copy'];
const MODIFY_ONE_ARG = ['remove', 'remove_wildcard', 'remove_regex', 'move_to_start', 'move_to_end'];
/** modify conditions taking one argument, and two (plugins/filter_modify/modify.c setup()). */
const MODIFY_CONDITIONS_ONE_ARG = ['key_exists', 'key_does_not_exist', 'a_key_matches', 'no_key_matches'];
const MODIFY_CONDITIONS_TWO_ARGS = [
  'key_value_equals',
  'key_value_does_not_equal',
  'key_value_matches',
  'key_value_does_not_match',
  'matching_keys_have_matching_values',
  'matching_keys_do_not_have_matching_values',
];

type Kind = 'INPUT' | 'FILTER' | 'OUTPUT' | 'CUSTOM';
const PLUGIN_TABLES: Record<Kind, Readonly<Record<string, PluginSpec>>> = {
  INPUT: INPUT_PLUGINS,
  FILTER: FILTER_PLUGINS,
  OUTPUT: OUTPUT_PLUGINS,
  CUSTOM: CUSTOM_PLUGINS,
};

/** A resolved path: a file we were given, a file of the image, or something we cannot see. */
type Resolved =
  | { kind: 'file'; name: string; path: string }
  | { kind: 'image'; path: string }
  | { kind: 'missing'; path: string }
  | { kind: 'outside'; path: string };

/** A source of records: an INPUT, or a rewrite_tag filter's emitter. */
interface Producer {
  section: ConfigSection;
  label: string;
  /** tag pattern, `*` standing for any run of characters */
  tag: string;
  /** extra concrete tags to test Match_Regex with */
  samples: string[];
  filesystem: boolean;
}

interface ParserDefinition {
  name: string;
  /** undefined for the image's parsers.conf */
  section?: ConfigSection;
}

const lower = (value: string) => value.toLowerCase();
const has = (list: readonly string[], key: string) => list.includes(lower(key));
const own = <T>(table: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;

function props(section: ConfigSection, key: string): ConfigProperty[] {
  return section.properties.filter((property) => lower(property.key) === key);
}
/** The effective value of a key: the last one wins. */
function prop(section: ConfigSection, key: string): ConfigProperty | undefined {
  const all = props(section, key);
  return all[all.length - 1];
}
function pluginName(section: ConfigSection): string | undefined {
  const name = prop(section, 'name')?.value;
  if (name === undefined) return undefined;
  const separator = name.indexOf('://');
  return lower(separator > 0 ? name.slice(0, separator) : name);
}
const hasEnv = (value: string) => value.includes('${');

/** Lints a pipeline (the checks are listed in the package index). */
export function lintPipeline(input: PipelineInput): PipelineFinding[] {
  return new Linter(input).run();
}

class Linter {
  private readonly findings: PipelineFinding[] = [];
  private readonly fileOrder: string[] = [];
  private readonly loaded = new Set<string>();
  private readonly referenced = new Set<string>([ENTRY_POINT]);
  private readonly variables = new Map<string, string>();
  private readonly allSections: ConfigSection[] = [];

  constructor(private readonly input: PipelineInput) {}

  run(): PipelineFinding[] {
    if (own(this.input.files, ENTRY_POINT) === undefined) {
      this.report({
        severity: 'error',
        file: ENTRY_POINT,
        message: `${CONFIG_DIR}/${ENTRY_POINT} is missing: Fluent Bit has no configuration`,
        fix: 'provide fluent-bit.conf (chart values config.service/inputs/filters/outputs)',
      });
      return this.findings;
    }

    // 1. parse the entry point and its @INCLUDEs
    const main = this.loadMain(ENTRY_POINT, []);
    this.checkMainKinds(main);
    const service = main.filter((section) => section.kind === 'SERVICE');
    const inputs = main.filter((section) => section.kind === 'INPUT');
    const filters = main.filter((section) => section.kind === 'FILTER');
    const outputs = main.filter((section) => section.kind === 'OUTPUT');
    const customs = main.filter((section) => section.kind === 'CUSTOM');

    // 1 + 4. parsers files
    const parsers = this.loadParsers(service);

    // 2. known plugins and keys
    this.checkServiceKeys(service);
    for (const section of [...customs, ...inputs, ...filters, ...outputs]) this.checkPlugin(section);
    this.loadUpstreams([...outputs]);

    // 3 + 5. routing and buffering
    const storagePath = this.serviceValue(service, 'storage.path');
    const producers = this.producers(inputs, filters);
    this.checkRouting(producers, filters, outputs);
    this.checkStorage(inputs, outputs, producers, storagePath);

    // 4. parser names
    this.checkParsers(parsers, inputs, filters);

    // 6 - 9. plugin-specific checks
    for (const output of outputs) {
      if (pluginName(output) === 'http') this.checkVictoriaLogs(output);
      this.checkRetryLimit(output);
    }
    for (const input of inputs) if (pluginName(input) === 'tail') this.checkTailLosses(input);
    this.checkParsersFilePaths(service);
    for (const filter of filters) {
      if (pluginName(filter) === 'modify') this.checkModify(filter);
      if (pluginName(filter) === 'record_modifier') this.checkRecordModifier(filter);
    }
    this.checkMounts(service, inputs, storagePath);

    // 10. ${VAR} left for Fluent Bit
    this.checkEnvReferences();

    this.checkUnusedFiles();
    return this.sorted();
  }

  // ---------------------------------------------------------------- loading

  private report(finding: PipelineFinding): void {
    this.findings.push(finding);
  }

  private at(
    section: ConfigSection,
    property: ConfigProperty | undefined,
    severity: 'error' | 'warning',
    message: string,
    fix: string,
  ): void {
    this.report({
      severity,
      file: section.file,
      line: property?.line ?? section.line,
      section: sectionLabel(section),
      ...(property ? { property: property.key } : {}),
      message,
      fix,
    });
  }

  private sorted(): PipelineFinding[] {
    const order = (file: string) => {
      const index = this.fileOrder.indexOf(file);
      return index < 0 ? Number.MAX_SAFE_INTEGER : index;
    };
    return this.findings
      .map((finding, index) => ({ finding, index }))
      .sort(
        (a, b) =>
          order(a.finding.file) - order(b.finding.file) ||
          (a.finding.line ?? 0) - (b.finding.line ?? 0) ||
          a.index - b.index,
      )
      .map(({ finding }) => finding);
  }

  /** Parses a file we were given and records it as loaded. */
  private parseFile(name: string): ParsedClassicConfig {
    const parsed = parseClassicConfig(this.input.files[name]!, name);
    if (!this.fileOrder.includes(name)) this.fileOrder.push(name);
    this.loaded.add(name);
    this.referenced.add(name);
    this.findings.push(...parsed.findings);
    for (const [key, value] of Object.entries(parsed.variables)) this.variables.set(key, value);
    this.allSections.push(...parsed.sections);
    return parsed;
  }

  private parse(name: string): ConfigSection[] {
    return this.parseFile(name).sections;
  }

  /** Resolves a path the way Fluent Bit does for @INCLUDE and Parsers_File (cwd first, then the config dir). */
  private resolve(path: string): Resolved[] {
    const files = this.input.files;
    if (path.startsWith('/')) {
      if (path.startsWith(`${CONFIG_DIR}/`)) {
        const name = path.slice(CONFIG_DIR.length + 1);
        if (name.includes('*')) return this.glob(name);
        return own(files, name) !== undefined ? [{ kind: 'file', name, path }] : [{ kind: 'missing', path }];
      }
      if (path.startsWith(`${WORK_DIR}/`) && IMAGE_ETC_FILES.includes(path.slice(WORK_DIR.length + 1))) {
        return [{ kind: 'image', path }];
      }
      return [{ kind: 'outside', path }];
    }
    const relative = path.replace(/^\.\//, '');
    if (IMAGE_ETC_FILES.includes(relative)) return [{ kind: 'image', path: `${WORK_DIR}/${relative}` }];
    if (relative.includes('*')) return this.glob(relative);
    return own(files, relative) !== undefined
      ? [{ kind: 'file', name: relative, path: `${CONFIG_DIR}/${relative}` }]
      : [{ kind: 'missing', path: `${CONFIG_DIR}/${relative}` }];
  }

  private glob(pattern: string): Resolved[] {
    const regex = globToRegExp(pattern);
    const names = Object.keys(this.input.files)
      .filter((name) => regex.test(name))
      .sort();
    return names.length > 0
      ? names.map((name) => ({ kind: 'file' as const, name, path: `${CONFIG_DIR}/${name}` }))
      : [{ kind: 'missing', path: `${CONFIG_DIR}/${pattern}` }];
  }

  /** Parses a main-config file and inlines its @INCLUDEs where they appear. */
  private loadMain(name: string, chain: string[]): ConfigSection[] {
    const parsed = this.parseFile(name);
    const items = [
      ...parsed.sections.map((section) => ({ line: section.line, section })),
      ...parsed.directives
        .filter((directive) => directive.command === 'INCLUDE')
        .map((directive) => ({ line: directive.line, directive })),
    ].sort((a, b) => a.line - b.line);

    const result: ConfigSection[] = [];
    for (const item of items) {
      if ('section' in item) {
        result.push(item.section);
        continue;
      }
      const { directive } = item;
      for (const target of this.resolve(directive.argument)) {
        const where = { severity: 'error' as const, file: name, line: directive.line };
        if (target.kind === 'missing') {
          this.report({
            ...where,
            message: `@INCLUDE ${directive.argument}: ${target.path} does not exist, so Fluent Bit does not start`,
            fix: `add ${target.path.slice(CONFIG_DIR.length + 1)} to config.extraFiles or fix the path`,
          });
        } else if (target.kind === 'image' || target.kind === 'outside') {
          this.report({
            ...where,
            severity: 'warning',
            message: `@INCLUDE ${directive.argument}: ${target.path} is not one of the chart's config files, so it is not checked`,
            fix: `put the file into config.extraFiles and include ${CONFIG_DIR}/<name>`,
          });
        } else if (chain.includes(target.name) || target.name === name || this.loaded.has(target.name)) {
          this.report({
            ...where,
            message: `@INCLUDE ${directive.argument}: ${target.name} is included twice (or includes itself); Fluent Bit refuses it`,
            fix: 'include every file once',
          });
        } else {
          result.push(...this.loadMain(target.name, [...chain, name]));
        }
      }
    }
    return result;
  }

  private checkMainKinds(main: ConfigSection[]): void {
    for (const section of main) {
      if (MAIN_KINDS.includes(section.kind)) continue;
      if (PARSER_FILE_KINDS.includes(section.kind)) {
        this.at(
          section,
          undefined,
          'error',
          `[${section.kind}] is not allowed in the main configuration in classic mode: Fluent Bit does not start`,
          'move it to a parsers file (config.customParsers) loaded with Parsers_File',
        );
      } else if (ALL_KINDS.includes(section.kind)) {
        this.at(
          section,
          undefined,
          'warning',
          `[${section.kind}] is ignored in the main configuration`,
          'move it to the file type that reads it, or remove it',
        );
      } else {
        this.unknownKind(section);
      }
    }
  }

  private unknownKind(section: ConfigSection): void {
    const suggestion = closest(section.kind, ALL_KINDS);
    this.at(
      section,
      undefined,
      'error',
      `unknown section [${section.kind}]`,
      suggestion ? `did you mean [${suggestion}]?` : `use one of ${MAIN_KINDS.map((kind) => `[${kind}]`).join(', ')}`,
    );
  }

  private serviceValue(service: ConfigSection[], key: string): ConfigProperty | undefined {
    let found: ConfigProperty | undefined;
    for (const section of service) found = prop(section, key) ?? found;
    return found;
  }

  /** Loads every Parsers_File in order; returns the parser definitions in load order. */
  private loadParsers(service: ConfigSection[]): {
    parsers: ParserDefinition[];
    multiline: Set<string>;
    imageLoaded: boolean;
    unseen: string[];
  } {
    const parsers: ParserDefinition[] = [];
    const multiline = new Set(BUILTIN_MULTILINE_PARSERS);
    const unseen: string[] = [];
    const seenPaths = new Set<string>();
    let imageLoaded = false;
    for (const section of service) {
      for (const property of props(section, 'parsers_file')) {
        if (hasEnv(property.value) || property.value === '') continue;
        const [target] = this.resolve(property.value);
        if (!target) continue;
        if (seenPaths.has(target.path)) {
          this.at(
            section,
            property,
            'error',
            `Parsers_File ${target.path} is loaded twice: its parsers are defined twice and Fluent Bit 5.1 does not start`,
            'load every parsers file once',
          );
          continue;
        }
        seenPaths.add(target.path);
        if (target.kind === 'missing') {
          this.at(
            section,
            property,
            'error',
            `Parsers_File ${property.value}: ${target.path} does not exist, so Fluent Bit 5.1 does not start`,
            'fix the path or add the file (config.customParsers is custom_parsers.conf)',
          );
        } else if (target.kind === 'image') {
          if (target.path === IMAGE_PARSERS_FILE) {
            imageLoaded = true;
            for (const name of this.input.imageParsers) parsers.push({ name });
          } else {
            unseen.push(target.path);
          }
        } else if (target.kind === 'outside') {
          unseen.push(target.path);
          this.at(
            section,
            property,
            'warning',
            `Parsers_File ${target.path} is not one of the chart's config files, so it is not checked`,
            `put the parsers into config.customParsers (${CONFIG_DIR}/custom_parsers.conf)`,
          );
        } else {
          for (const parsed of this.parse(target.name)) {
            if (parsed.kind === 'PARSER') {
              const name = prop(parsed, 'name');
              parsers.push({ name: name?.value ?? '', section: parsed });
              this.checkParserSection(parsed);
            } else if (parsed.kind === 'MULTILINE_PARSER') {
              const name = prop(parsed, 'name');
              if (name) multiline.add(lower(name.value));
              this.checkKeys(parsed, MULTILINE_PARSER_KEYS, 'Fluent Bit ignores it');
              if (!name)
                this.at(
                  parsed,
                  undefined,
                  'error',
                  '[MULTILINE_PARSER] has no Name: Fluent Bit does not start',
                  'add "Name <parser name>"',
                );
            } else if (ALL_KINDS.includes(parsed.kind)) {
              this.at(
                parsed,
                undefined,
                'warning',
                `[${parsed.kind}] is ignored in a parsers file`,
                'move it to the main configuration or remove it',
              );
            } else {
              this.unknownKind(parsed);
            }
          }
        }
      }
    }
    return { parsers, multiline, imageLoaded, unseen };
  }

  private checkParserSection(section: ConfigSection): void {
    this.checkKeys(section, PARSER_KEYS, 'Fluent Bit ignores it');
    const name = prop(section, 'name');
    const format = prop(section, 'format');
    if (!name) {
      this.at(
        section,
        undefined,
        'error',
        '[PARSER] has no Name: Fluent Bit does not start',
        'add "Name <parser name>"',
      );
      return;
    }
    if (!format) {
      this.at(
        section,
        undefined,
        'error',
        `parser ${name.value} has no Format: Fluent Bit does not start`,
        'add "Format json" (or regex, ltsv, logfmt)',
      );
    } else if (!hasEnv(format.value) && !['regex', 'json', 'ltsv', 'logfmt'].includes(lower(format.value))) {
      this.at(
        section,
        format,
        'error',
        `parser ${name.value} has an invalid Format "${format.value}": Fluent Bit does not start`,
        'use Format regex, json, ltsv or logfmt',
      );
    } else if (lower(format.value) === 'regex' && !prop(section, 'regex')) {
      this.at(
        section,
        format,
        'error',
        `parser ${name.value} has Format regex but no Regex: Fluent Bit does not start`,
        'add "Regex <pattern>"',
      );
    }
  }

  /** out_forward / out_es `Upstream` files (UPSTREAM and NODE sections). */
  private loadUpstreams(outputs: ConfigSection[]): void {
    for (const output of outputs) {
      const upstream = prop(output, 'upstream');
      if (!upstream || hasEnv(upstream.value)) continue;
      const [target] = this.resolve(upstream.value);
      if (!target) continue;
      if (target.kind === 'missing') {
        this.at(
          output,
          upstream,
          'error',
          `Upstream ${upstream.value}: ${target.path} does not exist`,
          'add the file to config.extraFiles or fix the path',
        );
      } else if (target.kind === 'file' && !this.loaded.has(target.name)) {
        for (const section of this.parse(target.name)) {
          if (section.kind === 'UPSTREAM') this.checkKeys(section, UPSTREAM_KEYS, 'Fluent Bit ignores it');
          else if (section.kind !== 'NODE') this.unknownKind(section);
        }
      }
    }
  }

  // ---------------------------------------------------------------- 2. keys

  private checkKeys(section: ConfigSection, known: readonly string[], consequence: string): void {
    for (const property of section.properties) {
      if (has(known, property.key)) continue;
      const suggestion = closest(property.key, known);
      this.at(
        section,
        property,
        'error',
        `unknown property "${property.key}" in [${section.kind}]: ${consequence}`,
        suggestion ? `did you mean "${suggestion}"?` : 'remove it',
      );
    }
  }

  private checkServiceKeys(service: ConfigSection[]): void {
    for (const section of service) this.checkKeys(section, SERVICE_KEYS, 'Fluent Bit ignores it silently');
  }

  private checkPlugin(section: ConfigSection): void {
    const kind = section.kind as Kind;
    const nameProperty = prop(section, 'name');
    const raw = pluginName(section);
    if (!nameProperty || raw === undefined || nameProperty.value === '') {
      this.at(section, undefined, 'error', `[${kind}] has no Name: Fluent Bit does not start`, 'add "Name <plugin>"');
      return;
    }
    if (hasEnv(raw)) return;
    const table = PLUGIN_TABLES[kind];
    const name = kind === 'OUTPUT' ? (own(OUTPUT_ALIASES, raw) ?? raw) : raw;
    const spec = own(table, name);
    if (!spec) {
      const suggestion = closest(raw, Object.keys(table));
      this.at(
        section,
        nameProperty,
        'error',
        `unknown ${lower(kind)} plugin "${nameProperty.value}" in Fluent Bit 5.1.1: Fluent Bit does not start`,
        suggestion ? `did you mean "${suggestion}"?` : `use a ${lower(kind)} plugin of Fluent Bit 5.1.1`,
      );
      return;
    }
    if (spec.notInImage) {
      this.at(
        section,
        nameProperty,
        'error',
        `${lower(kind)} plugin "${name}" is not built into the Fluent Bit 5.1.1 Linux image: ${spec.notInImage}`,
        'use another plugin',
      );
    }
    const candidates = this.knownKeys(kind, spec);
    for (const property of section.properties) {
      const status = this.keyStatus(kind, spec, lower(property.key));
      if (status === 'ok') continue;
      if (status === 'deprecated') {
        this.at(
          section,
          property,
          'warning',
          `"${property.key}" is deprecated for ${name}`,
          'remove it or use its replacement',
        );
        continue;
      }
      const suggestion = closest(property.key, candidates);
      this.at(
        section,
        property,
        'error',
        `unknown property "${property.key}" for ${lower(kind)} plugin ${name}: Fluent Bit does not start`,
        suggestion ? `did you mean "${suggestion}"?` : 'remove it',
      );
    }
  }

  private knownKeys(kind: Kind, spec: PluginSpec): string[] {
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
  private keyStatus(kind: Kind, spec: PluginSpec, key: string): 'ok' | 'deprecated' | 'unknown' {
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

  // ---------------------------------------------------------------- 3. routing

  private producers(inputs: ConfigSection[], filters: ConfigSection[]): Producer[] {
    const producers: Producer[] = inputs.map((section, index) => {
      const name = pluginName(section) ?? 'input';
      const tagProperty = prop(section, 'tag')?.value;
      let tag = tagProperty ?? `${name}.${index}`;
      const samples: string[] = [];
      if (name === 'forward') {
        const prefix = prop(section, 'tag_prefix')?.value;
        tag = prefix !== undefined ? `${prefix}*` : (tagProperty ?? '*');
      } else if (name === 'http') {
        tag = tagProperty !== undefined && !prop(section, 'tag_key') ? tagProperty : '*';
      } else if (name === 'tail' && tag.includes('*')) {
        // tail replaces `*` with the file path, slashes turned into dots
        for (const path of (prop(section, 'path')?.value ?? '').split(',')) {
          const file = path.trim().replace(/^\/+/, '').replaceAll('*', 'x').replaceAll('/', '.');
          if (file) samples.push(tag.replaceAll('*', file));
        }
      }
      return {
        section,
        label: sectionLabel(section),
        tag: toPattern(tag),
        samples,
        filesystem: maybeFilesystem(prop(section, 'storage.type')?.value),
      };
    });
    // rewrite_tag re-emits records under new tags through its own emitter input
    for (const filter of filters) {
      if (pluginName(filter) !== 'rewrite_tag') continue;
      if (!producers.some((producer) => matchesTag(filter, producer) === true)) continue;
      for (const rule of props(filter, 'rule')) {
        const newTag = splitTokens(rule.value, '"')?.[2];
        if (!newTag) continue;
        producers.push({
          section: filter,
          label: `${sectionLabel(filter)} rule "${rule.value}"`,
          tag: toPattern(newTag.replace(/\$(TAG(\[\d+\])?|\d+|[A-Za-z_]\w*(\[[^\]]*\])*)/g, '*')),
          samples: [],
          filesystem: maybeFilesystem(prop(filter, 'emitter_storage.type')?.value),
        });
      }
    }
    return producers;
  }

  private checkRouting(producers: Producer[], filters: ConfigSection[], outputs: ConfigSection[]): void {
    const tags = [...new Set(producers.map((producer) => producer.tag))];
    const tagList = tags.length > 0 ? tags.join(', ') : 'none';
    for (const section of [...filters, ...outputs]) {
      const match = prop(section, 'match');
      const matchRegex = prop(section, 'match_regex');
      if (!match && !matchRegex) {
        this.at(
          section,
          undefined,
          'error',
          `[${section.kind}] has no Match or Match_Regex, so it ${section.kind === 'OUTPUT' ? 'receives' : 'processes'} no records`,
          `add "Match <tag pattern>", e.g. "Match ${tags[0] ?? '*'}"`,
        );
        continue;
      }
      if ((match?.value ?? '') === '' && (matchRegex?.value ?? '') === '') continue; // empty value reported by the parser
      const results = producers.map((producer) => matchesTag(section, producer));
      if (results.includes(true)) continue;
      if (results.includes(undefined)) {
        this.at(
          section,
          matchRegex,
          'warning',
          `Match_Regex "${matchRegex?.value}" cannot be checked (not a JavaScript regular expression)`,
          'check the pattern by hand, or use Match with a glob',
        );
        continue;
      }
      const property = match ?? matchRegex;
      this.at(
        section,
        property,
        'error',
        `${property?.key} "${property?.value}" matches no tag an INPUT produces (${tagList}), so this ${lower(section.kind)} never ${section.kind === 'OUTPUT' ? 'receives records' : 'runs'}`,
        tags.length > 0
          ? `set Match to an input's tag pattern, e.g. "Match ${tags[0]}"`
          : 'add an [INPUT] with a Tag this pattern matches',
      );
    }
    for (const producer of producers) {
      if (producer.section.kind !== 'INPUT') continue;
      if (outputs.some((output) => matchesTag(output, producer) !== false)) continue;
      this.at(
        producer.section,
        prop(producer.section, 'tag'),
        'warning',
        `no [OUTPUT] matches the tag ${producer.tag} of this input, so its records are dropped`,
        `add an [OUTPUT] with "Match ${producer.tag}" or remove the input`,
      );
    }
  }

  // ---------------------------------------------------------------- 5. storage

  private checkStorage(
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
        this.at(
          input,
          storageType,
          'error',
          `storage.type "${storageType.value}" is invalid: Fluent Bit does not start`,
          'use storage.type filesystem (or memory, memrb)',
        );
      } else if (type === 'filesystem' && (!storagePath || storagePath.value === '')) {
        this.at(
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
      this.at(
        output,
        limit,
        'error',
        `storage.total_limit_size has no effect: no input feeding this output uses storage.type filesystem (${fed.map((producer) => producer.label).join(', ')}), so its chunks live in memory only`,
        `add "storage.type filesystem" to ${first.label} (with storage.path in [SERVICE]), or remove storage.total_limit_size`,
      );
    }
  }

  // ---------------------------------------------------------------- 4. parsers

  private checkParsers(
    loaded: { parsers: ParserDefinition[]; multiline: Set<string>; imageLoaded: boolean; unseen: string[] },
    inputs: ConfigSection[],
    filters: ConfigSection[],
  ): void {
    const { parsers, multiline, imageLoaded, unseen } = loaded;
    const image = new Set(imageLoaded ? this.input.imageParsers : []);
    const ours = new Map<string, ParserDefinition[]>();
    for (const parser of parsers) {
      if (!parser.section || parser.name === '') continue;
      const list = ours.get(parser.name) ?? [];
      list.push(parser);
      ours.set(parser.name, list);
    }
    for (const [name, definitions] of ours) {
      definitions.forEach((definition, index) => {
        const section = definition.section!;
        const nameProperty = prop(section, 'name');
        if (image.has(name)) {
          this.at(
            section,
            nameProperty,
            'error',
            `parser "${name}" is already defined by the image's ${IMAGE_PARSERS_FILE}: Fluent Bit 5.1 refuses to start ("parser named '${name}' already exists")`,
            `remove this [PARSER] (the image's ${name} parser is used as is) or give it another name`,
          );
        } else if (index > 0) {
          const first = definitions[0]!.section!;
          this.at(
            section,
            nameProperty,
            'error',
            `parser "${name}" is defined twice (also at ${first.file}:${first.line}): Fluent Bit 5.1 refuses to start`,
            'keep one definition or rename one of them',
          );
        }
      });
    }

    const defined = new Set(parsers.map((parser) => parser.name));
    const severity = unseen.length > 0 ? 'warning' : 'error';
    const checkParser = (section: ConfigSection, property: ConfigProperty, name: string) => {
      if (name === '' || hasEnv(name) || defined.has(name)) return;
      const inImage = !imageLoaded && this.input.imageParsers.includes(name);
      const suggestion = closest(name, [...defined]);
      this.at(
        section,
        property,
        severity,
        inImage
          ? `parser "${name}" is defined only in the image's ${IMAGE_PARSERS_FILE}, which [SERVICE] does not load`
          : `parser "${name}" is not defined in any loaded parsers file${unseen.length > 0 ? ` (not checked: ${unseen.join(', ')})` : ''}: Fluent Bit does not start`,
        inImage
          ? `add "Parsers_File ${IMAGE_PARSERS_FILE}" to [SERVICE]`
          : suggestion
            ? `did you mean "${suggestion}"? Otherwise define a [PARSER] named ${name} in config.customParsers`
            : `define a [PARSER] named ${name} in config.customParsers`,
      );
    };
    const checkMultiline = (section: ConfigSection, property: ConfigProperty) => {
      for (const raw of property.value.split(',')) {
        const name = raw.trim();
        if (name === '' || hasEnv(name) || multiline.has(lower(name))) continue;
        const suggestion = closest(name, [...multiline]);
        this.at(
          section,
          property,
          'error',
          `multiline parser "${name}" is neither built in (${BUILTIN_MULTILINE_PARSERS.join(', ')}) nor defined by a [MULTILINE_PARSER]: Fluent Bit does not start`,
          suggestion
            ? `did you mean "${suggestion}"?`
            : 'define a [MULTILINE_PARSER] in a parsers file or use a built-in one',
        );
      }
    };
    const parserKeys = ['parser', 'docker_mode_parser', 'parser_firstline', 'merge_parser', 'regex_parser'];
    for (const section of [...inputs, ...filters]) {
      for (const property of section.properties) {
        const key = lower(property.key);
        if (key === 'multiline.parser') checkMultiline(section, property);
        else if (parserKeys.includes(key) || (pluginName(section) === 'tail' && /^parser_\d+$/.test(key))) {
          checkParser(section, property, property.value);
        }
      }
    }
    for (const section of this.allSections) {
      if (section.kind !== 'MULTILINE_PARSER') continue;
      const parser = prop(section, 'parser');
      if (parser) checkParser(section, parser, parser.value);
    }
  }

  // ---------------------------------------------------------------- 6. VictoriaLogs

  private checkVictoriaLogs(output: ConfigSection): void {
    const uri = prop(output, 'uri');
    if (!uri) return;
    const [path = '', query = ''] = uri.value.split('?', 2);
    if (hasEnv(path) || !/\/insert\/jsonline\/?$/.test(path)) return;
    const format = prop(output, 'format');
    if (!format || lower(format.value) !== 'json_lines') {
      this.at(
        output,
        format ?? uri,
        'error',
        `Format ${format?.value ?? 'json (the default)'} sends one JSON array per request; VictoriaLogs ${path} rejects it with 400 and Fluent Bit drops the chunk without retrying`,
        'set "Format json_lines"',
      );
    }
    const headers = props(output, 'header').map((property) => {
      const [name = '', ...rest] = property.value.split(/\s+/);
      return { property, name: lower(name), value: rest.join(' ') };
    });
    const queryKeys = new URLSearchParams(query);
    if (!queryKeys.has('_msg_field') && !headers.some((header) => header.name === 'vl-msg-field')) {
      this.at(
        output,
        uri,
        'error',
        `URI ${uri.value} has no _msg_field: Fluent Bit records carry the message in "log" (or merged JSON keys), so every entry gets VictoriaLogs' "missing _msg field" placeholder`,
        `append "${query ? '&' : '?'}_msg_field=log,message,msg" (and _stream_fields) to the URI`,
      );
    }
    const tenantHeaders = headers.filter((header) => header.name === 'accountid' || header.name === 'projectid');
    for (const header of headers) {
      if (header.name === 'x-scope-orgid' && tenantHeaders.length === 0) {
        this.at(
          output,
          header.property,
          'warning',
          `header X-Scope-OrgID is ignored by VictoriaLogs ${path}; without AccountID/ProjectID the logs land in tenant 0:0`,
          'send "Header AccountID <uint32>" and "Header ProjectID <uint32>" (or let vmauth set them) and drop X-Scope-OrgID',
        );
      }
    }
    for (const header of tenantHeaders) {
      if (hasEnv(header.value)) continue;
      if (!/^\d+$/.test(header.value) || Number(header.value) > 4294967295) {
        this.at(
          output,
          header.property,
          'error',
          `header ${header.property.value.split(/\s+/)[0]} "${header.value}" is not a uint32: VictoriaLogs answers 400 and Fluent Bit drops the chunk`,
          'use a number between 0 and 4294967295',
        );
      }
    }
  }

  // ---------------------------------------------------------------- 7. modify / record_modifier

  private checkModify(filter: ConfigSection): void {
    for (const property of filter.properties) {
      const key = lower(property.key);
      if (property.value === '') continue; // reported by the parser
      const tokens = splitTokens(property.value);
      if (!tokens) {
        this.at(
          filter,
          property,
          'error',
          `${property.key} "${property.value}" has an unterminated quote: Fluent Bit does not start`,
          'close the quote',
        );
        continue;
      }
      if (MODIFY_TWO_ARGS.includes(key)) {
        if (tokens.length === 1) {
          this.at(
            filter,
            property,
            'error',
            `${property.key} ${property.value} has no value (an empty Flux variable?): the modify filter fails with "Invalid operation" and Fluent Bit does not start`,
            `write "${property.key} ${tokens[0]} <value>" (or give the variable a default, e.g. \${VAR:=unknown})`,
          );
        } else if (tokens.length > 2) {
          this.at(
            filter,
            property,
            'error',
            `${property.key} ${property.value} has more than KEY VALUE: Fluent Bit ${tokens.length === 3 ? 'silently turns it into a Rename of the first to the last word' : 'rejects it ("Invalid config")'}`,
            `quote a value with spaces: ${property.key} ${tokens[0]} "${tokens.slice(1).join(' ')}"`,
          );
        }
      } else if (MODIFY_ONE_ARG.includes(key) && tokens.length !== 1) {
        this.at(
          filter,
          property,
          'error',
          `${property.key} takes one key, got "${property.value}": the modify filter fails with "Invalid operation"`,
          `write "${property.key} <key>"`,
        );
      } else if (key === 'condition') {
        const type = lower(tokens[0] ?? '');
        const arity = MODIFY_CONDITIONS_ONE_ARG.includes(type) ? 2 : MODIFY_CONDITIONS_TWO_ARGS.includes(type) ? 3 : 0;
        if (arity === 0) {
          const suggestion = closest(type, [...MODIFY_CONDITIONS_ONE_ARG, ...MODIFY_CONDITIONS_TWO_ARGS]);
          this.at(
            filter,
            property,
            'error',
            `unknown modify condition "${tokens[0]}": Fluent Bit does not start`,
            suggestion ? `did you mean "${suggestion}"?` : 'use a modify condition such as key_exists',
          );
        } else if (tokens.length !== arity) {
          this.at(
            filter,
            property,
            'error',
            `Condition ${tokens[0]} takes ${arity - 1} argument(s), got ${tokens.length - 1}`,
            `write "Condition ${tokens[0]} ${arity === 2 ? '<key>' : '<key> <value>'}"`,
          );
        }
      }
    }
  }

  private checkRecordModifier(filter: ConfigSection): void {
    for (const property of props(filter, 'record')) {
      if (property.value === '') continue;
      const tokens = splitTokens(property.value, '"');
      if (tokens && tokens.length === 2) continue;
      this.at(
        filter,
        property,
        'error',
        `Record "${property.value}" is not KEY VALUE: record_modifier skips it ("invalid record parameters")`,
        'write "Record <key> <value>" and quote a value with spaces',
      );
    }
  }

  // ---------------------------------------------------------------- 9. Retry_Limit

  private checkRetryLimit(output: ConfigSection): void {
    const retry = prop(output, 'retry_limit');
    if (!retry || retry.value === '' || hasEnv(retry.value)) return;
    const value = lower(retry.value);
    if (['no_limits', 'false', 'off'].includes(value)) return;
    if (value === 'no_retries') {
      this.at(
        output,
        retry,
        'warning',
        'Retry_Limit no_retries drops a chunk on its first failed flush',
        'use "Retry_Limit no_limits" (with filesystem buffering) or a large number',
      );
    } else if (!/^\d+$/.test(value) || Number(value) <= 0) {
      this.at(
        output,
        retry,
        'error',
        `Retry_Limit "${retry.value}" is invalid: Fluent Bit falls back to 1 retry`,
        'use a positive number, no_limits (or false, off) or no_retries',
      );
    } else if (Number(value) <= 10) {
      this.at(
        output,
        retry,
        'warning',
        `Retry_Limit ${value} drops each chunk after ${value} failed retries, so a backend outage of a few backoff periods loses logs (Retry_Limit 3: about 15-70 s with the default scheduler)`,
        'use "Retry_Limit no_limits" (with filesystem buffering) or a much larger number',
      );
    }
  }

  // ---------------------------------------------------------------- 11. silent losses

  /** Settings that start fine but lose lines without an error (measured on Fluent Bit 5.1.1). */
  private checkTailLosses(input: ConfigSection): void {
    const skip = prop(input, 'skip_long_lines');
    const max = prop(input, 'buffer_max_size');
    if (skip && ['on', 'true', 'yes'].includes(lower(skip.value)) && (!max || sizeInBytes(max.value) <= 32 * 1024)) {
      this.at(
        input,
        max ?? skip,
        'warning',
        `Skip_Long_Lines On with Buffer_Max_Size ${max?.value ?? '32k (default)'}: longer lines are dropped silently`,
        'raise Buffer_Max_Size (e.g. 256k; containerd splits lines at 16 KiB)',
      );
    }
    const storage = prop(input, 'storage.type');
    if (!storage || !maybeFilesystem(storage.value)) {
      this.at(
        input,
        storage,
        'warning',
        'memory buffering: lines already read (and recorded in the DB) but not yet delivered are lost on a restart',
        'set "storage.type filesystem" (with storage.path in [SERVICE])',
      );
    }
  }

  /** Relative Parsers_File paths resolve against --workdir first, then the config's folder. */
  private checkParsersFilePaths(service: ConfigSection[]): void {
    for (const section of service) {
      for (const file of props(section, 'parsers_file')) {
        if (file.value.startsWith('/') || hasEnv(file.value)) continue;
        this.at(
          section,
          file,
          'warning',
          `Parsers_File ${file.value} is relative: it resolves against --workdir (/fluent-bit/etc) first, which is easy to misread`,
          `use an absolute path (${IMAGE_PARSERS_FILE} or ${CONFIG_DIR}/<file>)`,
        );
      }
    }
  }

  // ---------------------------------------------------------------- 8. mounts

  private mountFor(path: string): { mountPath: string; readOnly: boolean } | undefined {
    let best: { mountPath: string; readOnly: boolean } | undefined;
    for (const mount of this.input.mounts) {
      if (!isUnder(path, mount.mountPath)) continue;
      if (!best || normalizeDir(mount.mountPath).length > normalizeDir(best.mountPath).length) best = mount;
    }
    return best;
  }

  private checkWritable(section: ConfigSection, property: ConfigProperty, what: string, directory: string): void {
    const mount = this.mountFor(directory);
    if (!mount) {
      this.at(
        section,
        property,
        'error',
        `${what} ${property.value} is not under any volume mount: with a read-only root filesystem it cannot be created (Fluent Bit does not start), otherwise it is lost with the container`,
        `mount a writable hostPath volume at ${directory} or a parent (daemonSetVolumeMounts), or move ${property.key} under a writable mount`,
      );
    } else if (mount.readOnly) {
      this.at(
        section,
        property,
        'error',
        `${what} ${property.value} is on the read-only mount ${mount.mountPath}: Fluent Bit cannot write it`,
        `mount a writable volume at ${directory} or make ${mount.mountPath} writable`,
      );
    }
  }

  private checkReadable(section: ConfigSection, property: ConfigProperty, what: string): void {
    for (const raw of property.value.split(',')) {
      const path = raw.trim();
      if (path === '' || hasEnv(path)) continue;
      const absolute = path.startsWith('/') ? path : `${WORK_DIR}/${path}`;
      const prefix = staticPrefix(absolute);
      if (this.mountFor(prefix) || this.input.mounts.some((mount) => isUnder(mount.mountPath, prefix))) continue;
      this.at(
        section,
        property,
        'error',
        `${what} ${path} is not under any volume mount, so Fluent Bit finds nothing there`,
        `mount the host directory (e.g. hostPath ${prefix}) into the container (daemonSetVolumeMounts)`,
      );
    }
  }

  private checkMounts(
    service: ConfigSection[],
    inputs: ConfigSection[],
    storagePath: ConfigProperty | undefined,
  ): void {
    if (storagePath && storagePath.value !== '' && !hasEnv(storagePath.value)) {
      const section = service.find((candidate) => candidate.properties.includes(storagePath))!;
      const path = storagePath.value.startsWith('/') ? storagePath.value : `${WORK_DIR}/${storagePath.value}`;
      this.checkWritable(section, storagePath, 'storage.path', normalizeDir(path));
    }
    for (const input of inputs) {
      const name = pluginName(input);
      if (name !== 'tail' && name !== 'systemd') continue;
      const db = prop(input, 'db');
      if (db && db.value !== '' && !hasEnv(db.value)) {
        const path = db.value.startsWith('/') ? db.value : `${WORK_DIR}/${db.value}`;
        const directory = path.slice(0, path.lastIndexOf('/')) || '/';
        this.checkWritable(input, db, 'DB', directory);
      }
      const path = prop(input, 'path');
      if (path && path.value !== '') this.checkReadable(input, path, name === 'tail' ? 'Path' : 'journal Path');
    }
  }

  // ---------------------------------------------------------------- 10. ${VAR}

  private checkEnvReferences(): void {
    for (const section of this.allSections) {
      for (const property of section.properties) {
        for (const reference of envReferences(property.value)) {
          if (this.variables.has(reference.name) || this.input.environment?.includes(reference.name)) continue;
          if (/[:=]/.test(reference.name) || reference.name === '') {
            this.at(
              section,
              property,
              'warning',
              `${reference.text} was not substituted by Flux and is not a Fluent Bit variable: Fluent Bit expands it to an empty string`,
              'define the variable in the Flux substituteFrom sources, or write the value in place',
            );
            continue;
          }
          this.at(
            section,
            property,
            'warning',
            `${reference.text} is expanded by Fluent Bit from its environment; empty if unset${reference.fallback !== undefined ? ` (then "${reference.fallback}")` : ''}`,
            `define ${reference.name} in the Flux substituteFrom sources if Flux should fill it, else set it in the container env (env/envFrom)`,
          );
        }
      }
    }
  }

  // ---------------------------------------------------------------- files nobody loads

  private checkUnusedFiles(): void {
    const values = this.allSections.flatMap((section) => section.properties.map((property) => property.value));
    for (const [name, content] of Object.entries(this.input.files)) {
      // The chart always writes custom_parsers.conf; empty, it loses nothing by not being loaded.
      if (this.referenced.has(name) || content.trim() === '') continue;
      const path = `${CONFIG_DIR}/${name}`;
      if (values.some((value) => value.includes(path) || value.split(/[\s,]+/).includes(name))) continue;
      this.report({
        severity: 'warning',
        file: name,
        message: `${path} is never loaded: no @INCLUDE, Parsers_File or property refers to it`,
        fix: `add "@INCLUDE ${path}" to fluent-bit.conf (or "Parsers_File ${path}" to [SERVICE] for parsers), or remove the file`,
      });
    }
  }
}

/**
 * Whether a storage.type may be filesystem: true for filesystem, and for values we cannot know
 * (`${VAR}`) or that are invalid (reported on their own), so no second finding follows from them.
 */
function maybeFilesystem(value: string | undefined): boolean {
  if (value === undefined || value === '') return false;
  return hasEnv(value) || !['memory', 'memrb'].includes(lower(value));
}

/** A tag pattern: tail's `<group>` placeholders and `${VAR}` stand for any text. */
function toPattern(tag: string): string {
  return tag.replace(/<[^>]*>/g, '*').replace(/\$\{[^}]*\}/g, '*');
}

/**
 * Whether a FILTER/OUTPUT receives a producer's records: true, false, or undefined when only a
 * Match_Regex exists and JavaScript cannot compile it. Match_Regex is anchored at the start of
 * the tag (src/flb_router.c: onig_match at offset 0).
 */
function matchesTag(section: ConfigSection, producer: Producer): boolean | undefined {
  const match = prop(section, 'match')?.value;
  const matchRegex = prop(section, 'match_regex')?.value;
  let unknown = false;
  if (matchRegex) {
    try {
      const regex = new RegExp(`^(?:${matchRegex})`);
      if (sampleTags(producer.tag, producer.samples).some((tag) => regex.test(tag))) return true;
    } catch {
      unknown = true;
    }
  }
  if (match && globsIntersect(toPattern(match), producer.tag)) return true;
  return unknown && !match ? undefined : false;
}

/** Fluent Bit sizes: bytes, or a number with k/K, m/M, g/G (powers of 1024). */
function sizeInBytes(value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([kmg]?)b?$/i.exec(value.trim());
  if (!match) return Number.NaN;
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[match[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Number(match[1]) * unit;
}
