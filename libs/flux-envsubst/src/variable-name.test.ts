import { describe, expect, it } from 'vitest';
import { SubstitutionError } from './substitution-error';
import { assertValidVariableNames, isValidVariableName } from './variable-name';

describe('isValidVariableName', () => {
  it.each(['a', 'A', '_', '_a1', 'cluster_env', 'CLUSTER_REGION', 'x9', '__proto__'])('accepts %j', (name) => {
    expect(isValidVariableName(name)).toBe(true);
  });

  it.each(['', '1a', 'a-b', 'a.b', 'a b', 'Ä', 'é', 'a\n', ' a', '${a}', 'a$'])('rejects %j', (name) => {
    expect(isValidVariableName(name)).toBe(false);
  });
});

describe('assertValidVariableNames', () => {
  it('passes valid names', () => {
    expect(() => assertValidVariableNames(['a', '_b'])).not.toThrow();
  });

  it("throws Flux's message for the first invalid name", () => {
    expect(() => assertValidVariableNames(['ok', 'my-var', 'x.y'])).toThrow(
      new SubstitutionError(
        "envsubst error: 'my-var' var name is invalid, must match '^[_[:alpha:]][_[:alpha:][:digit:]]*$'",
        { reason: 'invalid-variable-name', variable: 'my-var' },
      ),
    );
  });
});
