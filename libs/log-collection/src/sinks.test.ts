import { describe, expect, it } from 'vitest';
import { operatorVMAuth, victoriaLogsClusterVMAuth } from './sinks';

describe('log sink presets', () => {
  it('an operator-managed VMAuth: Service vmauth-<name>, pods by the operator`s selector labels', () => {
    expect(operatorVMAuth({ name: 'victoria-logs', namespace: 'observability' })).toEqual({
      service: { name: 'vmauth-victoria-logs', namespace: 'observability', port: 8427 },
      podLabels: { 'app.kubernetes.io/name': 'vmauth', 'app.kubernetes.io/instance': 'victoria-logs' },
    });
  });

  it('the victoria-logs-cluster chart`s vmauth: Service <fullname>-vmauth, pods labelled by the chart', () => {
    expect(victoriaLogsClusterVMAuth({ release: 'logs', namespace: 'logging' })).toEqual({
      service: { name: 'logs-victoria-logs-cluster-vmauth', namespace: 'logging', port: 8427 },
      podLabels: { 'app.kubernetes.io/name': 'victoria-logs-cluster', 'app.kubernetes.io/instance': 'logs', app: 'vmauth' },
    });
    // A release whose name contains the chart's is the fullname itself.
    expect(victoriaLogsClusterVMAuth({ release: 'victoria-logs-cluster', namespace: 'logging' }).service.name).toBe('victoria-logs-cluster-vmauth');
    expect(victoriaLogsClusterVMAuth({ release: 'logs', namespace: 'logging', fullnameOverride: 'vmauth' }).service.name).toBe('vmauth');
  });
});
