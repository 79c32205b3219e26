import { describe, expect, it } from 'vitest';
import { validateFluentBitChartValues } from './index';

/** The fluent-bit chart 0.58.1 values our schema (libs/fluent-bit-values/schema) allows and refuses. */

const config = { service: '', inputs: '', filters: '', outputs: '', customParsers: '' };
const values = (more: Record<string, unknown>) => ({ kind: 'DaemonSet', config, ...more });
const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;

const container = (name: string) => ({
  name,
  image: 'busybox:1.37',
  command: ['sh', '-c', 'chown -R 0:0 /var/fluent-bit/state'],
  volumeMounts: [{ name: 'state', mountPath: '/var/fluent-bit/state' }],
  securityContext: { runAsUser: 0, capabilities: { drop: ['ALL'], add: ['CHOWN'] } },
  resources: { requests: { cpu: '10m', memory: '16Mi' }, limits: { memory: '32Mi' } },
});

describe('chart values a user needs, as the chart honours them', () => {
  it.each<[string, Record<string, unknown>]>([
    ['image: repository, tag, pullPolicy', { image: { repository: 'registry.example.com/fluent/fluent-bit', tag: '5.1.1', pullPolicy: 'IfNotPresent' } }],
    ['image: pinned by digest, tag left out ("-")', { image: { tag: '-', digest: DIGEST } }],
    ['image: tag and digest (repo:tag@digest)', { image: { tag: '5.1.1', digest: DIGEST, pullPolicy: 'Always' } }],
    ['imagePullSecrets', { imagePullSecrets: [{ name: 'registry-credentials' }] }],
    ['podAnnotations', { podAnnotations: { 'fluentbit.io/exclude': 'true' } }],
    ['podLabels', { podLabels: { team: 'platform' } }],
    ['annotations (the workload)', { annotations: { 'reloader.stakater.com/auto': 'true' } }],
    ['labels (the workload)', { labels: { 'app.kubernetes.io/part-of': 'logging' } }],
    ['nodeSelector', { nodeSelector: { 'kubernetes.io/os': 'linux' } }],
    ['affinity', { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists' }] }] } } } }],
    ['tolerations', { tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] }],
    ['priorityClassName', { priorityClassName: 'system-node-critical' }],
    ['livenessProbe: the chart default with other timings', { livenessProbe: { httpGet: { path: '/', port: 'http' }, initialDelaySeconds: 10, periodSeconds: 30 } }],
    ['readinessProbe: another handler, the default httpGet deleted', { readinessProbe: { tcpSocket: { port: 'http' }, httpGet: null, periodSeconds: 10 } }],
    ['command and args (a YAML main configuration)', { command: ['/fluent-bit/bin/fluent-bit'], args: ['--workdir=/fluent-bit/etc', '--config=/fluent-bit/etc/conf/fluent-bit.yaml'] }],
    ['hostNetwork with dnsPolicy ClusterFirstWithHostNet', { hostNetwork: true, dnsPolicy: 'ClusterFirstWithHostNet' }],
    ['dnsPolicy and dnsConfig', { dnsPolicy: 'None', dnsConfig: { nameservers: ['192.0.2.53'], options: [{ name: 'ndots', value: '2' }] } }],
    ['initContainers', { initContainers: [container('init-state')] }],
    ['extraContainers', { extraContainers: [container('sidecar')] }],
    ['extraVolumes and extraVolumeMounts', { extraVolumes: [{ name: 'certs', secret: { secretName: 'vmauth-ca' } }], extraVolumeMounts: [{ name: 'certs', mountPath: '/certs', readOnly: true }] }],
    ['config.extraFiles', { config: { ...config, extraFiles: { 'fluent-bit.yaml': 'pipeline:\n  inputs: []\n', 'upstream.conf': '[UPSTREAM]\n    name u\n' } } }],
    ['updateStrategy (DaemonSet)', { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '10%', maxSurge: 0 } } }],
    ['updateStrategy (Deployment, rendered as spec.strategy)', { kind: 'Deployment', updateStrategy: { type: 'Recreate' } }],
    ['minReadySeconds', { minReadySeconds: 10 }],
    ['terminationGracePeriodSeconds', { terminationGracePeriodSeconds: 60 }],
    ['rbac', { rbac: { create: true, nodeAccess: true, eventsAccess: false } }],
    ['serviceAccount: created, annotated', { serviceAccount: { create: true, annotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::123456789012:role/fluent-bit' } } }],
    ['serviceAccount: an existing one by name', { serviceAccount: { create: false, name: 'fluent-bit' } }],
    ['serviceAccount: none, and no ClusterRole binding', { serviceAccount: { create: false, automountServiceAccountToken: false }, rbac: { create: false } }],
    ['podSecurityContext', { podSecurityContext: { fsGroup: 0, seccompProfile: { type: 'RuntimeDefault' } } }],
    ['securityContext', { securityContext: { runAsUser: 0, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'], add: ['DAC_READ_SEARCH'] } } }],
  ])('%s', (_, more) => {
    expect(validateFluentBitChartValues(values(more))).toEqual([]);
  });

  it('stays closed: a key the chart does not read, at the top or inside a new key, is an error', () => {
    expect(validateFluentBitChartValues(values({ image: { registry: 'ghcr.io' }, podLabel: {} }))).toEqual([
      { path: 'podLabel', message: 'unknown field `podLabel`' },
      { path: 'image.registry', message: 'unknown field `registry`' },
    ]);
    expect(validateFluentBitChartValues(values({ extraContainers: [{ ...container('x'), imagee: 'y' }] }))).toEqual([
      { path: 'extraContainers[0].imagee', message: 'unknown field `imagee`' },
    ]);
  });
});

describe('chart values the chart ignores or mishandles, explained in its terms', () => {
  const explained = (more: Record<string, unknown>) => validateFluentBitChartValues(values(more)).map(({ path, explanation }) => ({ path, explanation }));

  it.each<[string, Record<string, unknown>, string, string]>([
    ['terminationGracePeriodSeconds: 0 (dropped by `with`)', { terminationGracePeriodSeconds: 0 }, 'terminationGracePeriodSeconds',
      'the chart drops terminationGracePeriodSeconds: 0 (`{{- with .Values.terminationGracePeriodSeconds }}`, _pod.tpl L17, is false for 0), so pods get the default 30 s'],
    ['serviceMonitor.jobLabel (hard-coded)', { serviceMonitor: { enabled: true, jobLabel: 'fluent-bit' } }, 'serviceMonitor.jobLabel',
      'the chart has no serviceMonitor.jobLabel: servicemonitor.yaml L13 hard-codes `jobLabel: app.kubernetes.io/instance`'],
    ['updateStrategy OnDelete with kind: Deployment (spec.strategy)', { kind: 'Deployment', updateStrategy: { type: 'OnDelete' } }, 'updateStrategy.type',
      'with kind: Deployment the chart renders updateStrategy as the Deployment\'s spec.strategy (deployment.yaml L20-23), whose type is RollingUpdate or Recreate'],
    ['updateStrategy Recreate with kind: DaemonSet', { updateStrategy: { type: 'Recreate' } }, 'updateStrategy.type',
      'the chart renders updateStrategy as the DaemonSet\'s spec.updateStrategy (daemonset.yaml L20-23), whose type is RollingUpdate or OnDelete'],
    ['daemonSetVolumes with kind: Deployment (not rendered)', { kind: 'Deployment', daemonSetVolumes: [{ name: 'state', hostPath: { path: '/var/fluent-bit/state' } }] }, 'daemonSetVolumes',
      'with kind: Deployment the chart ignores daemonSetVolumes (`{{- if eq .Values.kind "DaemonSet" }}`, _pod.tpl L151-153): the pods get none of these volumes'],
    ['daemonSetVolumeMounts with kind: Deployment (not rendered)', { kind: 'Deployment', daemonSetVolumeMounts: [{ name: 'state', mountPath: '/var/fluent-bit/state' }] }, 'daemonSetVolumeMounts',
      'with kind: Deployment the chart ignores daemonSetVolumeMounts (`{{- if eq .Values.kind "DaemonSet" }}`, _pod.tpl L101-103): the container mounts none of these'],
    ['a probe handler beside the merged default httpGet', { livenessProbe: { exec: { command: ['true'] } } }, 'livenessProbe.httpGet',
      'Helm merges livenessProbe into the chart\'s default `httpGet: {path: /, port: http}` (values.yaml L202-205), which _pod.tpl L86-87 renders as merged: with exec, tcpSocket or grpc the probe keeps that httpGet too, and the API server rejects a probe with two handlers'],
    ['args: [] (no --config)', { args: [] }, 'args',
      'the chart renders no args for args: [] (`{{- if or .Values.args .Values.hotReload.enabled }}`, _pod.tpl L64), and with a command (the chart\'s default, values.yaml L498-499) Kubernetes does not run the image\'s CMD either: Fluent Bit starts without --config'],
    ['an unquoted numeric tag', { image: { tag: 5.1 } }, 'image.tag',
      'the chart prints the tag with `toString` (_helpers.tpl L69): a YAML number loses its form (5.10 becomes 5.1, 5.0 becomes 5)'],
    ['a digest written with its @', { image: { digest: `@${DIGEST}` } }, 'image.digest',
      'the chart appends `@` and the digest to the image (`printf "@%s" .digest`, _helpers.tpl L70): a digest is sha256: and 64 lower-case hex digits, without the @'],
    ['no ServiceAccount of its own, the ClusterRole bound to `default`', { serviceAccount: { create: false } }, 'serviceAccount.name',
      'with serviceAccount.create: false and no serviceAccount.name the pods run as the namespace\'s `default` ServiceAccount (_helpers.tpl L61), and rbac.create (default true) binds the chart\'s ClusterRole to it (clusterrolebinding.yaml L12-15): every pod running as `default` there may read pods and namespaces cluster-wide'],
    ['hostNetwork with the default dnsPolicy', { hostNetwork: true }, 'dnsPolicy',
      'with hostNetwork: true and the chart\'s default dnsPolicy ClusterFirst (values.yaml L73-74, rendered as is by _pod.tpl L20-21) Kubernetes gives the pods the node\'s resolv.conf: cluster names such as kubernetes.default.svc (the kubernetes filter\'s API server) do not resolve'],
    ['an extraFiles entry named like the chart`s own file', { config: { ...config, extraFiles: { 'fluent-bit.conf': '' } } }, 'config.extraFiles["fluent-bit.conf"]',
      'the chart writes its own custom_parsers.conf and fluent-bit.conf into the same ConfigMap (configmap.yaml L10-16): an extraFiles entry of that name repeats the key'],
    ['an extraFiles name that is no ConfigMap key', { config: { ...config, extraFiles: { 'my pipeline.yaml': '' } } }, 'config.extraFiles["my pipeline.yaml"]',
      'each extraFiles key is a key of the chart\'s ConfigMap (configmap.yaml L21-24), a file in /fluent-bit/etc/conf: letters, digits, -, _ and . only'],
    ['extraContainers as a template string', { extraContainers: '- name: sidecar\n  image: busybox' }, 'extraContainers',
      'our schema takes the chart\'s list form; its string form is a Helm template (`tpl`, _pod.tpl L136-137) that no schema can check'],
  ])('%s', (_, more, path, explanation) => {
    expect(explained(more)).toEqual([{ path, explanation }]);
  });

  it('says what to write instead where there is one answer', () => {
    const [zero] = validateFluentBitChartValues(values({ terminationGracePeriodSeconds: 0 }));
    expect(zero).toMatchObject({ message: 'expected >= 1, got 0', fix: 'set 1 or more (1 is the shortest the chart can render), or leave it unset for the default 30 s' });
    const [probe] = validateFluentBitChartValues(values({ readinessProbe: { grpc: { port: 2020 } } }));
    expect(probe).toMatchObject({ path: 'readinessProbe.httpGet', fix: 'set httpGet: null beside the other handler (null deletes a chart default)' });
  });

  it('explains only what its annotation covers: a wrong type there keeps the plain message', () => {
    expect(validateFluentBitChartValues(values({ terminationGracePeriodSeconds: '30' }))).toEqual([
      { path: 'terminationGracePeriodSeconds', message: 'expected integer, got string "30"' },
    ]);
  });

  it('never explains an error inside a Kubernetes definition by a same-named key of ours', () => {
    // Container has its own `args` and `image`: their errors are the Container's, not the chart's.
    const [violation, ...rest] = validateFluentBitChartValues(values({ extraContainers: [{ name: 'x', args: 'run', image: 1 }] }));
    expect(rest.every((v) => v.explanation === undefined)).toBe(true);
    expect(violation).toEqual({ path: 'extraContainers[0].args', message: 'expected array, got string "run"' });
  });
});
