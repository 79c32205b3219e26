/** The diff on a fixture repository: the fixture cluster committed (base), then edited (head). */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURE_DIR, fixtureCluster, renderInto, scratchWorkspace } from '../testing/fixture-cluster.test-support';
import { workspaceRoot } from '../workspace';
import { parseCommandLine } from './cli';
import { fleetDiff } from './fleet-diff';

const roots: string[] = [];
afterAll(() => roots.splice(0).forEach((root) => rmSync(root, { recursive: true, force: true })));

const git = (root: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], { cwd: root, encoding: 'utf8' }).trim();

const APP = `${FIXTURE_DIR}/observability/fluent-bit/app`;

/** Replaces text in a file of the repository; throws when it is not there (no vacuous test). */
function edit(root: string, file: string, search: string, replacement: string): void {
  const path = join(root, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(search)) throw new Error(`${file} does not contain ${search}`);
  writeFileSync(path, text.replace(search, replacement));
}

/**
 * main: a commit without clusters (tagged `empty`), then the rendered fixture cluster; branch
 * `change`: the retry limit lowered and the API server rule widened, as a user would edit them.
 */
function repository(): string {
  const root = scratchWorkspace();
  roots.push(root);
  git(root, 'init', '--quiet', '--initial-branch=main');
  git(root, 'commit', '--quiet', '--allow-empty', '-m', 'empty');
  git(root, 'tag', 'empty');
  git(root, 'add', '.');
  git(root, 'commit', '--quiet', '-m', 'base');
  git(root, 'checkout', '--quiet', '-b', 'change');
  edit(root, `${APP}/helmrelease.yaml`, 'retry_limit: no_limits', 'retry_limit: 3');
  edit(root, `${APP}/networkpolicy.yaml`, 'cidr: 192.0.2.11/32', 'cidr: 192.0.2.0/24');
  git(root, 'commit', '--quiet', '-am', 'head');
  return root;
}

const TEXT = { format: 'text', budget: 60_000 } as const;

describe('diff on a fixture repository', () => {
  const root = repository();

  it('prints the retry limit and the NetworkPolicy change against the merge base with main, each with its danger flag', async () => {
    const { output, problems } = await fleetDiff(root, { ...TEXT, clusters: ['fixture'] });
    expect(problems).toEqual([]);
    expect(output).toMatch(/^Fleet diff against merge base with main \([0-9a-f]{7}\): 1 cluster changed of 1, 2 objects, ⚠ 2 danger flags/);
    expect(output).toContain(
      '  ~ HelmRelease observability/fluent-bit\n      ~ [OUTPUT] http kube.*: retry_limit no_limits -> 3\n          ⚠ durability: fewer retries (no_limits -> 3): chunks are dropped sooner while the sink is down\n',
    );
    expect(output).toContain(
      '      ~ spec.egress[1].to[0].ipBlock.cidr: 192.0.2.11/32 -> 192.0.2.0/24\n          ⚠ network-widened: new destination ipBlock 192.0.2.0/24 (wider than ipBlock 192.0.2.11/32) on TCP 6443\n',
    );
  });

  it('shows every object of a cluster absent at the base as added, in Markdown', async () => {
    const { output, diffs, cut } = await fleetDiff(root, { clusters: 'all', base: 'empty', format: 'markdown', budget: 60_000 });
    expect(cut).toBe(false);
    expect(diffs[0]!.objects.every((object) => object.status === 'added')).toBe(true);
    expect(output).toMatch(/\| HelmRelease \| [1-9] \| 0 \| 0 \|/);
    expect(output).toContain('<code>+ NetworkPolicy observability/fluent-bit-egress</code>');
  });

  it('refuses an unknown cluster or ref with one line and exit 1 (the CLI), a bad option with its reason', async () => {
    const cli = (...args: string[]) =>
      spawnSync(join(workspaceRoot, 'node_modules/.bin/tsx'), ['--tsconfig', join(workspaceRoot, 'tsconfig.json'), join(workspaceRoot, 'tools/diff/main.ts'), ...args], { cwd: root, encoding: 'utf8' });
    await expect(fleetDiff(root, { ...TEXT, clusters: ['nope'] })).rejects.toThrow(/^unknown cluster nope: no kubernetes\/clusters\/<name> in the working tree or at merge base with main/);
    const ref = cli('--cluster', 'fixture', '--base', 'no-such-ref');
    expect([ref.status, ref.stderr]).toEqual([1, 'diff: unknown git ref "no-such-ref" (--base): not a commit in this repository\n']);
    const notGit = mkdtempSync(join(tmpdir(), 'gitops-not-git-'));
    roots.push(notGit);
    await expect(fleetDiff(notGit, { ...TEXT, clusters: 'all' })).rejects.toThrow(/is not a git repository$/);
    expect(parseCommandLine(['--format', 'html', '--all'])).toEqual({ error: '--format must be text or markdown, not "html"' });
  });

  it('says what it could not build, above the diff, instead of passing over it', async () => {
    const broken = repository();
    // Uncommitted work counts: the working tree is the head.
    edit(broken, `${APP}/helmrelease.yaml`, 'log_level: warn', 'log_level: ${NO_SUCH_VARIABLE}');
    const { output, problems } = await fleetDiff(broken, { ...TEXT, clusters: ['fixture'] });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^fixture in the working tree: Kustomization observability-fluent-bit: post-build substitution .*NO_SUCH_VARIABLE/);
    expect(output.split('\n')[1]).toBe(`warning: ${problems[0]}`);
  });

  it('builds a hand-written Kustomization whose path is beside the cluster folder, at the base too', async () => {
    const repo = scratchWorkspace();
    roots.push(repo);
    const write = (file: string, text: string) => {
      mkdirSync(join(repo, file, '..'), { recursive: true });
      writeFileSync(join(repo, file), text);
    };
    write(`${FIXTURE_DIR}/hand-written/kustomization.yaml`, 'resources:\n  - notes.yaml\n');
    write(
      `${FIXTURE_DIR}/hand-written/notes.yaml`,
      'apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: notes\n  namespace: flux-system\n' +
        'spec:\n  interval: 30m\n  path: ./kubernetes/shared/notes\n  prune: true\n  sourceRef:\n    kind: GitRepository\n    name: flux-system\n',
    );
    write('kubernetes/shared/notes/kustomization.yaml', 'resources:\n  - configmap.yaml\n');
    write('kubernetes/shared/notes/configmap.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: notes\n  namespace: default\ndata:\n  text: hello\n');
    renderInto(repo, fixtureCluster(), { handWritten: true }); // lists hand-written/ in the entry point
    git(repo, 'init', '--quiet', '--initial-branch=main');
    git(repo, 'add', '.');
    git(repo, 'commit', '--quiet', '-m', 'base');
    edit(repo, 'kubernetes/shared/notes/configmap.yaml', 'text: hello', 'text: goodbye');
    const { output, problems } = await fleetDiff(repo, { ...TEXT, clusters: ['fixture'] });
    expect(problems).toEqual([]);
    expect(output).toContain('  ~ ConfigMap default/notes\n      ~ data.text: hello -> goodbye\n');
  });
});
