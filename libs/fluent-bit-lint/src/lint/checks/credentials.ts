/** 11. Credentials only through the environment: never written into the configuration. */
import { at, type LintContext } from '../context';
import { hasEnv, lower } from '../sections';
import type { ConfigSection } from '../../types';

/** Keys that hold a secret (http_passwd, aws_secret_access_key, a token...), not where to find one. */
const SECRET_KEY = /passw|secret|token|api_?key/;
const NOT_A_SECRET = /(_file|_path|_command|_ttl|_refresh_interval|_header)$/;

export function checkCredentials(ctx: LintContext, sections: readonly ConfigSection[]): void {
  for (const section of sections) {
    for (const property of section.properties) {
      const key = lower(property.key);
      if (!SECRET_KEY.test(key) || NOT_A_SECRET.test(key) || property.value === '' || hasEnv(property.value)) continue;
      at(
        ctx,
        section,
        property,
        'error',
        `${property.key} is written inline: whoever reads the HelmRelease, its Git history or the chart's ConfigMap reads the credential`,
        `keep it in a Secret, pass it to the container as env (valueFrom.secretKeyRef) and write ${property.key} \${VARIABLE} (escaped $\${VARIABLE} for Flux)`,
      );
    }
  }
}
