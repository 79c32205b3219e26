/**
 * Renders one cluster's manifests into its folder under kubernetes/clusters.
 *
 *   tsx tools/render/main.ts --cluster infra [--check]
 *
 * The cluster is the folder clusters/<name> (its cluster.ts); it renders to kubernetes/clusters/<name>.
 * --check writes nothing and exits 1 when the committed files differ from a fresh render.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { clusterDir, clusterProject, HAND_WRITTEN_DIR } from '@gitops/cluster';
import { renderClusterFolder } from './load-cluster';
import { applyPlan, readOutputFolder } from './output-folder';
import { planRender } from './plan';

const USAGE = 'usage: render --cluster <name> [--check]   (run from the workspace root)';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let args;
try {
  args = parseArgs({ options: { cluster: { type: 'string' }, check: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } } }).values;
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const name = args.cluster;
if (!name) fail(USAGE);

const root = process.cwd();
const project = clusterProject(name);
const out = clusterDir(name);

let rendered;
try {
  rendered = await renderClusterFolder(root, name);
} catch (error) {
  fail(`${project}: ${(error as Error).message}`);
}

const plan = planRender(project, rendered.files, readOutputFolder(join(root, out)));
if (plan.conflicts.length > 0) {
  fail(
    `${project}: refusing to overwrite files it did not generate (hand-written, or another project's) in ${out}:\n` +
      plan.conflicts.map((path) => `  ${path}`).join('\n') +
      `\nMove them away (hand-written manifests belong in ${out}/${HAND_WRITTEN_DIR}/); nothing was written.`,
  );
}

const changes = [...plan.write.keys()].map((p) => `  write  ${p}`).concat(plan.remove.map((p) => `  remove ${p}`));
if (args.check) {
  if (changes.length > 0) fail(`${project}: ${out} is not what render produces:\n${changes.join('\n')}\nRun: nx run ${project}:render`);
  console.log(`${project}: ${out} is up to date (${rendered.files.size} files)`);
} else {
  try {
    applyPlan(join(root, out), plan);
  } catch (error) {
    fail(`${project}: writing ${out} failed, previous files kept: ${(error as Error).message}`);
  }
  if (changes.length > 0) console.log(changes.join('\n'));
  console.log(
    `${project}: ${rendered.files.size} files in ${out} (${plan.write.size} written, ${plan.remove.length} removed, ${plan.unchanged} unchanged)`,
  );
}
