/** 9. Retry_Limit syntax, and small Retry_Limit values. */
import type { ConfigSection } from '../../types';
import { at, type LintContext } from '../context';
import { hasEnv, lower, prop } from '../sections';

export function checkRetryLimit(ctx: LintContext, output: ConfigSection): void {
  const retry = prop(output, 'retry_limit');
  if (!retry || retry.value === '' || hasEnv(retry.value)) return;
  const value = lower(retry.value);
  if (['no_limits', 'false', 'off'].includes(value)) return;
  if (value === 'no_retries') {
    at(
      ctx,
      output,
      retry,
      'warning',
      'Retry_Limit no_retries drops a chunk on its first failed flush',
      'use "Retry_Limit no_limits" (with filesystem buffering) or a large number',
    );
  } else if (!/^\d+$/.test(value) || Number(value) <= 0) {
    at(
      ctx,
      output,
      retry,
      'error',
      `Retry_Limit "${retry.value}" is invalid: Fluent Bit falls back to 1 retry`,
      'use a positive number, no_limits (or false, off) or no_retries',
    );
  } else if (Number(value) <= 10) {
    at(
      ctx,
      output,
      retry,
      'warning',
      `Retry_Limit ${value} drops each chunk after ${value} failed retries, so a backend outage of a few backoff periods loses logs (Retry_Limit 3: about 15-70 s with the default scheduler)`,
      'use "Retry_Limit no_limits" (with filesystem buffering) or a much larger number',
    );
  }
}
