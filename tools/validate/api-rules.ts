/**
 * What the API server checks beyond the OpenAPI schemas: object names per kind, the size of
 * ConfigMaps and Secrets, and API versions that no longer exist.
 */
import { DNS1123_LABEL } from '@gitops/cluster';

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

/** Kinds whose names are stricter than a DNS-1123 subdomain (k8s.io/apimachinery validation). */
const NAME_RULES: Readonly<Record<string, { what: string; pattern: RegExp; max: number }>> = {
  Namespace: { what: 'a DNS-1123 label', pattern: DNS1123_LABEL, max: 63 },
  // Service names become DNS labels and env var prefixes: RFC 1035, starting with a letter.
  Service: { what: 'a DNS-1035 label (starting with a letter)', pattern: DNS1035_LABEL, max: 63 },
};
const DEFAULT_NAME_RULE = { what: 'a DNS-1123 subdomain', pattern: DNS1123_SUBDOMAIN, max: 253 };

export interface ApiRuleViolation {
  path: string;
  message: string;
  fix: string;
}

/** metadata.name (and namespace) as the API server validates them for the kind. */
export function nameViolations(object: Record<string, unknown>): ApiRuleViolation[] {
  const metadata = (object['metadata'] ?? {}) as { name?: unknown; namespace?: unknown };
  const violations: ApiRuleViolation[] = [];
  const rule = NAME_RULES[String(object['kind'])] ?? DEFAULT_NAME_RULE;
  if (typeof metadata.name === 'string' && (!rule.pattern.test(metadata.name) || metadata.name.length > rule.max)) {
    violations.push({
      path: 'metadata.name',
      message: `name ${JSON.stringify(metadata.name)} is not ${rule.what} of at most ${rule.max} characters: the API server rejects the ${String(object['kind'])}`,
      fix: "use lower-case letters, digits and '-'" + (rule === DEFAULT_NAME_RULE ? " (and '.')" : ''),
    });
  }
  if (typeof metadata.namespace === 'string' && (!DNS1123_LABEL.test(metadata.namespace) || metadata.namespace.length > 63)) {
    violations.push({ path: 'metadata.namespace', message: `namespace ${JSON.stringify(metadata.namespace)} is not a DNS-1123 label`, fix: "use lower-case letters, digits and '-', at most 63" });
  }
  return violations;
}

/** The API server's limit on a ConfigMap's data and a Secret's data (validation.go: 1 MiB). */
export const MAX_CONFIG_BYTES = 1024 * 1024;

const utf8Length = (text: string) => Buffer.byteLength(text, 'utf8');

/** ConfigMap: keys plus values of data and binaryData; Secret: decoded values (stringData included). */
export function sizeViolations(object: Record<string, unknown>): ApiRuleViolation[] {
  const kind = object['kind'];
  if (object['apiVersion'] !== 'v1' || (kind !== 'ConfigMap' && kind !== 'Secret')) return [];
  const entries = (field: string) => Object.entries((object[field] ?? {}) as Record<string, unknown>).filter(([, value]) => typeof value === 'string') as Array<[string, string]>;
  const size =
    kind === 'ConfigMap'
      ? [...entries('data'), ...entries('binaryData')].reduce(
          (total, [key, value]) => total + utf8Length(key) + (entries('binaryData').some(([k]) => k === key) ? Buffer.from(value, 'base64').length : utf8Length(value)),
          0,
        )
      : entries('data').reduce((total, [, value]) => total + Buffer.from(value, 'base64').length, 0) +
        entries('stringData').reduce((total, [, value]) => total + utf8Length(value), 0);
  return size > MAX_CONFIG_BYTES
    ? [{ path: 'data', message: `${kind} holds ${size} bytes, over the API server's limit of ${MAX_CONFIG_BYTES} (1 MiB): it is rejected`, fix: 'split it, or keep large content elsewhere (an image, a volume)' }]
    : [];
}

/** API versions that were served once and are removed: what replaces them, and where they went. */
const REMOVED: ReadonlyArray<{ apiVersion: string; kinds?: readonly string[]; use: string; since: string }> = [
  // Flux: the CRDs we pin serve only v2 (helm) and v1 (kustomize, source); upstream removed the
  // betas (helm-controller d7cd9ae v2beta1, 34861e7 v2beta2; source-controller f3ba9f9 v1beta2).
  { apiVersion: 'helm.toolkit.fluxcd.io/v2beta1', use: 'helm.toolkit.fluxcd.io/v2', since: 'the Flux CRDs pinned here (helm-controller removed it)' },
  { apiVersion: 'helm.toolkit.fluxcd.io/v2beta2', use: 'helm.toolkit.fluxcd.io/v2', since: 'the Flux CRDs pinned here (helm-controller removed it)' },
  { apiVersion: 'kustomize.toolkit.fluxcd.io/v1beta1', use: 'kustomize.toolkit.fluxcd.io/v1', since: 'the Flux CRDs pinned here (kustomize-controller serves only v1)' },
  { apiVersion: 'kustomize.toolkit.fluxcd.io/v1beta2', use: 'kustomize.toolkit.fluxcd.io/v1', since: 'the Flux CRDs pinned here (kustomize-controller serves only v1)' },
  { apiVersion: 'source.toolkit.fluxcd.io/v1beta1', use: 'source.toolkit.fluxcd.io/v1', since: 'the Flux CRDs pinned here (source-controller removed it)' },
  { apiVersion: 'source.toolkit.fluxcd.io/v1beta2', use: 'source.toolkit.fluxcd.io/v1', since: 'the Flux CRDs pinned here (source-controller removed it after v1.7)' },
  // Kubernetes: the deprecated API migration guide.
  { apiVersion: 'extensions/v1beta1', kinds: ['Deployment', 'DaemonSet', 'ReplicaSet'], use: 'apps/v1', since: 'Kubernetes 1.16' },
  { apiVersion: 'extensions/v1beta1', kinds: ['NetworkPolicy'], use: 'networking.k8s.io/v1', since: 'Kubernetes 1.16' },
  { apiVersion: 'extensions/v1beta1', kinds: ['Ingress'], use: 'networking.k8s.io/v1', since: 'Kubernetes 1.22' },
  { apiVersion: 'apps/v1beta1', use: 'apps/v1', since: 'Kubernetes 1.16' },
  { apiVersion: 'apps/v1beta2', use: 'apps/v1', since: 'Kubernetes 1.16' },
  { apiVersion: 'networking.k8s.io/v1beta1', use: 'networking.k8s.io/v1', since: 'Kubernetes 1.22' },
  { apiVersion: 'batch/v1beta1', kinds: ['CronJob'], use: 'batch/v1', since: 'Kubernetes 1.25' },
  { apiVersion: 'policy/v1beta1', kinds: ['PodDisruptionBudget'], use: 'policy/v1', since: 'Kubernetes 1.25' },
  { apiVersion: 'autoscaling/v2beta1', use: 'autoscaling/v2', since: 'Kubernetes 1.25' },
  { apiVersion: 'autoscaling/v2beta2', use: 'autoscaling/v2', since: 'Kubernetes 1.26' },
  { apiVersion: 'rbac.authorization.k8s.io/v1beta1', use: 'rbac.authorization.k8s.io/v1', since: 'Kubernetes 1.22' },
];

/** The replacement of a removed apiVersion/kind, for a clearer finding than "no schema". */
export function removedApi(apiVersion: string, kind: string): { use: string; since: string } | undefined {
  const entry = REMOVED.find((removed) => removed.apiVersion === apiVersion && (!removed.kinds || removed.kinds.includes(kind)));
  return entry && { use: entry.use, since: entry.since };
}
