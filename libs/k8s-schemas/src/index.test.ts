import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KNOWN_KINDS, schemaPathOf, validateFluentBitChartValues, validateObject as validateKnown } from './index';

/** Manifests as parsed from YAML: any fields (object literals would hit excess-property checks). */
const validateObject = (object: Record<string, unknown>) => validateKnown(object);

const networkPolicy = () => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: 'fluent-bit-egress', namespace: 'observability', labels: { 'app.kubernetes.io/name': 'fluent-bit' } },
  spec: {
    podSelector: { matchLabels: { 'app.kubernetes.io/name': 'fluent-bit' } },
    policyTypes: ['Egress'],
    egress: [
      {
        to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'observability' } } }],
        ports: [{ protocol: 'TCP', port: 8427 }],
      },
      { to: [{ ipBlock: { cidr: '10.20.30.11/32' } }], ports: [{ protocol: 'TCP', port: 6443 }] },
    ],
  },
});

const helmRelease = () => ({
  apiVersion: 'helm.toolkit.fluxcd.io/v2',
  kind: 'HelmRelease',
  metadata: { name: 'fluent-bit', namespace: 'observability' },
  spec: {
    interval: '30m',
    chartRef: { kind: 'OCIRepository', name: 'fluent-bit', namespace: 'flux-system' },
    install: { remediation: { retries: 3 } },
    values: { anything: { goes: [1, 'two', { three: null }] }, volumes: [] },
  },
});

const daemonSet = (cpu: unknown) => ({
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'fluent-bit' },
  spec: {
    selector: { matchLabels: { app: 'fluent-bit' } },
    template: {
      metadata: { labels: { app: 'fluent-bit' } },
      spec: {
        containers: [
          {
            name: 'fluent-bit',
            image: 'cr.fluentbit.io/fluent/fluent-bit:5.1.1',
            ports: [{ name: 'http', containerPort: 2020 }],
            readinessProbe: { httpGet: { path: '/api/v1/health', port: 'http' } },
            resources: { requests: { cpu, memory: '64Mi' }, limits: { memory: 134217728 } },
          },
        ],
      },
    },
  },
});

const chartValues = () => ({
  kind: 'DaemonSet',
  resources: { requests: { cpu: '50m', memory: '64Mi' } },
  daemonSetVolumes: [{ name: 'varlog', hostPath: { path: '/var/log' } }],
  daemonSetVolumeMounts: [{ name: 'varlog', mountPath: '/var/log', readOnly: true }],
  config: { service: '', inputs: '', filters: '', outputs: '', customParsers: '' },
});

describe('validateObject', () => {
  it('passes a valid NetworkPolicy', () => {
    expect(validateObject(networkPolicy())).toEqual([]);
  });

  it('names an unknown field and where it is', () => {
    const policy = networkPolicy();
    const { podSelector, ...spec } = policy.spec;
    const misspelt = { ...policy, spec: { ...spec, podSelecter: podSelector } };
    expect(validateObject(misspelt)).toEqual([{ path: 'spec.podSelecter', message: 'unknown field `podSelecter`' }]);
  });

  it('reports nested paths with array indexes and says what was expected', () => {
    const policy = networkPolicy();
    policy.spec.egress[0]!.ports[0] = { protocol: 'TCP', port: { number: 8427 } as never };
    expect(validateObject(policy)).toEqual([
      { path: 'spec.egress[0].ports[0].port', message: 'expected integer or string, got an object' },
    ]);
  });

  it('accepts a string for an int-or-string port', () => {
    const policy = networkPolicy();
    policy.spec.egress[0]!.ports[0] = { protocol: 'TCP', port: '8427' as never };
    expect(validateObject(policy)).toEqual([]);
  });

  it('checks constants, enums-free strings and types with expected-vs-got messages', () => {
    const policy = { ...networkPolicy(), metadata: { name: 7 } };
    expect(validateObject(policy)).toEqual([{ path: 'metadata.name', message: 'expected string, got integer 7' }]);
    const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'x' }, spec: { finalizers: 'kubernetes' } };
    expect(validateObject(ns)).toEqual([{ path: 'spec.finalizers', message: 'expected array, got string "kubernetes"' }]);
  });

  it('reports missing required fields', () => {
    const { interval: _interval, ...spec } = helmRelease().spec;
    expect(validateObject({ ...helmRelease(), spec })).toEqual([{ path: 'spec.interval', message: 'missing required field `interval`' }]);
  });

  it('reports enum violations with the allowed values', () => {
    const release = helmRelease();
    const bad = { ...release, spec: { ...release.spec, chartRef: { ...release.spec.chartRef, kind: 'GitRepository' } } };
    expect(validateObject(bad)).toEqual([
      { path: 'spec.chartRef.kind', message: 'expected one of "OCIRepository", "HelmChart", "ExternalArtifact", got "GitRepository"' },
    ]);
  });

  it('keeps HelmRelease spec.values open (x-kubernetes-preserve-unknown-fields) but the rest of spec closed', () => {
    expect(validateObject(helmRelease())).toEqual([]);
    const release = helmRelease();
    expect(validateObject({ ...release, spec: { ...release.spec, foo: true } })).toEqual([
      { path: 'spec.foo', message: 'unknown field `foo`' },
    ]);
  });

  it('types CRD metadata as a strict ObjectMeta', () => {
    const release = helmRelease();
    expect(validateObject({ ...release, metadata: { ...release.metadata, label: { a: 'b' } } })).toEqual([
      { path: 'metadata.label', message: 'unknown field `label`' },
    ]);
  });

  it('accepts a status stanza where the API declares one, and checks it', () => {
    expect(validateObject({ ...helmRelease(), status: {} })).toEqual([]);
    expect(validateObject({ ...helmRelease(), status: { observedGeneration: 2, conditions: [] } })).toEqual([]);
    expect(validateObject({ ...daemonSet('50m'), status: { currentNumberScheduled: 1, desiredNumberScheduled: 1, numberMisscheduled: 0, numberReady: 1 } })).toEqual([]);
    expect(validateObject({ ...helmRelease(), status: { observedGeneration: 'two' } })).toEqual([{ path: 'status.observedGeneration', message: 'expected integer, got string "two"' }]);
    // A ConfigMap has no status: the API server rejects the field too (strict field validation).
    expect(validateObject({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, status: {} })).toEqual([{ path: 'status', message: 'unknown field `status`' }]);
  });

  it('accepts null for optional fields, as `kubectl create --dry-run -o yaml` emits and the API server reads it', () => {
    const withNulls = daemonSet('50m');
    Object.assign(withNulls.metadata, { creationTimestamp: null, labels: null });
    const pod = withNulls.spec.template as { metadata: Record<string, unknown>; spec: Record<string, unknown> & { containers: Array<Record<string, unknown>> } };
    pod.metadata['creationTimestamp'] = null;
    Object.assign(pod.spec, { tolerations: null, nodeSelector: null });
    Object.assign(pod.spec.containers[0]!, { args: null, command: null, env: null, resources: { requests: { cpu: null } } });
    expect(validateObject({ ...withNulls, status: null })).toEqual([]);
    expect(validateObject({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', creationTimestamp: null, annotations: { a: null } }, data: null })).toEqual([]);
  });

  it('rejects null for required fields and list items', () => {
    const object = daemonSet('50m');
    object.spec.template.spec.containers[0]!.name = null as unknown as string;
    expect(validateObject(object)).toEqual([{ path: 'spec.template.spec.containers[0].name', message: 'expected string, got null' }]);
    expect(validateObject({ ...daemonSet('50m'), spec: { ...daemonSet('50m').spec, selector: null } })).toEqual([{ path: 'spec.selector', message: 'expected object, got null' }]);
    const args = daemonSet('50m');
    Object.assign(args.spec.template.spec.containers[0]!, { args: ['--flag', null] });
    expect(validateObject(args)).toEqual([{ path: 'spec.template.spec.containers[0].args[1]', message: 'expected string, got null' }]);
  });

  it('accepts quantities as numbers or quantity strings and rejects anything else', () => {
    expect(validateObject(daemonSet('50m'))).toEqual([]);
    expect(validateObject(daemonSet(0.5))).toEqual([]);
    expect(validateObject(daemonSet('2 cores'))).toEqual([
      {
        path: 'spec.template.spec.containers[0].resources.requests.cpu',
        message: 'expected a Kubernetes quantity (e.g. 500m, 128Mi, 2), got "2 cores"',
      },
    ]);
  });

  it('accepts null for optional CRD fields (the API server prunes it), not for required ones', () => {
    const scrape = (bearerTokenSecret: unknown) => ({
      apiVersion: 'operator.victoriametrics.com/v1beta1',
      kind: 'VMServiceScrape',
      metadata: { name: 'fluent-bit' },
      spec: { selector: { matchLabels: { app: 'fluent-bit' } }, endpoints: [{ port: 'http', path: '/api/v2/metrics/prometheus', bearerTokenSecret }] },
    });
    expect(validateObject(scrape(null))).toEqual([]);
    expect(validateObject(scrape({ key: 'token', name: 'secret' }))).toEqual([]);
    expect(validateObject({ ...scrape(undefined), spec: { ...scrape(undefined).spec, selector: null } })).toEqual([]);
    expect(validateObject({ ...scrape(undefined), spec: null })).toEqual([{ path: 'spec', message: 'expected object, got null' }]);
    const release = helmRelease();
    expect(validateObject({ ...release, spec: { ...release.spec, install: null, chartRef: { ...release.spec.chartRef, namespace: null } } })).toEqual([]);
    expect(validateObject({ ...release, spec: { ...release.spec, chartRef: { ...release.spec.chartRef, name: null } } })).toEqual([
      { path: 'spec.chartRef.name', message: 'expected string, got null' },
    ]);
  });

  it('checks apiVersion and kind as constants of the schema it picked', () => {
    expect(validateObject({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { a: 'b' } })).toEqual([]);
    expect(validateObject({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { a: 1 } })).toEqual([
      { path: 'data.a', message: 'expected string, got integer 1' },
    ]);
  });

  it("returns 'no-schema' for kinds it has no schema for", () => {
    expect(validateObject({ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization' })).toBe('no-schema');
    expect(validateObject({ apiVersion: 'cilium.io/v2', kind: 'CiliumNetworkPolicy' })).toBe('no-schema');
    expect(validateObject({ apiVersion: 'apps/v1', kind: 'ConfigMap' })).toBe('no-schema');
    expect(validateObject({ kind: 'ConfigMap' })).toBe('no-schema');
    expect(validateObject({ apiVersion: 'v1', kind: 'toString' })).toBe('no-schema');
  });

  it('lists the known kinds as apiVersion/kind', () => {
    expect(KNOWN_KINDS).toEqual([
      'apps/v1/DaemonSet',
      'apps/v1/Deployment',
      'helm.toolkit.fluxcd.io/v2/HelmRelease',
      'kustomize.toolkit.fluxcd.io/v1/Kustomization',
      'monitoring.coreos.com/v1/ServiceMonitor',
      'networking.k8s.io/v1/NetworkPolicy',
      'operator.victoriametrics.com/v1beta1/VMPodScrape',
      'operator.victoriametrics.com/v1beta1/VMRule',
      'operator.victoriametrics.com/v1beta1/VMServiceScrape',
      'source.toolkit.fluxcd.io/v1/GitRepository',
      'source.toolkit.fluxcd.io/v1/HelmRepository',
      'source.toolkit.fluxcd.io/v1/OCIRepository',
      'v1/ConfigMap',
      'v1/Namespace',
      'v1/Secret',
      'v1/Service',
      'v1/ServiceAccount',
    ]);
    expect(schemaPathOf('networking.k8s.io/v1', 'NetworkPolicy')).toBe(
      'schemas/kubernetes/v1.36.0-standalone-strict/networkpolicy-networking-v1.json',
    );
    expect(schemaPathOf('helm.toolkit.fluxcd.io/v2', 'HelmRelease')).toBe('schemas/crds/helm.toolkit.fluxcd.io/helmrelease_v2.json');
  });
});

describe('validateFluentBitChartValues', () => {
  it('passes values the chart understands', () => {
    expect(validateFluentBitChartValues(chartValues())).toEqual([]);
  });

  it('fails a top-level `volumes` (the chart ignores it; daemonSetVolumes is the key)', () => {
    expect(validateFluentBitChartValues({ ...chartValues(), volumes: [] })).toEqual([{ path: 'volumes', message: 'unknown field `volumes`' }]);
  });

  it('checks the Kubernetes types inside the values', () => {
    const values = { ...chartValues(), daemonSetVolumeMounts: [{ name: 'varlog', mountpath: '/var/log' }], resources: { limits: { memory: '1 GB' } } };
    expect(validateFluentBitChartValues(values)).toEqual([
      { path: 'resources.limits.memory', message: 'expected a Kubernetes quantity (e.g. 500m, 128Mi, 2), got "1 GB"' },
      { path: 'daemonSetVolumeMounts[0].mountPath', message: 'missing required field `mountPath`' },
      { path: 'daemonSetVolumeMounts[0].mountpath', message: 'unknown field `mountpath`' },
    ]);
  });

  it('reports a wrong enum value with what was expected', () => {
    expect(validateFluentBitChartValues({ ...chartValues(), kind: 'StatefulSet' })).toEqual([
      { path: 'kind', message: 'expected one of "DaemonSet", "Deployment", got "StatefulSet"' },
    ]);
  });
});

describe('generated validators', () => {
  it('load and run in plain Node too (no bundler interop), runtime helpers included', () => {
    const module = fileURLToPath(new URL('./generated/validators.js', import.meta.url));
    const script = `
      const v = await import(${JSON.stringify(module)});
      const ok = v.validateHelmReleaseV2({ apiVersion: 'helm.toolkit.fluxcd.io/v2', kind: 'HelmRelease', metadata: { name: 'a' },
        spec: { interval: '1m', chartRef: { kind: 'OCIRepository', name: 'x'.repeat(300) } } });
      console.log(JSON.stringify([ok, v.validateHelmReleaseV2.errors.map((e) => e.keyword)]));`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual([false, ['maxLength']]);
  });
});
