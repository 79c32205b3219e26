import { describe, expect, it } from 'vitest';
import type { FluentBitChartValues } from './generated/chart-values';

const config = { service: '', inputs: '', filters: '', outputs: '', customParsers: '' };

// Checked by `tsc` (typecheck target): the chart ignores unknown keys, our type must not.
describe('chart values type', () => {
  it('rejects the keys the chart silently ignores', () => {
    // @ts-expect-error the chart has no top-level `volumes` (it reads daemonSetVolumes)
    const story: FluentBitChartValues = { kind: 'DaemonSet', config, volumes: [] };
    // @ts-expect-error `volumeMounts` has been dead since chart 0.32.0
    const dead: FluentBitChartValues = { kind: 'DaemonSet', config, volumeMounts: [] };
    // @ts-expect-error misspelt top-level key
    const typo: FluentBitChartValues = { kind: 'DaemonSet', config, tolerations: [], priorityClass: 'x' };
    // @ts-expect-error the chart hard-codes the ServiceMonitor's jobLabel (servicemonitor.yaml L13)
    const job: FluentBitChartValues = { kind: 'DaemonSet', config, serviceMonitor: { enabled: true, jobLabel: 'fluent-bit' } };
    // @ts-expect-error the chart's string (tpl) form of extraContainers is not typed
    const tpl: FluentBitChartValues = { kind: 'DaemonSet', config, extraContainers: '- name: x' };
    expect([story, dead, typo, job, tpl]).toHaveLength(5);
  });

  it('types the keys a user needs from the Kubernetes API types', () => {
    const values: FluentBitChartValues = {
      kind: 'DaemonSet',
      config,
      image: { repository: 'cr.fluentbit.io/fluent/fluent-bit', tag: '5.1.1', pullPolicy: 'IfNotPresent' },
      imagePullSecrets: [{ name: 'registry-credentials' }],
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } } },
      livenessProbe: { httpGet: { path: '/', port: 'http' }, periodSeconds: 30 },
      initContainers: [{ name: 'init', image: 'busybox:1.37' }],
      args: ['--workdir=/fluent-bit/etc', '--config=/fluent-bit/etc/conf/fluent-bit.conf'],
      serviceAccount: { create: true },
      rbac: { create: true },
    };
    // @ts-expect-error a misspelt Probe field fails tsc too
    const probe: FluentBitChartValues = { kind: 'DaemonSet', config, readinessProbe: { periodSecond: 1 } };
    expect([values, probe]).toHaveLength(2);
  });
});
