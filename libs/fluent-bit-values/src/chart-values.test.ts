import { describe, expect, it } from 'vitest';
import { fluentBitChartValues, type FluentBitChartOptions } from './chart-values';
import { logShippingPipeline } from './log-shipping';
import { containerLogsOnly } from './pipeline-options.test-support';

const pipeline = logShippingPipeline(containerLogsOnly);
const options: FluentBitChartOptions = {
  name: 'fluent-bit',
  pipeline,
  stateDir: '/var/fluent-bit/state',
  resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '200m', memory: '128Mi' } },
};

describe('fluent-bit chart values', () => {
  const values = fluentBitChartValues(options);

  it('refuses "{{" in the classic configuration too: the chart passes it through Helm tpl', () => {
    const templated = { ...pipeline, filters: [{ name: 'modify' as const, match: 'kube.*', set: { cluster: '{{ .Release.Name }}' } }] };
    expect(() => fluentBitChartValues({ ...options, pipeline: templated })).toThrow(/Helm tpl/);
  });

  it('mounts host paths through daemonSetVolumes/Mounts, the keys the chart reads', () => {
    expect(values).not.toHaveProperty('volumes');
    expect(values).not.toHaveProperty('volumeMounts');
    expect(values.daemonSetVolumes).toEqual([
      { name: 'varlog', hostPath: { path: '/var/log' } },
      { name: 'etcmachineid', hostPath: { path: '/etc/machine-id', type: 'File' } },
      { name: 'state', hostPath: { path: '/var/fluent-bit/state', type: 'DirectoryOrCreate' } },
    ]);
    expect(values.daemonSetVolumeMounts).toEqual([
      { name: 'varlog', mountPath: '/var/log', readOnly: true },
      { name: 'etcmachineid', mountPath: '/etc/machine-id', readOnly: true },
      { name: 'state', mountPath: '/var/fluent-bit/state' },
    ]);
  });

  it('mounts the directory of every tail DB and of the filesystem buffer writable', () => {
    const writable = values.daemonSetVolumeMounts!.filter((m) => !m.readOnly).map((m) => m.mountPath);
    const paths = [...pipeline.inputs.map((i) => i.db!), pipeline.service['storage.path']!];
    for (const path of paths) expect(writable.some((dir) => path.startsWith(`${dir}/`))).toBe(true);
  });

  it('has no containerd state mount (not needed on Talos) and replaces the chart ServiceMonitor', () => {
    expect(JSON.stringify(values)).not.toContain('/var/lib/containerd');
    expect(JSON.stringify(values)).not.toContain('/var/lib/docker');
    expect(values.serviceMonitor).toEqual({ enabled: false });
  });

  it('runs on every node with a read-only root and no capabilities unless asked', () => {
    expect(values.kind).toBe('DaemonSet');
    expect(values.priorityClassName).toBe('system-node-critical');
    expect(values.tolerations).toEqual([
      { operator: 'Exists', effect: 'NoSchedule' },
      { operator: 'Exists', effect: 'NoExecute' },
    ]);
    expect(values.securityContext).toMatchObject({ readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
    expect(values.securityContext?.capabilities?.add).toBeUndefined();
    const audit = fluentBitChartValues({ ...options, capabilities: ['DAC_READ_SEARCH'] });
    expect(audit.securityContext?.capabilities).toEqual({ drop: ['ALL'], add: ['DAC_READ_SEARCH'] });
  });

  it('puts the pipeline into the chart config, service section first', () => {
    expect(values.config.service.startsWith('[SERVICE]\n')).toBe(true);
    expect(values.config.inputs).toContain('storage.type filesystem');
    expect(values.config.outputs).toContain('format json_lines');
    expect(values.config.customParsers).toBe('');
    expect(values.metricsPort).toBe(2020);
    expect(values.config.service).toContain('http_port 2020');
  });
});
