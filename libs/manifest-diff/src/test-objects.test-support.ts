/** Small objects for the diff's tests, and a one-object diff helper. */
import { GOOD_CONFIG } from '../../fluent-bit-lint/src/fixtures';
import { diffCluster } from './diff-cluster';
import type { AppliedObject, KubeObject, ObjectDiff } from './types';

export const daemonSet = (edit: (spec: any) => void = () => {}): KubeObject => {
  const spec: any = {
    selector: { matchLabels: { app: 'fluent-bit' } },
    template: {
      metadata: { labels: { app: 'fluent-bit' } },
      spec: {
        containers: [
          { name: 'fluent-bit', image: 'fluent-bit:5.1.1', env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }], securityContext: { capabilities: { drop: ['ALL'] } } },
          { name: 'reloader', image: 'reloader:1' },
        ],
        volumes: [{ name: 'varlog', hostPath: { path: '/var/log' } }],
      },
    },
  };
  edit(spec);
  return { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'fluent-bit', namespace: 'observability' }, spec };
};

/** A fluent-bit HelmRelease with the fixture pipeline (classic strings), values edited by `edit`. */
export const helmRelease = (edit: (values: any) => void = () => {}, spec: Record<string, unknown> = {}): KubeObject => {
  const values: any = {
    kind: 'DaemonSet',
    config: { ...GOOD_CONFIG },
    resources: { limits: { memory: '256Mi' } },
    daemonSetVolumes: [{ name: 'varlog', hostPath: { path: '/var/log' } }],
  };
  edit(values);
  return { apiVersion: 'helm.toolkit.fluxcd.io/v2', kind: 'HelmRelease', metadata: { name: 'fluent-bit', namespace: 'observability' }, spec: { interval: '1h', ...spec, values } };
};

export const networkPolicy = (egress: unknown[], policyTypes: string[] = ['Egress']): KubeObject => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: 'fluent-bit-egress', namespace: 'observability' },
  spec: { podSelector: { matchLabels: { app: 'fluent-bit' } }, policyTypes, egress },
});

export const API_SERVER_RULE = { ports: [{ port: 6443, protocol: 'TCP' }], to: [{ ipBlock: { cidr: '192.0.2.11/32' } }, { ipBlock: { cidr: '192.0.2.12/32' } }] };
export const SINK_RULE = { ports: [{ port: 8427, protocol: 'TCP' }], to: [{ namespaceSelector: { matchLabels: { name: 'observability' } }, podSelector: { matchLabels: { app: 'vmauth' } } }] };

const applied = (objects: ReadonlyArray<KubeObject | AppliedObject>): AppliedObject[] => objects.map((o) => ('object' in o ? (o as AppliedObject) : { object: o as KubeObject, kustomization: 'apps' }));

/** The diff of one cluster from `before` to `after` objects (applied by a Kustomization `apps` that prunes). */
export const diffOf = (before: ReadonlyArray<KubeObject | AppliedObject>, after: ReadonlyArray<KubeObject | AppliedObject>, prunes = true): ObjectDiff[] =>
  diffCluster('test', { objects: applied(before), prunes: { apps: prunes } }, { objects: applied(after), prunes: { apps: prunes } }).objects;

export const rulesOf = (diff: ObjectDiff[]) => diff.flatMap((object) => object.flags.map((flag) => flag.rule));
