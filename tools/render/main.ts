/**
 * Renders one cluster's manifests into its folder under kubernetes/clusters.
 *
 *   tsx tools/render/main.ts --project clusters-infra --definition clusters/infra/src/index.ts \
 *     --out kubernetes/clusters/infra [--check]
 *
 * --check writes nothing and exits 1 when the committed files differ from a fresh render.
 */
import { normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ClusterSettingsError, type ClusterDefinition } from '@gitops/cluster';
import { applyPlan, readOutputFolder } from './output-folder';
import { planRender } from './plan';
import { renderedFiles } from './rendered-files';

const { values: args } = parseArgs({
  options: {
    project: { type: 'string' },
    definition: { type: 'string' },
    out: { type: 'string' },
    check: { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const { project, definition: definitionPath, out } = args;
if (!project || !definitionPath || !out) {
  fail('usage: render --project <nx project> --definition <cluster module> --out <folder> [--check]');
}

const module = (await import(pathToFileURL(resolve(definitionPath)).href)) as { default?: ClusterDefinition };
if (!module.default) fail(`${project}: ${definitionPath} has no default export (a defineCluster(...) result)`);

let rendered;
try {
  rendered = renderedFiles(project, module.default);
} catch (error) {
  if (error instanceof ClusterSettingsError) fail(`${project}: ${error.message}`);
  throw error;
}
if (rendered.outDir !== normalize(out).replace(/\/$/, '')) {
  fail(`${project}: cluster ${module.default.settings.name} renders to ${rendered.outDir}, but the target writes to ${out}; make them agree`);
}

const plan = planRender(project, rendered.files, readOutputFolder(resolve(out)));
if (plan.conflicts.length > 0) {
  fail(
    `${project}: refusing to overwrite files it did not generate (hand-written, or another project's) in ${out}:\n` +
      plan.conflicts.map((path) => `  ${path}`).join('\n') +
      '\nMove them away or rename them; nothing was written.',
  );
}

const changes = [...plan.write.keys()].map((p) => `  write  ${p}`).concat(plan.remove.map((p) => `  remove ${p}`));
if (args.check) {
  if (changes.length > 0) fail(`${project}: ${out} is not what render produces:\n${changes.join('\n')}\nRun: nx run ${project}:render`);
  console.log(`${project}: ${out} is up to date (${rendered.files.size} files)`);
} else {
  try {
    applyPlan(resolve(out), plan);
  } catch (error) {
    fail(`${project}: writing ${out} failed, previous files kept: ${(error as Error).message}`);
  }
  if (changes.length > 0) console.log(changes.join('\n'));
  console.log(
    `${project}: ${rendered.files.size} files in ${out} (${plan.write.size} written, ${plan.remove.length} removed, ${plan.unchanged} unchanged)`,
  );
}
