/**
 * Flux's rule for postBuild variable names (fluxcd/pkg kustomize_varsub.go `varsubRegex`). Go's POSIX classes are
 * ASCII-only, so `[[:alpha:]]` is `[A-Za-z]`.
 */
import { SubstitutionError } from './substitution-error';

export const VARIABLE_NAME_PATTERN = '^[_[:alpha:]][_[:alpha:][:digit:]]*$';

const VARIABLE_NAME = /^[_A-Za-z][_A-Za-z0-9]*$/;

/** Flux variable-name rule: a letter or `_`, then letters, digits or `_` (ASCII only). */
export function isValidVariableName(name: string): boolean {
  return VARIABLE_NAME.test(name);
}

/** Throws Flux's error for the first invalid name. Flux checks every variable, referenced or not. */
export function assertValidVariableNames(names: Iterable<string>): void {
  for (const name of names) {
    if (!isValidVariableName(name)) {
      throw new SubstitutionError(
        `envsubst error: '${name}' var name is invalid, must match '${VARIABLE_NAME_PATTERN}'`,
        {
          reason: 'invalid-variable-name',
          variable: name,
        },
      );
    }
  }
}
