import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURE_DIR, scratchWorkspace } from '../testing/fixture-cluster.test-support';
import { workspaceRoot } from '../workspace';

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((root) => rmSync(root, { recursive: true, force: true })));

const git = (root: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], { cwd: root, encoding: 'utf8' }).trim();

/** A fixture repository: the fixture cluster rendered and committed (the base). */
function repository(): string {
  const root = scratchWorkspace();
  roots.push(root);
  git(root, 'init', '--quiet', '--initial-branch=main');
  git(root, 'add', '.');
  git(root, 'commit', '--quiet', '-m', 'base');
  return root;
}

const rerender = (root: string) =>
  spawnSync('bash', [join(workspaceRoot, 'tools/ci/rerender.sh')], {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...process.env,
      RENDER_COMMAND: `${join(workspaceRoot, 'node_modules/.bin/tsx')} --tsconfig ${join(workspaceRoot, 'tsconfig.json')} ${join(workspaceRoot, 'tools/render/main.ts')} --cluster fixture`,
      GIT_AUTHOR_NAME: 'render',
      GIT_AUTHOR_EMAIL: 'render@example.com',
    },
  });

describe('the rerender step of Renovate pull requests', () => {
  it('commits the YAML a bump in TypeScript changes, on top of the bump, and leaves a clean tree', () => {
    const root = repository();
    // The head commit: a "bump" in the cluster's TypeScript, its YAML not rendered.
    const definition = join(root, 'clusters/fixture/cluster.ts');
    writeFileSync(definition, readFileSync(definition, 'utf8').replace('fixtureCluster({})', "fixtureCluster({ environment: 'staging' })"));
    git(root, 'commit', '--quiet', '-am', 'chore(deps): bump something');
    const result = rerender(root);
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe('changed');
    expect(git(root, 'log', '--format=%s', '-3').split('\n')).toEqual(['render: YAML for "chore(deps): bump something"', 'chore(deps): bump something', 'base']);
    expect(git(root, 'show', '--stat', '--format=', 'HEAD')).toContain(`${FIXTURE_DIR}/cluster-settings.yaml`);
    expect(git(root, 'status', '--porcelain')).toBe('');
  });

  it('makes no commit when the YAML is already current', () => {
    const root = repository();
    expect(rerender(root).stdout.trim()).toBe('unchanged');
    expect(git(root, 'log', '--format=%s')).toBe('base');
  });
});

describe('renovate.json', () => {
  const config = JSON.parse(readFileSync(join(workspaceRoot, 'renovate.json'), 'utf8')) as {
    customManagers: Array<{ managerFilePatterns: string[]; matchStrings: string[] }>;
  };
  const currentValues = (file: string) =>
    config.customManagers
      .filter((manager) => manager.managerFilePatterns.some((pattern) => new RegExp(pattern.slice(1, -1)).test(file)))
      .flatMap((manager) => manager.matchStrings.flatMap((match) => [...readFileSync(join(workspaceRoot, file), 'utf8').matchAll(new RegExp(match, 'g'))]))
      .map((found) => found.groups!);

  it('finds the annotated pins: the fluent-bit chart and kubeconform', () => {
    expect(currentValues('libs/log-collection/src/log-collection.ts')).toEqual([
      { datasource: 'docker', depName: 'ghcr.io/fluent/helm-charts/fluent-bit', currentValue: '0.58.1' },
    ]);
    expect(currentValues('tools/ci/install-tools.sh')).toEqual([{ datasource: 'go', depName: 'github.com/yannh/kubeconform', currentValue: 'v0.7.0' }]);
  });
});
