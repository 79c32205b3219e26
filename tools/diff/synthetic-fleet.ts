/**
 * Measures the fleet diff on a synthetic fleet: N copies of the toolkit's fixture cluster rendered
 * into a temporary git repository (base), each then edited as in the diff's tests (retry limit
 * lowered, API server egress widened; head). Prints the Markdown size against the budget and the time.
 * `distinct` gives each cluster its own retry limit (no two diffs alike, so the budget must cut);
 * `same` makes one fleet-wide edit (the clusters are shown once, as a group).
 *
 *   tsx tools/diff/synthetic-fleet.ts [N=200] [budget=60000] [distinct|same]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clusterDir } from '@gitops/cluster';
import { fixtureCluster, renderInto } from '../testing/fixture-cluster.test-support';
import { fleetDiff } from './fleet-diff';

const count = Number(process.argv[2] ?? 200);
const budget = Number(process.argv[3] ?? 60_000);
const distinct = (process.argv[4] ?? 'distinct') === 'distinct';
const root = mkdtempSync(join(tmpdir(), 'gitops-synthetic-fleet-'));
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', ...args], { cwd: root, encoding: 'utf8' });
try {
  const names = Array.from({ length: count }, (_, i) => `cluster-${String(i).padStart(3, '0')}`);
  for (const name of names) renderInto(root, fixtureCluster(), {}, name);
  git('init', '--quiet', '--initial-branch=main');
  git('add', '.');
  git('commit', '--quiet', '-m', 'base');
  git('checkout', '--quiet', '-b', 'change');
  for (const [index, name] of names.entries()) {
    const app = join(root, clusterDir(name), 'observability/fluent-bit/app');
    const edit = (file: string, from: string, to: string) => writeFileSync(join(app, file), readFileSync(join(app, file), 'utf8').replace(from, to));
    edit('helmrelease.yaml', 'retry_limit: no_limits', `retry_limit: ${distinct ? index + 1 : 3}`);
    edit('networkpolicy.yaml', 'cidr: 192.0.2.11/32', 'cidr: 192.0.2.0/24');
  }
  git('commit', '--quiet', '-am', 'head');
  const started = performance.now();
  const result = await fleetDiff(root, { clusters: 'all', format: 'markdown', budget });
  const seconds = (performance.now() - started) / 1000;
  const objects = result.diffs.reduce((sum, diff) => sum + diff.objects.length, 0);
  const flags = result.diffs.reduce((sum, diff) => sum + diff.objects.reduce((n, o) => n + o.flags.length, 0), 0);
  console.log(
    `${count} clusters (${distinct ? 'distinct changes' : 'the same change'}), ${objects} changed objects, ${flags} danger flags: Markdown ${result.output.length} characters (budget ${budget}, cut: ${result.cut}), ` +
      `full text ${result.text.length} characters; diff took ${seconds.toFixed(1)} s (${((seconds * 1000) / count).toFixed(0)} ms a cluster)`,
  );
} finally {
  rmSync(root, { recursive: true, force: true });
}
