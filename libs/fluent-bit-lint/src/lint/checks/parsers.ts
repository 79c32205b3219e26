/** 4. [PARSER] sections, parser names (duplicates, undefined references) and Parsers_File paths. */
import { BUILTIN_MULTILINE_PARSERS, PARSER_KEYS } from '../../fluent-bit-5.1.1';
import type { ConfigProperty, ConfigSection } from '../../types';
import { closest } from '../../util';
import { CONFIG_DIR, IMAGE_PARSERS_FILE } from '../constants';
import { at, type LintContext } from '../context';
import type { LoadedParsers, ParserDefinition } from '../load';
import { hasEnv, lower, pluginName, prop, props } from '../sections';
import { checkKeys } from './keys';

export function checkParserSection(ctx: LintContext, section: ConfigSection): void {
  checkKeys(ctx, section, PARSER_KEYS, 'Fluent Bit ignores it');
  const name = prop(section, 'name');
  const format = prop(section, 'format');
  if (!name) {
    at(ctx, section, undefined, 'error', '[PARSER] has no Name: Fluent Bit does not start', 'add "Name <parser name>"');
    return;
  }
  if (!format) {
    at(
      ctx,
      section,
      undefined,
      'error',
      `parser ${name.value} has no Format: Fluent Bit does not start`,
      'add "Format json" (or regex, ltsv, logfmt)',
    );
  } else if (!hasEnv(format.value) && !['regex', 'json', 'ltsv', 'logfmt'].includes(lower(format.value))) {
    at(
      ctx,
      section,
      format,
      'error',
      `parser ${name.value} has an invalid Format "${format.value}": Fluent Bit does not start`,
      'use Format regex, json, ltsv or logfmt',
    );
  } else if (lower(format.value) === 'regex' && !prop(section, 'regex')) {
    at(
      ctx,
      section,
      format,
      'error',
      `parser ${name.value} has Format regex but no Regex: Fluent Bit does not start`,
      'add "Regex <pattern>"',
    );
  }
}

export function checkParsers(
  ctx: LintContext,
  loaded: LoadedParsers,
  inputs: ConfigSection[],
  filters: ConfigSection[],
): void {
  const { parsers, multiline, imageLoaded, unseen } = loaded;
  const image = new Set(imageLoaded ? ctx.input.imageParsers : []);
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
        at(
          ctx,
          section,
          nameProperty,
          'error',
          `parser "${name}" is already defined by the image's ${IMAGE_PARSERS_FILE}: Fluent Bit 5.1 refuses to start ("parser named '${name}' already exists")`,
          `remove this [PARSER] (the image's ${name} parser is used as is) or give it another name`,
        );
      } else if (index > 0) {
        const first = definitions[0]!.section!;
        at(
          ctx,
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
    const inImage = !imageLoaded && ctx.input.imageParsers.includes(name);
    const suggestion = closest(name, [...defined]);
    at(
      ctx,
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
      at(
        ctx,
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
  for (const section of ctx.allSections) {
    if (section.kind !== 'MULTILINE_PARSER') continue;
    const parser = prop(section, 'parser');
    if (parser) checkParser(section, parser, parser.value);
  }
}

/** Relative Parsers_File paths resolve against --workdir first, then the config's folder. */
export function checkParsersFilePaths(ctx: LintContext, service: ConfigSection[]): void {
  for (const section of service) {
    for (const file of props(section, 'parsers_file')) {
      if (file.value.startsWith('/') || hasEnv(file.value)) continue;
      at(
        ctx,
        section,
        file,
        'warning',
        `Parsers_File ${file.value} is relative: it resolves against --workdir (/fluent-bit/etc) first, which is easy to misread`,
        `use an absolute path (${IMAGE_PARSERS_FILE} or ${CONFIG_DIR}/<file>)`,
      );
    }
  }
}
