import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scratchWorkspace } from '../testing/fixture-cluster.test-support';
import { workspace } from './validate.test-support';

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((root) => rmSync(root, { recursive: true, force: true })));

/** The validate command, run in a scratch workspace holding the fixture cluster. */
const run = (root: string, ...args: string[]) =>
  spawnSync(join(workspace, 'node_modules/.bin/tsx'), ['--tsconfig', join(workspace, 'tsconfig.json'), join(workspace, 'tools/validate/main.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
  });
const scratch = (...args: Parameters<typeof scratchWorkspace>) => {
  const root = scratchWorkspace(...args);
  roots.push(root);
  return root;
};

describe('validate command', () => {
  it('passes a freshly rendered cluster and prints the per-kind summary', () => {
    const result = run(scratch(), '--cluster', 'fixture');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      'fixture: 0 errors, 0 warnings; checked 1 ConfigMap, 2 HelmRelease, 2 Kustomization, 1 Namespace, 2 NetworkPolicy, 1 OCIRepository, 2 VMRule, 2 VMServiceScrape\n' +
        '  ran drift on 12 rendered files, kustomize on 12 files, 3 builds, flux-build on 2 Kustomizations (10 objects), schema on 13 objects,' +
        ' helm-values on 2 fluent-bit releases, pipeline on 2 fluent-bit releases, cross-reference on 2 Kustomizations, 10 objects, 2 fluent-bit releases\n',
    );
  });

  it('prints machine-readable JSON with --output json', () => {
    const result = run(scratch(), '--cluster', 'fixture', '--output', 'json');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ cluster: 'fixture', errors: 0, warnings: 0, findings: [], objects: { HelmRelease: 2 } });
  });

  it('exits 1 on an error and prints each finding with file, object, path, reason and fix', () => {
    // Rendered as "testing", then the settings changed to "staging" without a render: drift.
    const root = scratch();
    const edited = scratchWorkspace({ environment: 'staging' }, { rendered: false });
    roots.push(edited);
    rmSync(join(root, 'clusters'), { recursive: true });
    spawnSync('cp', ['-r', join(edited, 'clusters'), join(root, 'clusters')]);
    const result = run(root, '--cluster', 'fixture');
    expect(result.status).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^fixture: 1 error, 0 warnings; checked /);
    expect(lines[1]).toMatch(/^  ran drift on 12 rendered files, /);
    expect(lines.slice(2, 5)).toEqual([
      '  error [drift] kubernetes/clusters/fixture/cluster-settings.yaml',
      '    committed file differs from a fresh render (ConfigMap/flux-system/cluster-settings)',
      '    fix: run `nx run clusters-fixture:render` and commit the result',
    ]);
    expect(result.stdout).toContain('-  ENVIRONMENT: testing');
    expect(result.stdout).toContain('+  ENVIRONMENT: staging');
  });

  it('exits 1 naming the cluster when it has no definition', () => {
    const result = run(scratch(), '--cluster', 'nowhere');
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('clusters-nowhere: no cluster definition at clusters/nowhere/cluster.ts\n');
  });

  it('exits 2 with the usage on a bad option, without a stack trace', () => {
    const root = scratch();
    const badValue = run(root, '--cluster', 'fixture', '--output', 'xml');
    expect(badValue.status).toBe(2);
    expect(badValue.stderr).toContain('usage: validate --cluster <name>');
    const unknown = run(root, '--cluster', 'fixture', '--definition', 'x.ts');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--definition'");
    expect(unknown.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints GitHub Actions annotations with file, line and column (--format github)', () => {
    const root = scratch();
    const file = join(root, 'kubernetes/clusters/fixture/observability/fluent-bit/app/networkpolicy.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('\n  podSelector:', '\n  podSelecter: {}\n  podSelector:'));
    const result = run(root, '--cluster', 'fixture', '--format', 'github');
    expect(result.status).toBe(1);
    const line = readFileSync(file, 'utf8').split('\n').findIndex((text) => text.startsWith('  podSelecter')) + 1;
    expect(result.stdout.split('\n')).toContainEqual(
      `::error file=kubernetes/clusters/fixture/observability/fluent-bit/app/networkpolicy.yaml,line=${line},col=3,title=fixture [schema] NetworkPolicy/observability/fluent-bit-egress spec.podSelecter::unknown field \`podSelecter\`%0Afix: fix the field to match the API schema`,
    );
    expect(result.stdout.trimEnd().split('\n').at(-1)).toMatch(/^::notice title=validate fixture::fixture: \d+ errors?, 0 warnings; checked /);
  });

  it('writes clean JSON to --output-file and nothing to stdout', () => {
    const root = scratch();
    const result = run(root, '--cluster', 'fixture', '--format', 'json', '--output-file', 'report.json');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(root, 'report.json'), 'utf8'))).toMatchObject({ cluster: 'fixture', errors: 0 });
  });
});
