import { describe, expect, it } from 'vitest';
import { CONTROL_PLANE_NODES, EVERY_NODE, fluentBitChartValues, type FluentBitChartOptions } from './chart-values';
import { logShippingPipeline } from './log-shipping';
import { TALOS_AUDIT_LOG_OWNER } from './paths';
import { containerLogsOnly, withAuditLogs } from './pipeline-options.test-support';

const pipeline = logShippingPipeline(containerLogsOnly);
/** The node collector: container logs, as root, on every node. */
const options: FluentBitChartOptions = {
  name: 'fluent-bit',
  pipeline,
  resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '200m', memory: '128Mi' } },
  reads: [
    { volume: 'containerlogs', path: '/var/log/containers', type: 'Directory' },
    { volume: 'podlogs', path: '/var/log/pods', type: 'Directory' },
  ],
  stateDir: '/var/fluent-bit/state',
  runAs: { user: 0, group: 0 },
  placement: EVERY_NODE,
  kubernetesApi: true,
};
const { containerLogs: _, ...auditOnly } = withAuditLogs;
/** The audit collector: the audit log's owner, control planes only, no API. */
const auditOptions: FluentBitChartOptions = {
  ...options,
  name: 'fluent-bit-audit',
  pipeline: logShippingPipeline({ ...auditOnly, stateDir: '/var/fluent-bit/audit-state' }),
  reads: [{ volume: 'auditlogs', path: '/var/log/audit/kube', type: 'Directory' }],
  stateDir: '/var/fluent-bit/audit-state',
  runAs: TALOS_AUDIT_LOG_OWNER,
  placement: CONTROL_PLANE_NODES,
  kubernetesApi: false,
};

describe('fluent-bit chart values', () => {
  const values = fluentBitChartValues(options);
  const audit = fluentBitChartValues(auditOptions);

  it('refuses "{{" in the classic configuration too: the chart passes it through Helm tpl', () => {
    const templated = { ...pipeline, filters: [{ name: 'modify' as const, match: 'kube.*', set: { cluster: '{{ .Release.Name }}' } }] };
    expect(() => fluentBitChartValues({ ...options, pipeline: templated })).toThrow(/Helm tpl/);
  });

  it('mounts only what the collector reads, read-only, and its state directory, through daemonSetVolumes/Mounts', () => {
    expect(values).not.toHaveProperty('volumes');
    expect(values).not.toHaveProperty('volumeMounts');
    expect(values.daemonSetVolumes).toEqual([
      { name: 'containerlogs', hostPath: { path: '/var/log/containers', type: 'Directory' } },
      { name: 'podlogs', hostPath: { path: '/var/log/pods', type: 'Directory' } },
      { name: 'state', hostPath: { path: '/var/fluent-bit/state', type: 'DirectoryOrCreate' } },
    ]);
    expect(values.daemonSetVolumeMounts).toEqual([
      { name: 'containerlogs', mountPath: '/var/log/containers', readOnly: true },
      { name: 'podlogs', mountPath: '/var/log/pods', readOnly: true },
      { name: 'state', mountPath: '/var/fluent-bit/state' },
    ]);
    expect(audit.daemonSetVolumeMounts).toEqual([
      { name: 'auditlogs', mountPath: '/var/log/audit/kube', readOnly: true },
      { name: 'state', mountPath: '/var/fluent-bit/audit-state' },
    ]);
    // Not /var/log as a whole, not containerd's or docker's state, not /etc/machine-id.
    for (const v of [values, audit]) expect(JSON.stringify(v.daemonSetVolumes)).not.toMatch(/"\/var\/log"|\/var\/lib|machine-id/);
  });

  it('mounts the directory of every tail DB and of the filesystem buffer writable', () => {
    for (const [v, o] of [[values, options], [audit, auditOptions]] as const) {
      const writable = v.daemonSetVolumeMounts!.filter((m) => !m.readOnly).map((m) => m.mountPath);
      const paths = [...o.pipeline.inputs.map((i) => i.db!), o.pipeline.service['storage.path']!];
      for (const path of paths) expect(writable.some((dir) => path.startsWith(`${dir}/`))).toBe(true);
    }
  });

  it('adds no capability to a collector, confines it with seccomp RuntimeDefault and forbids escalation', () => {
    for (const v of [values, audit]) {
      expect(v.securityContext).toMatchObject({
        privileged: false,
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ['ALL'] },
        seccompProfile: { type: 'RuntimeDefault' },
      });
      expect(v.securityContext?.capabilities?.add).toBeUndefined();
      expect(v.podSecurityContext).toEqual({ seccompProfile: { type: 'RuntimeDefault' } });
    }
  });

  it('runs the node collector as root on every node, with the API access the kubernetes filter needs', () => {
    expect(values.securityContext).toMatchObject({ runAsUser: 0, runAsGroup: 0, runAsNonRoot: false });
    expect(values.tolerations).toEqual([
      { operator: 'Exists', effect: 'NoSchedule' },
      { operator: 'Exists', effect: 'NoExecute' },
    ]);
    expect(values.nodeSelector).toBeUndefined();
    expect(values.rbac).toBeUndefined();
    expect(values.initContainers).toBeUndefined();
  });

  it('runs the audit collector as the audit log`s owner on control planes only, with no RBAC and no token', () => {
    expect(audit.securityContext).toMatchObject({ runAsUser: 65534, runAsGroup: 65534, runAsNonRoot: true });
    expect(audit.nodeSelector).toEqual({ 'node-role.kubernetes.io/control-plane': '' });
    expect(audit.tolerations).toEqual([{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }]);
    expect(audit.rbac).toEqual({ create: false });
    expect(audit.serviceAccount).toEqual({ create: true, automountServiceAccountToken: false });
  });

  it('hands the audit state directory to its user with a short-lived init container holding only CAP_CHOWN', () => {
    const [init, ...rest] = audit.initContainers ?? [];
    expect(rest).toEqual([]);
    expect(init!.securityContext).toMatchObject({ runAsUser: 0, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'], add: ['CHOWN'] } });
    expect(init!.volumeMounts).toEqual([{ name: 'state', mountPath: '/var/fluent-bit/audit-state' }]);
    const script = init!.command!.join(' ');
    // root takes it back first, so chmod needs no CAP_FOWNER; then the collector's user owns it, private.
    expect(script).toContain("chown 0:0 '/var/fluent-bit/audit-state' && chmod 0700 '/var/fluent-bit/audit-state' && chown 65534:65534 '/var/fluent-bit/audit-state'");
    expect(init!.image).toMatch(/^cr\.fluentbit\.io\/fluent\/fluent-bit:5\.1\.\d+-debug$/);
  });

  it('replaces the chart ServiceMonitor and puts the pipeline into the chart config, service section first', () => {
    expect(values.serviceMonitor).toEqual({ enabled: false });
    expect(values.config.service.startsWith('[SERVICE]\n')).toBe(true);
    expect(values.config.inputs).toContain('storage.type filesystem');
    expect(values.config.outputs).toContain('format json_lines');
    expect(values.metricsPort).toBe(2020);
    expect(values.config.service).toContain('http_port 2020');
  });
});
