/**
 * A synthetic fleet for benchmarks: a temporary copy of the workspace (toolkit, libs, schemas,
 * config; node_modules linked) whose clusters/ holds N copies of the toolkit's fixture cluster,
 * rendered, committed to a fresh git repository (so `nx affected` has a base). Never the repo's
 * own clusters/: the fleet there is the user's.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clusterDefinitionPath } from '@gitops/cluster';
import { fixtureCluster, renderInto } from '../testing/fixture-cluster.test-support';
import { workspaceRoot } from '../workspace';

/** What the copy needs to run Nx, render and validate: everything but the fleet, git and caches. */
const COPIED = ['libs', 'tools', 'schemas', 'nx.json', 'package.json', 'package-lock.json', 'tsconfig.base.json', 'tsconfig.json', 'vitest.config.ts'];

export const fleetClusterName = (index: number): string => `c${String(index).padStart(3, '0')}`;

/** Each cluster file: the fixture cluster, imported from the copy's own test support. */
const definition = `import { fixtureCluster } from '../../tools/testing/fixture-cluster.test-support';\nexport default fixtureCluster();\n`;

/** A workspace copy with `count` fixture clusters, rendered (in-process) and committed. */
export function fleetWorkspace(count: number): string {
  const root = mkdtempSync(join(tmpdir(), `fleet-${count}-`));
  for (const entry of COPIED) cpSync(join(workspaceRoot, entry), join(root, entry), { recursive: true, filter: (path) => !path.includes('/.nx/') && !path.includes('/dist/') });
  symlinkSync(join(workspaceRoot, 'node_modules'), join(root, 'node_modules'));
  writeFileSync(join(root, '.gitignore'), 'node_modules\n.nx/\ndist/\n');
  for (let index = 1; index <= count; index += 1) {
    const name = fleetClusterName(index);
    const file = join(root, clusterDefinitionPath(name));
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, definition);
    renderInto(root, fixtureCluster(), {}, name);
  }
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', 'commit', '-q', '-m', 'fleet');
  return root;
}
