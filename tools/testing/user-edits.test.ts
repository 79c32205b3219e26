import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { newDefinition } from '../nx-plugin/src/generators/cluster/definition';
import { workspaceRoot } from '../workspace';

// A user's path: the generator writes a cluster, the user edits every setting, renders and
// validates. Runs the real render and validate commands in a scratch workspace.
const root = mkdtempSync(join(tmpdir(), 'user-edits-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const run = (tool: 'render' | 'validate', cluster: string) =>
  spawnSync(join(workspaceRoot, 'node_modules/.bin/tsx'), ['--tsconfig', join(workspaceRoot, 'tsconfig.json'), join(workspaceRoot, `tools/${tool}/main.ts`), '--cluster', cluster], {
    cwd: root,
    encoding: 'utf8',
  });

function addCluster(name: string, text: string): void {
  mkdirSync(join(root, 'clusters', name), { recursive: true });
  writeFileSync(join(root, 'clusters', name, 'cluster.ts'), text);
}

/** Every setting the generated definition has, changed to another valid value. */
const EDITS: Array<[string, string]> = [
  ["environment: 'production'", "environment: 'staging'"],
  ["cidrs: ['192.0.2.10/32'], port: 6443", "cidrs: ['172.16.5.1/32', 'fd00:10::1/128'], port: 443"],
  ["vmauth: operatorVMAuth({ name: 'victoria-logs', namespace: 'observability' })", "vmauth: victoriaLogsClusterVMAuth({ release: 'logs', namespace: 'logging', port: 9427 })"],
  ['requiresCredentials: false', 'requiresCredentials: true'],
  ['maxLineBytes: VICTORIA_LOGS_MAX_LINE_BYTES', 'maxLineBytes: 1048576'],
  ['operatorVMAuth, VICTORIA_LOGS_MAX_LINE_BYTES', 'operatorVMAuth, victoriaLogsClusterVMAuth, VICTORIA_LOGS_MAX_LINE_BYTES'],
  ["dependsOn: ['observability-victoria-logs']", "dependsOn: ['logging-victoria-logs', 'logging-vmauth']"],
  ["// credentials: {", 'credentials: {'],
  ['tenant: { accountId: 0, projectId: 0 }', 'tenant: { accountId: 7, projectId: 3 }'],
  ['outage: { minutes: 60, linesPerSecond: 300 }', 'outage: { minutes: 30, linesPerSecond: 2000 }'],
  ['auditLogs: { enabled: false }', 'auditLogs: { enabled: true, tenant: { accountId: 2, projectId: 5 }, outage: { minutes: 120, linesPerSecond: 20 } }'],
  ["namespace: { name: 'observability', managed: true }", "namespace: { name: 'logging', managed: false }"],
  ["requests: { cpu: '50m', memory: '64Mi' }", "requests: { cpu: '100m', memory: '96Mi' }"],
  ["limits: { cpu: '200m', memory: '128Mi' }", "limits: { cpu: '1', memory: '256Mi' }"],
];

describe('a generated cluster, edited by its user', () => {
  it('renders and validates as generated', () => {
    addCluster('edge', newDefinition('edge', { environment: 'production', audit: false }));
    expect(run('render', 'edge').status).toBe(0);
    const validated = run('validate', 'edge');
    expect(validated.stdout).toMatch(/^edge: 0 errors, 0 warnings;/);
    expect(validated.status).toBe(0);
  });

  it('renders and validates with every setting changed', () => {
    let text = newDefinition('edited', { environment: 'production', audit: false });
    for (const [from, to] of EDITS) {
      expect(text, from).toContain(from);
      text = text.replace(from, to);
    }
    addCluster('edited', text);
    const rendered = run('render', 'edited');
    expect(rendered.stderr).toBe('');
    const validated = run('validate', 'edited');
    // The one warning is the reminder that a namespace managed elsewhere needs its PSA label.
    expect(validated.stdout).toMatch(/^edited: 0 errors, 1 warning;/);
    expect(validated.stdout).toContain('namespace logging is managed elsewhere');
    expect(validated.status).toBe(0);
    const settings = readFileSync(join(root, 'kubernetes/clusters/edited/cluster-settings.yaml'), 'utf8');
    expect(settings).toContain('OBSERVABILITY_AUDIT_PROJECT_ID: "5"');
    expect(settings).toContain('OBSERVABILITY_LOG_ENDPOINT_HOST: logs-victoria-logs-cluster-vmauth.logging.svc.cluster.local');
  });
});
