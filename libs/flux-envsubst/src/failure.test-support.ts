import { SubstitutionError } from './substitution-error';

/** The SubstitutionError `run` throws; anything else (or nothing) fails the test. */
export function failure(run: () => unknown): SubstitutionError {
  try {
    run();
  } catch (error) {
    if (error instanceof SubstitutionError) return error;
    throw error;
  }
  throw new Error('expected a SubstitutionError');
}
