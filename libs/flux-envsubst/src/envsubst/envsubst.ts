/** envsubst as fluxcd/pkg/envsubst v1.7.0 does it: parse the whole text first, then expand left to right. */
import { fromBytes, toBytes } from '../go/bytes';
import { SubstitutionError } from '../substitution-error';
import { applyOperator, DEFAULT_OPERATORS } from './operators';
import { parseTemplate } from './parse';
import type { Expansion, Fragment, Template } from './template';

export interface EnvsubstOptions {
  /** Fail on a variable that is not set, unless a default-style operator (`:=`, `:-`, ...) handles it. */
  readonly strict: boolean;
}

/**
 * Substitutes `${...}` expressions in `text`. `lookup` returns undefined for an unset variable; a variable set to ''
 * is set. Non-strict mode treats unset as ''. Values are inserted verbatim, never expanded again.
 * Throws SubstitutionError on a syntax error (nothing is substituted then) or, in strict mode, an unset variable.
 */
export function envsubst(text: string, lookup: (name: string) => string | undefined, options: EnvsubstOptions): string {
  return fromBytes(envsubstBytes(text, lookup, options));
}

/** envsubst returning the UTF-8 bytes Go would produce (a byte string), which may be malformed UTF-8. */
export function envsubstBytes(
  text: string,
  lookup: (name: string) => string | undefined,
  options: EnvsubstOptions,
): string {
  const template = parseTemplate(toBytes(text));
  const lookupBytes = (variable: string): string | undefined => {
    const value = lookup(fromBytes(variable));
    return value === undefined ? undefined : toBytes(value);
  };
  return expandTemplate(template, lookupBytes, options.strict);
}

/** Expands a parsed template over byte strings. */
export function expandTemplate(
  template: Template,
  lookup: (variable: string) => string | undefined,
  strict: boolean,
): string {
  const expandFragment = (fragment: Fragment): string => (fragment.kind === 'text' ? fragment.text : expand(fragment));

  const expand = (expansion: Expansion): string => {
    // Operands are expanded before the variable is looked up, so strict mode rejects an unset variable inside a
    // default even when that default is not needed (`${set:=${unset}}`).
    const args = expansion.args.map(expandFragment);
    const value = lookup(expansion.variable);
    if (value === undefined && strict && !DEFAULT_OPERATORS.has(expansion.operator)) {
      const name = fromBytes(expansion.variable);
      throw new SubstitutionError(`variable not set (strict mode): "${name}"`, {
        reason: 'unset-variable',
        variable: name,
      });
    }
    return applyOperator(expansion.operator, value ?? '', args);
  };

  let output = '';
  for (const fragment of template) output += expandFragment(fragment);
  return output;
}
