import { describe, expect, it } from 'vitest';
import type { ConfigMap, HelmRelease, Kustomization } from '@gitops/api-types';
import type { FluentBitChartValues } from '@gitops/fluent-bit-values';
import type { ManifestFile } from '@gitops/manifest';
import { renderDemo as render, validSettings } from './fixture.test-support';

const documentAt = <T>(files: ManifestFile[], path: string): T => {
  const file = files.find((f) => f.path === path);
  if (!file) throw new Error(`no ${path} among ${files.map((f) => f.path).join(', ')}`);
  return file.documents[0] as T;
};

const APP = 'observability/fluent-bit/app';
const releases = (files: ManifestFile[]) => files.find((f) => f.path === `${APP}/helmrelease.yaml`)!.documents as HelmRelease[];
const values = (files: ManifestFile[], release = 'fluent-bit') =>
  releases(files).find((r) => r.metadata.name === release)!.spec!.values as unknown as FluentBitChartValues;
/** The Fluent Bit YAML configuration a release runs. */
const configOf = (chart: FluentBitChartValues) => chart.config.extraFiles!['fluent-bit.yaml']!;

/** `${NAME}` references Flux substitutes (not the `$${NAME}` escapes meant for Fluent Bit). */
const fluxReferences = (files: ManifestFile[]): Set<string> =>
  new Set([...JSON.stringify(files.map((f) => f.documents)).matchAll(/(?<!\$)\$\{([^}:]+)/g)].map((m) => m[1]!));

describe('a rendered cluster', () => {
  it.each([
    ['with audit logs', validSettings()],
    ['without audit logs', { ...validSettings(), auditLogs: { enabled: false as const } }],
  ])('defines in cluster-settings exactly the variables its manifests use (%s)', (_, settings) => {
    const files = render(settings);
    const data = documentAt<ConfigMap>(files, 'cluster-settings.yaml').data!;
    expect(new Set(Object.keys(data))).toEqual(fluxReferences(files));
    expect(Object.values(data).every((value) => value !== '')).toBe(true);
  });

  it('holds the story`s variables with the corrected tenant as numeric ids', () => {
    const data = documentAt<ConfigMap>(render(), 'cluster-settings.yaml').data;
    expect(data).toMatchObject({
      CLUSTER: 'demo',
      ENVIRONMENT: 'staging',
      OBSERVABILITY_LOG_ENDPOINT_HOST: 'vmauth-victoria-logs.observability.svc.cluster.local',
      OBSERVABILITY_LOG_ENDPOINT_PORT: '8427',
      OBSERVABILITY_LOG_ENDPOINT_PATH: '/insert/jsonline',
      OBSERVABILITY_LOG_ACCOUNT_ID: '0',
      OBSERVABILITY_LOG_PROJECT_ID: '0',
      OBSERVABILITY_AUDIT_ACCOUNT_ID: '1',
      CONTAINERD_LOG_PATH: '/var/log/containers',
      FLUENT_BIT_STATE_PATH: '/var/fluent-bit/state',
      KUBE_AUDIT_LOG_PATH: '/var/log/audit/kube',
    });
  });

  it('lists every file of each folder in its kustomization.yaml, and points each Flux Kustomization at a folder it renders', () => {
    const files = render();
    const paths = new Set(files.map((f) => f.path));
    for (const file of files.filter((f) => f.path.endsWith('kustomization.yaml'))) {
      const dir = file.path.replace(/\/?kustomization\.yaml$/, '');
      const { resources } = file.documents[0] as { resources: string[] };
      for (const resource of resources) expect(paths).toContain(dir ? `${dir}/${resource}` : resource);
    }
    for (const file of files.filter((f) => f.path.endsWith('/ks.yaml'))) {
      const ks = file.documents[0] as Kustomization;
      const folder = ks.spec!.path!.replace('./kubernetes/clusters/demo/', '');
      expect(paths).toContain(`${folder}/kustomization.yaml`);
    }
    expect(documentAt<{ resources: string[] }>(files, 'kustomization.yaml').resources).toEqual([
      'cluster-settings.yaml',
      'repositories/oci/ks.yaml',
      'observability/fluent-bit/ks.yaml',
    ]);
  });

  it('deploys Fluent Bit after its chart source and the sink, with variables from cluster-settings', () => {
    const ks = documentAt<Kustomization>(render(), 'observability/fluent-bit/ks.yaml');
    expect(ks.spec?.dependsOn).toEqual([{ name: 'infrastructure-repositories-oci' }, { name: 'observability-victoria-logs' }]);
    expect(ks.spec?.postBuild?.substituteFrom).toEqual([{ kind: 'ConfigMap', name: 'cluster-settings' }]);
    expect(ks.spec?.wait).toBe(false);
    expect(ks.spec?.healthChecks).toContainEqual({ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'fluent-bit', namespace: 'observability' });
  });

  it('labels the namespace for privileged Pod Security, unless another Kustomization owns it', () => {
    const files = render();
    const namespace = documentAt<{ metadata: { labels: object } }>(files, `${APP}/namespace.yaml`);
    expect(namespace.metadata.labels).toEqual({ 'pod-security.kubernetes.io/enforce': 'privileged' });

    const settings = validSettings();
    settings.fluentBit.namespace.managed = false;
    const unmanaged = render(settings);
    expect(unmanaged.map((f) => f.path)).not.toContain(`${APP}/namespace.yaml`);
    expect(documentAt<{ resources: string[] }>(unmanaged, `${APP}/kustomization.yaml`).resources).not.toContain('namespace.yaml');
  });

  it('reads audit logs with a second collector on control planes, as their owner, with no capability', () => {
    expect(releases(render()).map((r) => r.metadata.name)).toEqual(['fluent-bit', 'fluent-bit-audit']);
    const node = values(render());
    const audit = values(render(), 'fluent-bit-audit');
    expect(configOf(node)).not.toContain('audit');
    expect(configOf(audit)).toContain('path: "${KUBE_AUDIT_LOG_PATH}/kube-apiserver.log"');
    expect(configOf(audit)).not.toContain('kubernetes');
    for (const chart of [node, audit]) expect(chart.securityContext?.capabilities).toEqual({ drop: ['ALL'] });
    expect(audit.securityContext).toMatchObject({ runAsUser: 65534, runAsGroup: 65534, runAsNonRoot: true });
    expect(audit.nodeSelector).toEqual({ 'node-role.kubernetes.io/control-plane': '' });
    expect(audit.daemonSetVolumes?.map((v) => v.hostPath?.path)).toEqual(['${KUBE_AUDIT_LOG_PATH}', '${FLUENT_BIT_AUDIT_STATE_PATH}']);
    const ks = documentAt<Kustomization>(render(), 'observability/fluent-bit/ks.yaml');
    expect(ks.spec?.healthChecks?.filter((check) => check.kind === 'DaemonSet').map((check) => check.name)).toEqual(['fluent-bit', 'fluent-bit-audit']);
    const off = render({ ...validSettings(), auditLogs: { enabled: false } });
    expect(releases(off).map((r) => r.metadata.name)).toEqual(['fluent-bit']);
  });

  it('does not read Fluent Bit`s own container logs back (no feedback loop), in the namespace it runs in', () => {
    expect(configOf(values(render()))).toContain('exclude_path: "${CONTAINERD_LOG_PATH}/*_observability_fluent-bit-*.log"');
    const settings = validSettings();
    settings.fluentBit.namespace = { name: 'logging', managed: true };
    expect(configOf(values(render(settings)))).toContain('exclude_path: "${CONTAINERD_LOG_PATH}/*_logging_fluent-bit-*.log"');
  });

  it('sizes each on-disk queue for the stated outage', () => {
    // 60 min x 300 lines/s x 800 B = 864,000,000 B; audit 60 x 50 x 1500 B = 270,000,000 B (M = 10^6).
    expect(configOf(values(render()))).toContain('storage.total_limit_size: 864M');
    expect(configOf(values(render(), 'fluent-bit-audit'))).toContain('storage.total_limit_size: 270M');
  });

  it('sizes audit lines to the sink`s line limit, and refuses a limit container log records exceed', () => {
    expect(configOf(values(render(), 'fluent-bit-audit'))).toContain('buffer_max_size: 260k');
    const raised = validSettings();
    raised.logSink.maxLineBytes = 1024 * 1024;
    expect(configOf(values(render(raised), 'fluent-bit-audit'))).toContain('buffer_max_size: 1047k');
    const low = validSettings();
    low.logSink.maxLineBytes = 128 * 1024;
    expect(() => render(low)).toThrow(/logSink\.maxLineBytes: got 131072, expected at least 226304/);
  });

  it('takes vmauth credentials from a Secret through the environment, never inline', () => {
    const settings = validSettings();
    settings.logSink.credentials = { secretName: 'fluent-bit-vmauth', usernameKey: 'username', passwordKey: 'password' };
    const chart = values(render(settings));
    expect(chart.env).toEqual([
      { name: 'VMAUTH_USERNAME', valueFrom: { secretKeyRef: { name: 'fluent-bit-vmauth', key: 'username' } } },
      { name: 'VMAUTH_PASSWORD', valueFrom: { secretKeyRef: { name: 'fluent-bit-vmauth', key: 'password' } } },
    ]);
    // `$${X}` survives Flux substitution as `${X}`, which Fluent Bit expands from its environment.
    expect(configOf(chart)).toContain('http_user: "$${VMAUTH_USERNAME}"');
    expect(configOf(chart)).toContain('http_passwd: "$${VMAUTH_PASSWORD}"');
    expect(values(render(settings), 'fluent-bit-audit').env).toEqual(chart.env);
    expect(values(render()).env).toBeUndefined();
  });

  it('lets the audit collector reach DNS and the vmauth pods only: it reads no API', () => {
    const [, audit] = render().find((f) => f.path === `${APP}/networkpolicy.yaml`)!.documents as Array<{ spec: { egress: Array<{ ports: unknown[] }>; podSelector: unknown } }>;
    expect(audit!.spec.egress.map((rule) => rule.ports)).toEqual([
      [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }],
      [{ protocol: 'TCP', port: 8427 }],
    ]);
    expect(audit!.spec.podSelector).toEqual({ matchLabels: { 'app.kubernetes.io/name': 'fluent-bit', 'app.kubernetes.io/instance': 'fluent-bit-audit' } });
  });

  it('lets egress reach DNS, the API server endpoints and the vmauth pods only', () => {
    const policy = documentAt<{ spec: { egress: Array<{ ports: unknown[] }>; podSelector: unknown } }>(render(), `${APP}/networkpolicy.yaml`);
    expect(policy.spec.egress.map((rule) => rule.ports)).toEqual([
      [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }],
      [{ protocol: 'TCP', port: 6443 }],
      [{ protocol: 'TCP', port: 8427 }],
    ]);
    expect(policy.spec.podSelector).toEqual({
      matchLabels: { 'app.kubernetes.io/name': 'fluent-bit', 'app.kubernetes.io/instance': 'fluent-bit' },
    });
  });

  it('reports its settings issues under its folder, before rendering anything', () => {
    expect(() => render({ ...validSettings(), auditLogs: { enabled: 'yes' } as never })).toThrow(
      /invalid settings for cluster "demo" \(clusters\/demo\/cluster.ts\):\n  apps\["observability\/fluent-bit"\]\.auditLogs\.enabled: got "yes", expected true or false/,
    );
  });
});
