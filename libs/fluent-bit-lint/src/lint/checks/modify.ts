/** 7. modify rules and conditions with the wrong number of words; record_modifier Record without KEY VALUE. */
import type { ConfigSection } from '../../types';
import { closest, splitTokens } from '../../util';
import { at, type LintContext } from '../context';
import { lower, props } from '../sections';

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

export function checkModify(ctx: LintContext, filter: ConfigSection): void {
  for (const property of filter.properties) {
    const key = lower(property.key);
    if (property.value === '') continue; // reported by the parser
    const tokens = splitTokens(property.value);
    if (!tokens) {
      at(
        ctx,
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
        at(
          ctx,
          filter,
          property,
          'error',
          `${property.key} ${property.value} has no value (an empty Flux variable?): the modify filter fails with "Invalid operation" and Fluent Bit does not start`,
          `write "${property.key} ${tokens[0]} <value>" (or give the variable a default, e.g. \${VAR:=unknown})`,
        );
      } else if (tokens.length > 2) {
        at(
          ctx,
          filter,
          property,
          'error',
          `${property.key} ${property.value} has more than KEY VALUE: Fluent Bit ${tokens.length === 3 ? 'silently turns it into a Rename of the first to the last word' : 'rejects it ("Invalid config")'}`,
          `quote a value with spaces: ${property.key} ${tokens[0]} "${tokens.slice(1).join(' ')}"`,
        );
      }
    } else if (MODIFY_ONE_ARG.includes(key) && tokens.length !== 1) {
      at(
        ctx,
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
        at(
          ctx,
          filter,
          property,
          'error',
          `unknown modify condition "${tokens[0]}": Fluent Bit does not start`,
          suggestion ? `did you mean "${suggestion}"?` : 'use a modify condition such as key_exists',
        );
      } else if (tokens.length !== arity) {
        at(
          ctx,
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

export function checkRecordModifier(ctx: LintContext, filter: ConfigSection): void {
  for (const property of props(filter, 'record')) {
    if (property.value === '') continue;
    const tokens = splitTokens(property.value, '"');
    if (tokens && tokens.length === 2) continue;
    at(
      ctx,
      filter,
      property,
      'error',
      `Record "${property.value}" is not KEY VALUE: record_modifier skips it ("invalid record parameters")`,
      'write "Record <key> <value>" and quote a value with spaces',
    );
  }
}
