import { prop, sectionLabel, serviceValue } from '@gitops/fluent-bit-lint';
import { quantityValue } from '@gitops/manifest';
import type { NetworkFacts } from './cluster-model';
import type { BuiltObject } from './flux-build';
import { located, type Finding } from './findings';
import { httpOutputs, mainSections, sectionLocation, type FluentBitValues } from './fluent-bit-chart';

type Release = BuiltObject & { object: { spec?: { values?: FluentBitValues } } };

/** Fluent Bit's own default for [SERVICE] http_port, and the chart's for metricsPort (values.yaml). */
const DEFAULT_HTTP_PORT = 2020;
const DEFAULT_METRICS_PORT = 2020;

/** Environment variable names that carry a credential. */
const SECRET_NAME = /PASSW|SECRET|TOKEN|API_?KEY|CREDENTIAL/i;

/**
 * Settings of one fluent-bit release that must agree with each other: the port Fluent Bit serves
 * on and the one the chart's probes and Service target, requests and limits, credentials only
 * from Secrets.
 */
export function releaseAgreementFindings(release: Release, sink?: NetworkFacts['logSink']): Finding[] {
  const values = release.object.spec?.values ?? {};
  const at = (check: Finding['check'], path: string, message: string, fix: string): Finding => located(check, release, path, message, fix);
  const findings: Finding[] = [];

  // Chart 0.58.1: containerPort `http` is metricsPort; the probes and the Service target `http`.
  const service = mainSections(values).filter((s) => s.kind === 'SERVICE');
  const serviceKey = (key: string) => serviceValue(service, key)?.value;
  const httpServer = serviceKey('http_server');
  const metricsPort = values.metricsPort ?? DEFAULT_METRICS_PORT;
  const serviceAt = service.length > 0 ? sectionLocation(values, service[service.length - 1]!) : { path: 'spec.values.config' };
  if (httpServer === undefined || !['on', 'true', 'yes', '1'].includes(httpServer.toLowerCase())) {
    findings.push({ ...at('cross-reference', serviceAt.path, `[SERVICE] http_server is ${httpServer ?? 'off (the default)'}: the chart's probes (/ and /api/v2/health on port http) fail and nothing serves metrics`, 'set http_server On'), ...serviceAt });
  } else {
    const httpPort = Number(serviceKey('http_port') ?? DEFAULT_HTTP_PORT);
    if (httpPort !== Number(metricsPort)) {
      findings.push(at('cross-reference', 'spec.values.metricsPort', `Fluent Bit serves HTTP on http_port ${httpPort}, but the chart's container port http (probes, Service, scrape) is metricsPort ${String(metricsPort)}: the pods never become ready`, `set metricsPort: ${httpPort}, or http_port ${String(metricsPort)}`));
    }
  }

  for (const resource of new Set([...Object.keys(values.resources?.requests ?? {}), ...Object.keys(values.resources?.limits ?? {})])) {
    const request = values.resources?.requests?.[resource];
    const limit = values.resources?.limits?.[resource];
    if (request === undefined || limit === undefined) continue;
    const [requested, limited] = [quantityValue(String(request)), quantityValue(String(limit))];
    if (requested !== undefined && limited !== undefined && requested > limited) {
      findings.push(at('helm-values', `spec.values.resources.requests.${resource}`, `request ${request} is above the limit ${limit}: the API server rejects the DaemonSet's pods`, `lower the request to at most ${limit}, or raise the limit`));
    }
  }

  (values.env ?? []).forEach((variable, index) => {
    if (variable.value !== undefined && SECRET_NAME.test(variable.name)) {
      findings.push(at('helm-values', `spec.values.env[${index}].value`, `${variable.name} is written inline in the values: whoever reads the HelmRelease or its Git history reads the credential`, `take it from a Secret: valueFrom.secretKeyRef { name, key }`));
    }
  });
  if (sink?.requiresCredentials) findings.push(...credentialFindings(release, sink.port));
  return findings;
}

/** The http outputs to the sink's port send basic-auth credentials (else 401, and the chunk is dropped). */
function credentialFindings(release: Release, port: number): Finding[] {
  const values = release.object.spec?.values ?? {};
  return httpOutputs(values)
    .filter((output) => output.port === port)
    .filter(({ section }) => !prop(section, 'http_user')?.value || !prop(section, 'http_passwd')?.value)
    .map(({ section }) => ({
      ...located(
        'cross-reference',
        release,
        'spec.values.config',
        `${sectionLabel(section)} sends no credentials, but the sink requires them: vmauth answers 401 and Fluent Bit drops every chunk without retrying`,
        'set logSink.credentials (http_user/http_passwd from a Secret through the environment)',
      ),
      ...sectionLocation(values, section),
    }));
}
