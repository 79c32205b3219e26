/**
 * The render command for one cluster, as a function: main.ts runs it once per process, a batch
 * (tools/cluster-batch) many times in one. Output and exit code are the command's, unchanged.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { clusterDir, clusterProject, HAND_WRITTEN_DIR } from '@gitops/cluster';
import type { CommandResult } from '../cluster-batch/command-result';
import { renderClusterFolder } from './load-cluster';
import { applyPlan, readOutputFolder } from './output-folder';
import { planRender } from './plan';

export const RENDER_USAGE = 'usage: render --cluster <name> [--check]   (run from the workspace root)';

/** Renders (or with --check, compares) the cluster the arguments name, in `root`. */
export async function renderCommand(root: string, argv: readonly string[]): Promise<CommandResult> {
  const fail = (message: string): CommandResult => ({ stdout: '', stderr: `${message}\n`, code: 1 });
  let args;
  try {
    args = parseArgs({ args: [...argv], options: { cluster: { type: 'string' }, check: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } } }).values;
  } catch (error) {
    return fail(`${(error as Error).message}\n${RENDER_USAGE}`);
  }
  if (args.help) return { stdout: `${RENDER_USAGE}\n`, stderr: '', code: 0 };
  const name = args.cluster;
  if (!name) return fail(RENDER_USAGE);
  const project = clusterProject(name);
  const out = clusterDir(name);
  let rendered;
  try {
    rendered = await renderClusterFolder(root, name);
  } catch (error) {
    return fail(`${project}: ${(error as Error).message}`);
  }
  const plan = planRender(project, rendered.files, readOutputFolder(join(root, out)));
  if (plan.conflicts.length > 0) {
    return fail(
      `${project}: refusing to overwrite files it did not generate (hand-written, or another project's) in ${out}:\n` +
        plan.conflicts.map((path) => `  ${path}`).join('\n') +
        `\nMove them away (hand-written manifests belong in ${out}/${HAND_WRITTEN_DIR}/); nothing was written.`,
    );
  }
  const changes = [...plan.write.keys()].map((p) => `  write  ${p}`).concat(plan.remove.map((p) => `  remove ${p}`));
  if (args.check) {
    if (changes.length > 0) return fail(`${project}: ${out} is not what render produces:\n${changes.join('\n')}\nRun: nx run ${project}:render`);
    return { stdout: `${project}: ${out} is up to date (${rendered.files.size} files)\n`, stderr: '', code: 0 };
  }
  try {
    applyPlan(join(root, out), plan);
  } catch (error) {
    return fail(`${project}: writing ${out} failed, previous files kept: ${(error as Error).message}`);
  }
  const lines = changes.length > 0 ? [changes.join('\n')] : [];
  lines.push(`${project}: ${rendered.files.size} files in ${out} (${plan.write.size} written, ${plan.remove.length} removed, ${plan.unchanged} unchanged)`);
  return { stdout: `${lines.join('\n')}\n`, stderr: '', code: 0 };
}
