/**
 * Loading: the entry point and its @INCLUDEs, the Parsers_File files and the Upstream files, resolved
 * the way Fluent Bit does (--workdir first, then the config dir).
 */
import { BUILTIN_MULTILINE_PARSERS, IMAGE_ETC_FILES, MULTILINE_PARSER_KEYS, UPSTREAM_KEYS } from '../fluent-bit-5.1.1';
import { parseClassicConfig } from '../parse';
import { isYamlFile, parseYamlConfig } from '../parse-yaml';
import type { ConfigSection, ParsedClassicConfig } from '../types';
import { globToRegExp } from '../util';
import { checkKeys, unknownKind } from './checks/keys';
import { checkParserSection } from './checks/parsers';
import { ALL_KINDS, CONFIG_DIR, IMAGE_PARSERS_FILE, WORK_DIR } from './constants';
import { at, report, type LintContext } from './context';
import { hasEnv, lower, own, prop, props } from './sections';

/** A resolved path: a file we were given, a file of the image, or something we cannot see. */
export type Resolved =
  | { kind: 'file'; name: string; path: string }
  | { kind: 'image'; path: string }
  | { kind: 'missing'; path: string }
  | { kind: 'outside'; path: string };

export interface ParserDefinition {
  name: string;
  /** undefined for the image's parsers.conf */
  section?: ConfigSection;
}

/** The parsers the Parsers_File entries load. */
export interface LoadedParsers {
  /** parser definitions in load order */
  parsers: ParserDefinition[];
  /** multiline parser names (lower-case), built-in ones included */
  multiline: Set<string>;
  /** whether the image's parsers.conf is loaded */
  imageLoaded: boolean;
  /** parsers files we cannot see */
  unseen: string[];
}

/** Reports a missing entry point (then there is nothing to load), else loads it with its @INCLUDEs. */
export function loadEntryPoint(ctx: LintContext): ConfigSection[] | undefined {
  const entry = ctx.entryPoint;
  if (own(ctx.input.files, entry) === undefined) {
    report(ctx, {
      severity: 'error',
      file: entry,
      message: `${CONFIG_DIR}/${entry} is missing: Fluent Bit has no configuration`,
      fix: isYamlFile(entry)
        ? `provide ${entry} (chart values config.extraFiles)`
        : 'provide fluent-bit.conf (chart values config.service/inputs/filters/outputs)',
    });
    return undefined;
  }
  const main = loadMain(ctx, entry, []);
  // YAML: `service` may be defined once across the main file and its includes (flb_cf_yaml.c service_set).
  if (isYamlFile(entry)) {
    const services = main.filter((section) => section.kind === 'SERVICE' && isYamlFile(section.file));
    for (const section of services.slice(1)) {
      const first = services[0]!;
      report(ctx, {
        severity: 'error',
        file: section.file,
        line: section.line,
        section: '[SERVICE]',
        message: `duplicated definition of 'service' (also at ${first.file}:${first.line}): Fluent Bit does not start`,
        fix: 'define service once, in the main file',
      });
    }
  }
  return main;
}

/** Parses a file we were given and records it as loaded. */
function parseFile(ctx: LintContext, name: string): ParsedClassicConfig {
  const text = ctx.input.files[name]!;
  const parsed = isYamlFile(name) ? parseYamlConfig(text, name) : parseClassicConfig(text, name);
  if (!ctx.fileOrder.includes(name)) ctx.fileOrder.push(name);
  ctx.loaded.add(name);
  ctx.referenced.add(name);
  ctx.findings.push(...parsed.findings);
  for (const [key, value] of Object.entries(parsed.variables)) ctx.variables.set(key, value);
  ctx.allSections.push(...parsed.sections);
  return parsed;
}

function parse(ctx: LintContext, name: string): ConfigSection[] {
  return parseFile(ctx, name).sections;
}

/**
 * Resolves a path the way Fluent Bit does for @INCLUDE and Parsers_File (cwd first, then the config
 * dir); a YAML `includes` entry resolves against the including file's directory only (read_config).
 */
function resolve(ctx: LintContext, path: string, relativeTo: 'workdir-first' | 'config-dir' = 'workdir-first'): Resolved[] {
  const files = ctx.input.files;
  if (path.startsWith('/')) {
    if (path.startsWith(`${CONFIG_DIR}/`)) {
      const name = path.slice(CONFIG_DIR.length + 1);
      if (name.includes('*')) return glob(ctx, name);
      return own(files, name) !== undefined ? [{ kind: 'file', name, path }] : [{ kind: 'missing', path }];
    }
    if (path.startsWith(`${WORK_DIR}/`) && IMAGE_ETC_FILES.includes(path.slice(WORK_DIR.length + 1))) {
      return [{ kind: 'image', path }];
    }
    return [{ kind: 'outside', path }];
  }
  const relative = path.replace(/^\.\//, '');
  if (relativeTo === 'workdir-first' && IMAGE_ETC_FILES.includes(relative)) return [{ kind: 'image', path: `${WORK_DIR}/${relative}` }];
  if (relative.includes('*')) return glob(ctx, relative);
  return own(files, relative) !== undefined
    ? [{ kind: 'file', name: relative, path: `${CONFIG_DIR}/${relative}` }]
    : [{ kind: 'missing', path: `${CONFIG_DIR}/${relative}` }];
}

function glob(ctx: LintContext, pattern: string): Resolved[] {
  const regex = globToRegExp(pattern);
  const names = Object.keys(ctx.input.files)
    .filter((name) => regex.test(name))
    .sort();
  return names.length > 0
    ? names.map((name) => ({ kind: 'file' as const, name, path: `${CONFIG_DIR}/${name}` }))
    : [{ kind: 'missing', path: `${CONFIG_DIR}/${pattern}` }];
}

/** Parses a main-config file and inlines its @INCLUDEs where they appear. */
function loadMain(ctx: LintContext, name: string, chain: string[]): ConfigSection[] {
  const parsed = parseFile(ctx, name);
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
    const what = isYamlFile(name) ? 'includes:' : '@INCLUDE';
    for (const target of resolve(ctx, directive.argument, isYamlFile(name) ? 'config-dir' : 'workdir-first')) {
      const where = { severity: 'error' as const, file: name, line: directive.line };
      if (target.kind === 'missing') {
        report(ctx, {
          ...where,
          message: `${what} ${directive.argument}: ${target.path} does not exist, so Fluent Bit does not start`,
          fix: `add ${target.path.slice(CONFIG_DIR.length + 1)} to config.extraFiles or fix the path`,
        });
      } else if (target.kind === 'image' || target.kind === 'outside') {
        report(ctx, {
          ...where,
          severity: 'warning',
          message: `${what} ${directive.argument}: ${target.path} is not one of the chart's config files, so it is not checked`,
          fix: `put the file into config.extraFiles and include ${CONFIG_DIR}/<name>`,
        });
      } else if (chain.includes(target.name) || target.name === name || ctx.loaded.has(target.name)) {
        report(ctx, {
          ...where,
          message: `${what} ${directive.argument}: ${target.name} is included twice (or includes itself); Fluent Bit refuses it`,
          fix: 'include every file once',
        });
      } else {
        result.push(...loadMain(ctx, target.name, [...chain, name]));
      }
    }
  }
  return result;
}

/** Loads every Parsers_File in order; returns the parser definitions in load order. */
export function loadParsers(ctx: LintContext, service: ConfigSection[], inline: ConfigSection[] = []): LoadedParsers {
  const parsers: ParserDefinition[] = [];
  const multiline = new Set(BUILTIN_MULTILINE_PARSERS);
  const unseen: string[] = [];
  const seenPaths = new Set<string>();
  let imageLoaded = false;
  for (const section of service) {
    for (const property of props(section, 'parsers_file')) {
      if (hasEnv(property.value) || property.value === '') continue;
      const [target] = resolve(ctx, property.value);
      if (!target) continue;
      if (seenPaths.has(target.path)) {
        at(
          ctx,
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
        at(
          ctx,
          section,
          property,
          'error',
          `Parsers_File ${property.value}: ${target.path} does not exist, so Fluent Bit 5.1 does not start`,
          'fix the path or add the file (config.customParsers is custom_parsers.conf)',
        );
      } else if (target.kind === 'image') {
        if (target.path === IMAGE_PARSERS_FILE) {
          imageLoaded = true;
          for (const name of ctx.input.imageParsers) parsers.push({ name });
        } else {
          unseen.push(target.path);
        }
      } else if (target.kind === 'outside') {
        unseen.push(target.path);
        at(
          ctx,
          section,
          property,
          'warning',
          `Parsers_File ${target.path} is not one of the chart's config files, so it is not checked`,
          `put the parsers into config.customParsers (${CONFIG_DIR}/custom_parsers.conf)`,
        );
      } else {
        addParserSections(ctx, parse(ctx, target.name), parsers, multiline);
      }
    }
  }
  // YAML: parsers defined inline are loaded after every parsers_file (flb_config.c).
  addParserSections(ctx, inline, parsers, multiline);
  return { parsers, multiline, imageLoaded, unseen };
}

/** Records the parsers and multiline parsers of a parsers file (or of YAML `parsers:`), checking each. */
function addParserSections(ctx: LintContext, sections: ConfigSection[], parsers: ParserDefinition[], multiline: Set<string>): void {
  for (const parsed of sections) {
    if (parsed.kind === 'PARSER') {
      const name = prop(parsed, 'name');
      parsers.push({ name: name?.value ?? '', section: parsed });
      checkParserSection(ctx, parsed);
    } else if (parsed.kind === 'MULTILINE_PARSER') {
      const name = prop(parsed, 'name');
      if (name) multiline.add(lower(name.value));
      checkKeys(ctx, parsed, MULTILINE_PARSER_KEYS, 'Fluent Bit ignores it');
      if (!name)
        at(
          ctx,
          parsed,
          undefined,
          'error',
          '[MULTILINE_PARSER] has no Name: Fluent Bit does not start',
          'add "Name <parser name>"',
        );
    } else if (ALL_KINDS.includes(parsed.kind)) {
      at(
        ctx,
        parsed,
        undefined,
        'warning',
        `[${parsed.kind}] is ignored in a parsers file`,
        'move it to the main configuration or remove it',
      );
    } else {
      unknownKind(ctx, parsed);
    }
  }
}

/** out_forward / out_es `Upstream` files (UPSTREAM and NODE sections). */
export function loadUpstreams(ctx: LintContext, outputs: ConfigSection[]): void {
  for (const output of outputs) {
    const upstream = prop(output, 'upstream');
    if (!upstream || hasEnv(upstream.value)) continue;
    const [target] = resolve(ctx, upstream.value);
    if (!target) continue;
    if (target.kind === 'missing') {
      at(
        ctx,
        output,
        upstream,
        'error',
        `Upstream ${upstream.value}: ${target.path} does not exist`,
        'add the file to config.extraFiles or fix the path',
      );
    } else if (target.kind === 'file' && !ctx.loaded.has(target.name)) {
      for (const section of parse(ctx, target.name)) {
        if (section.kind === 'UPSTREAM') checkKeys(ctx, section, UPSTREAM_KEYS, 'Fluent Bit ignores it');
        else if (section.kind !== 'NODE') unknownKind(ctx, section);
      }
    }
  }
}
