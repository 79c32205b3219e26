/**
 * Classic-mode parser that follows Fluent Bit 5.1.1's reader
 * (src/config_format/flb_cf_fluentbit.c read_config and check_indent):
 * - blank lines and lines starting with `#` in column 0 are skipped;
 * - `@INCLUDE <path>` and `@SET NAME=value` start in column 0;
 * - `[NAME]` in column 0 opens a section;
 * - the first property line of a file fixes the indentation; later property lines must use
 *   the same indentation (or exactly twice it, for group content); an indented `#` is a comment;
 * - a property line is `key value`, split at the first space; key and value are trimmed and the
 *   value must not be empty. Keys are compared case-insensitively.
 */
import type { ConfigDirective, ConfigSection, ParsedClassicConfig, PipelineFinding } from './types';

const isBlank = (character: string | undefined): boolean => character === ' ' || character === '\t';

/** Section names read as written, plural forms Fluent Bit also accepts, and the names get_section_type() tries as prefixes. */
const KNOWN_KINDS = [
  'SERVICE',
  'INPUT',
  'FILTER',
  'OUTPUT',
  'CUSTOM',
  'PARSER',
  'MULTILINE_PARSER',
  'UPSTREAM',
  'NODE',
  'PLUGINS',
  'STREAM_TASK',
  'ENV',
];
const PLURAL_KINDS: Record<string, string> = {
  INPUTS: 'INPUT',
  FILTERS: 'FILTER',
  OUTPUTS: 'OUTPUT',
  CUSTOMS: 'CUSTOM',
};
/** src/config_format/flb_config_format.c get_section_type(): strncasecmp(name, type, strlen(name)), in this order. */
const PREFIX_KINDS = [
  'SERVICE',
  'PARSER',
  'MULTILINE_PARSER',
  'STREAM_PROCESSOR',
  'PLUGINS',
  'UPSTREAM_SERVERS',
  'CUSTOM',
  'INPUT',
  'FILTER',
  'OUTPUT',
];

/** The canonical kind of a section name, and whether Fluent Bit only accepts it as an abbreviation. */
function sectionKind(name: string): { kind: string; abbreviated: boolean } {
  const upper = name.trim().toUpperCase();
  if (KNOWN_KINDS.includes(upper)) return { kind: upper, abbreviated: false };
  const plural = PLURAL_KINDS[upper];
  if (plural) return { kind: plural, abbreviated: false };
  const prefixed = upper === '' ? undefined : PREFIX_KINDS.find((kind) => kind.startsWith(upper));
  return prefixed ? { kind: prefixed, abbreviated: true } : { kind: upper, abbreviated: false };
}

/** How a section is named in findings: `[OUTPUT] http (match kube.*)`. */
export function sectionLabel(section: ConfigSection): string {
  const get = (key: string) => section.properties.find((property) => property.key.toLowerCase() === key)?.value;
  const name = get('name');
  const head = name === undefined ? `[${section.kind}]` : `[${section.kind}] ${name}`;
  if (section.kind === 'INPUT') {
    const tag = get('tag');
    return tag === undefined ? head : `${head} (tag ${tag})`;
  }
  if (section.kind === 'FILTER' || section.kind === 'OUTPUT') {
    const match = get('match');
    const matchRegex = get('match_regex');
    if (match !== undefined) return `${head} (match ${match})`;
    if (matchRegex !== undefined) return `${head} (match_regex ${matchRegex})`;
  }
  return head;
}

/** Parses one classic-mode file: sections, `key value` lines (indentation, comments `#`, blank lines, @INCLUDE / @SET directives); syntax problems become findings. */
export function parseClassicConfig(text: string, file: string): ParsedClassicConfig {
  const sections: ConfigSection[] = [];
  const includes: string[] = [];
  const findings: PipelineFinding[] = [];
  const directives: ConfigDirective[] = [];
  const variables: Record<string, string> = {};
  let current: ConfigSection | undefined;
  /** after a broken header, its property lines are skipped rather than reported again */
  let orphaned = false;
  let indent: string | undefined;

  const error = (line: number, message: string, fix: string, property?: string) =>
    findings.push({
      severity: 'error',
      file,
      line,
      ...(current ? { section: `[${current.kind}]` } : {}),
      ...(property !== undefined ? { property } : {}),
      message,
      fix,
    });

  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const lineNumber = index + 1;
    const line = lines[index]!.replace(/\r$/, '');
    if (line === '' || line.startsWith('#')) continue;

    if (line.startsWith('@')) {
      if (line.length > 9 && line.slice(0, 9).toUpperCase() === '@INCLUDE ') {
        const path = line.slice(9).trim();
        includes.push(path);
        directives.push({ command: 'INCLUDE', argument: path, line: lineNumber });
        continue;
      }
      const space = line.indexOf(' ');
      if (line.length <= 3 || space < 0) {
        error(lineNumber, `directive "${line}" has no argument`, 'write "@INCLUDE <file>" or "@SET NAME=value"');
        continue;
      }
      const command = line.slice(1, space).toUpperCase();
      const argument = line.slice(space + 1);
      directives.push({ command, argument, line: lineNumber });
      if (command === 'SET') {
        const equals = argument.indexOf('=');
        if (equals < 0) {
          error(lineNumber, `@SET "${argument}" has no "=": Fluent Bit rejects it`, 'write "@SET NAME=value"');
        } else {
          variables[argument.slice(0, equals)] = argument.slice(equals + 1);
        }
      } else {
        findings.push({
          severity: 'warning',
          file,
          line: lineNumber,
          message: `unknown directive @${command}: Fluent Bit ignores it`,
          fix: 'use @INCLUDE or @SET, or remove the line',
        });
      }
      continue;
    }

    if (line.startsWith('[')) {
      const end = line.indexOf(']');
      if (end < 0) {
        current = undefined;
        error(lineNumber, `bad section header "${line}": no closing "]"`, 'close the header, e.g. "[INPUT]"');
        orphaned = true;
        continue;
      }
      const name = line.slice(1, end);
      const { kind, abbreviated } = sectionKind(name);
      orphaned = false;
      current = { kind, line: lineNumber, file, properties: [] };
      sections.push(current);
      if (abbreviated) {
        findings.push({
          severity: 'warning',
          file,
          line: lineNumber,
          section: `[${kind}]`,
          message: `[${name}] is read as [${kind}] only because Fluent Bit matches section names by prefix`,
          fix: `write [${kind}]`,
        });
      }
      continue;
    }

    // Property line: establish or check the indentation.
    let level: number;
    if (indent === undefined) {
      let i = 0;
      while (i < line.length && isBlank(line[i])) i++;
      if (i === line.length) {
        // Fluent Bit takes the indentation from the first non-header line, even a blank one
        indent = line;
        continue;
      }
      if (i === 0) {
        error(
          lineNumber,
          `property line "${line}" is not indented: Fluent Bit takes its first character as the indentation and misreads the key`,
          'indent property lines (e.g. 4 spaces) under their [SECTION] header',
        );
        level = 0;
      } else {
        indent = line.slice(0, i);
        level = i;
      }
    } else {
      if (line.trim() === '' && line !== indent && line.length !== 2 * indent.length) {
        error(
          lineNumber,
          'a line of only blanks that does not match the indentation: Fluent Bit rejects the file',
          'make the line empty',
        );
        continue;
      }
      let i = 0;
      while (i < indent.length && line[i] === indent[i]) i++;
      if (i < indent.length) {
        error(
          lineNumber,
          isBlank(line[i])
            ? 'inconsistent use of tabs and spaces in the indentation'
            : 'indentation level is too low (Fluent Bit rejects the file)',
          `indent every property line of this file with the same ${JSON.stringify(indent)}`,
        );
        continue;
      }
      level = i;
      if (isBlank(line[i])) {
        let extra = 0;
        while (isBlank(line[i + extra])) extra++;
        if (extra !== level) {
          error(
            lineNumber,
            'extra indentation level found (Fluent Bit rejects the file)',
            `indent with ${JSON.stringify(indent)} only`,
          );
          continue;
        }
        level += extra;
      }
    }
    if (level >= line.length || line[level] === '#') continue;
    if (!current && orphaned) continue;

    const rest = line.slice(level);
    const space = rest.indexOf(' ');
    if (rest.startsWith('[')) {
      // a group header such as "[processors]"; its content stays with the section
      if (rest.indexOf(']') < 0) error(lineNumber, `bad group header "${rest}"`, 'close the group header with "]"');
      continue;
    }
    if (space < 0) {
      error(
        lineNumber,
        `"${rest.trim()}" has no value (key and value are separated by a space)`,
        `write "${rest.trim()} <value>" or remove the line`,
        rest.trim(),
      );
      continue;
    }
    const key = rest.slice(0, space).trim();
    const value = rest.slice(space + 1).trim();
    if (!current) {
      error(lineNumber, `property "${key}" is outside any section`, 'put it under a [SECTION] header', key);
      continue;
    }
    if (value === '') {
      error(
        lineNumber,
        `${key} has an empty value`,
        `give ${key} a value (an empty Flux variable substitutes to nothing) or remove the line`,
        key,
      );
    } else if (/\s#/.test(value)) {
      findings.push({
        severity: 'warning',
        file,
        line: lineNumber,
        section: `[${current.kind}]`,
        property: key,
        message: `value of ${key} contains "#": classic mode has no end-of-line comments, so it is part of the value`,
        fix: 'move the comment to its own line',
      });
    }
    current.properties.push({ key, value, line: lineNumber });
  }

  return { sections, includes, findings, directives, variables };
}

/** Parser names defined in a parsers file (for the image's parsers.conf). */
export function parserNames(text: string): string[] {
  return parseClassicConfig(text, 'parsers.conf')
    .sections.filter((section) => section.kind === 'PARSER')
    .flatMap((section) => section.properties.filter((property) => property.key.toLowerCase() === 'name'))
    .map((property) => property.value);
}
