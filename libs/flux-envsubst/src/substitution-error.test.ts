import { describe, expect, it } from 'vitest';
import { SubstitutionError } from './substitution-error';

describe('SubstitutionError', () => {
  it('carries a reason and, when relevant, the variable', () => {
    const error = new SubstitutionError('variable not set (strict mode): "x"', {
      reason: 'unset-variable',
      variable: 'x',
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('SubstitutionError');
    expect(error.variable).toBe('x');
    expect(error.reason).toBe('unset-variable');
  });

  it('leaves variable unset for errors about no particular variable', () => {
    expect(new SubstitutionError('bad substitution', { reason: 'syntax' })).not.toHaveProperty('variable');
  });

  it('prefixes context without losing reason, variable or cause', () => {
    const inner = new SubstitutionError('variable not set (strict mode): "x"', {
      reason: 'unset-variable',
      variable: 'x',
    });
    const outer = inner.withPrefix('envsubst error: variable substitution failed: ');
    expect(outer.message).toBe('envsubst error: variable substitution failed: variable not set (strict mode): "x"');
    expect(outer.variable).toBe('x');
    expect(outer.reason).toBe('unset-variable');
    expect(outer.cause).toBe(inner);
  });
});
