import { describe, expect, it } from 'vitest';
import { ClusterSettingsError } from '@gitops/cluster';
import { renderDemo, validSettings } from './fixture.test-support';
import { logCollectionIssues } from './settings';

const SOURCE = 'clusters/demo/cluster.ts';
const APP = 'apps["observability/fluent-bit"]';

/** The validation error for settings changed by `change`, as the cluster reports it. */
function errorFor(change: (settings: Record<string, any>) => void): ClusterSettingsError {
  const settings = validSettings() as unknown as Record<string, any>;
  change(settings);
  try {
    renderDemo(settings as never);
  } catch (error) {
    expect(error).toBeInstanceOf(ClusterSettingsError);
    return error as ClusterSettingsError;
  }
  throw new Error('settings were accepted');
}

describe('cluster settings validation', () => {
  it('accepts valid settings', () => {
    expect(logCollectionIssues(validSettings())).toEqual([]);
  });

  it.each([
    ['a CPU that is not a quantity', (s: any) => (s.fluentBit.resources.limits.cpu = '2 cores'), 'fluentBit.resources.limits.cpu', '2 cores', /Kubernetes quantity/],
    ['a memory that is not a quantity', (s: any) => (s.fluentBit.resources.requests.memory = '64MB'), 'fluentBit.resources.requests.memory', '64MB', /Kubernetes quantity/],
    ['a CPU limit below its request', (s: any) => (s.fluentBit.resources.limits.cpu = '20m'), 'fluentBit.resources.limits.cpu', '20m', /at least the request \(50m\)/],
    ['a memory limit below its request', (s: any) => (s.fluentBit.resources.limits.memory = '0.05Gi'), 'fluentBit.resources.limits.memory', '0.05Gi', /at least the request \(64Mi\)/],
    ['a missing required setting', (s: any) => delete s.logSink, 'logSink', undefined, /required setting/],
    ['required credentials left out', (s: any) => (s.logSink.requiresCredentials = true), 'logSink.credentials', undefined, /this vmauth requires them, answers 401 without/],
    ['a line limit above VictoriaLogs` 2 MB cap', (s: any) => (s.logSink.maxLineBytes = 4_000_000), 'logSink.maxLineBytes', 4_000_000, /hard cap/],
    ['pod labels left empty', (s: any) => (s.logSink.vmauth.podLabels = {}), 'logSink.vmauth.podLabels', {}, /at least one/],
    ['a port out of range', (s: any) => (s.logSink.vmauth.service.port = 70000), 'logSink.vmauth.service.port', 70000, /TCP port number from 1 to 65535/],
    ['a non-numeric tenant id', (s: any) => (s.containerLogs.tenant.accountId = 'default'), 'containerLogs.tenant.accountId', 'default', /whole number from 0 to 4294967295/],
    ['a tenant id beyond uint32', (s: any) => (s.auditLogs.tenant.projectId = 2 ** 32), 'auditLogs.tenant.projectId', 2 ** 32, /uint32/],
    ['a misspelt setting', (s: any) => (s.fluentBit.resource = {}), 'fluentBit.resource', {}, /unknown key; known here: namespace, resources/],
    ['audit enabled as a string', (s: any) => (s.auditLogs = { enabled: 'yes' }), 'auditLogs.enabled', 'yes', /true or false/],
    ['an outage queue larger than the node disk allowed', (s: any) => (s.containerLogs.outage = { minutes: 1440, linesPerSecond: 1000 }), 'containerLogs.outage', { minutes: 1440, linesPerSecond: 1000 }, /fits 20 GiB of node disk \(this one needs 64\.4 GiB/],
    ['audit enabled without a tenant', (s: any) => delete s.auditLogs.tenant, 'auditLogs.tenant', undefined, /required setting/],
    ['a string where a boolean goes', (s: any) => (s.fluentBit.namespace.managed = 'yes'), 'fluentBit.namespace.managed', 'yes', /true to render the Namespace here/],
    ['resources that are not an object', (s: any) => (s.fluentBit.resources = null), 'fluentBit.resources', null, /a value of type object/],
  ])('reports %s with cluster, field path, value and what is expected', (_, change, path, value, expected) => {
    const error = errorFor(change);
    const issue = error.issues.find((i) => i.path === `${APP}.${path}`);
    expect(issue, error.message).toBeDefined();
    expect(issue!.value).toEqual(value);
    expect(issue!.expected).toMatch(expected);
    expect(error.message).toContain(`${APP}.${path}: got ${value === undefined ? 'nothing' : JSON.stringify(value)}, expected`);
    expect(error.message).toContain(SOURCE);
  });

  it('names the cluster in the message', () => {
    expect(errorFor((s) => (s.logSink.vmauth.service.port = -1)).message).toMatch(/^invalid settings for cluster "demo" \(clusters\/demo\/cluster.ts\):/);
  });

  it('reports every problem at once, not only the first', () => {
    const error = errorFor((s) => {
      s.logSink.vmauth.service.port = 99999;
      s.containerLogs.tenant.projectId = 'x';
      s.extra = true;
      s.fluentBit.resources.limits.cpu = '10m';
    });
    expect(error.issues.map((i) => i.path.slice(APP.length + 1)).sort()).toEqual([
      'containerLogs.tenant.projectId',
      'extra',
      'fluentBit.resources.limits.cpu',
      'logSink.vmauth.service.port',
    ]);
  });

  it('requires a memory limit that holds the in-memory buffer chunks', () => {
    const error = errorFor((s) => {
      s.fluentBit.resources.requests.memory = '32Mi';
      s.fluentBit.resources.limits.memory = '48Mi';
    });
    expect(error.issues).toEqual([
      { path: `${APP}.fluentBit.resources.limits.memory`, value: '48Mi', expected: expect.stringMatching(/at least 64Mi: 16 buffer chunks/) },
    ]);
  });

  it('explains audit settings against the branch the user meant', () => {
    const error = errorFor((s) => (s.auditLogs = { enabled: false, tenant: { accountId: 1, projectId: 0 } }));
    expect(error.issues).toEqual([
      { path: `${APP}.auditLogs.tenant`, value: { accountId: 1, projectId: 0 }, expected: expect.stringMatching(/unknown key; known here: enabled/) },
    ]);
  });
});
