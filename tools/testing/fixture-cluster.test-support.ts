/**
 * Test data: the toolkit's own example cluster. Toolkit tests use it, never the fleet in clusters/
 * (the user's to edit). Addresses are from TEST-NET-1 (RFC 5737).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chartSources } from '@gitops/chart-sources';
import { clusterDefinitionPath, clusterDir, defineCluster, type ApiServer, type ClusterDefinition, type RenderOptions } from '@gitops/cluster';
import { FLUENT_BIT_CHART, logCollection, type LogCollectionSettings } from '@gitops/log-collection';
import { validSettings } from '../../libs/log-collection/src/fixture.test-support';
import { applyPlan, readOutputFolder } from '../render/output-folder';
import { planRender } from '../render/plan';
import { renderedFiles } from '../render/rendered-files';
import { workspaceRoot } from '../workspace';

export const FIXTURE = 'fixture';
export const FIXTURE_PROJECT = 'clusters-fixture';
export const FIXTURE_DIR = clusterDir(FIXTURE);
export const FIXTURE_API_SERVER: ApiServer = { cidrs: ['192.0.2.11/32', '192.0.2.12/32'], port: 6443 };

/** The log-collection settings of the lib's own tests: one set of valid settings for the toolkit. */
export const fixtureLogCollection = (): LogCollectionSettings => validSettings();

export interface FixtureChanges {
  environment?: string;
  logCollection?: Partial<LogCollectionSettings>;
}

/** The fixture cluster, with top-level changes to its settings or its log collection. */
export const fixtureCluster = (changes: FixtureChanges = {}): ClusterDefinition =>
  defineCluster({
    environment: changes.environment ?? 'testing',
    apiServer: FIXTURE_API_SERVER,
    apps: [chartSources([FLUENT_BIT_CHART]), logCollection({ ...fixtureLogCollection(), ...changes.logCollection })],
  });

/** Renders a cluster into `root`'s kubernetes/clusters/<name>, as `render` would. */
export function renderInto(root: string, definition: ClusterDefinition = fixtureCluster(), options: RenderOptions = {}, name = FIXTURE): void {
  const out = join(root, clusterDir(name));
  const { files } = renderedFiles(name, definition, options);
  applyPlan(out, planRender(`clusters-${name}`, files, readOutputFolder(out)));
}

/**
 * A scratch workspace: the fixture cluster's definition at clusters/fixture/cluster.ts (with
 * `changes`), rendered unless `rendered` is false. Run the CLIs in it with `cwd` set to it.
 */
export function scratchWorkspace(changes: FixtureChanges = {}, { rendered = true } = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'gitops-fixture-'));
  const definition = join(root, clusterDefinitionPath(FIXTURE));
  mkdirSync(join(definition, '..'), { recursive: true });
  writeFileSync(
    definition,
    `import { fixtureCluster } from '${join(workspaceRoot, 'tools/testing/fixture-cluster.test-support.ts')}';\n` +
      `export default fixtureCluster(${JSON.stringify(changes)});\n`,
  );
  if (rendered) renderInto(root, fixtureCluster(changes));
  return root;
}
