import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import {
  createNodesFromFiles,
  type CreateNodesContextV2,
  type CreateNodesV2,
  type ProjectConfiguration,
  type TargetConfiguration,
} from '@nx/devkit';
import { CLUSTER_DEFINITION_FILE, CLUSTER_NAME, CLUSTERS_DIR, clusterDir, clusterProject } from '@gitops/cluster/layout';

/** Projects whose code the cluster targets run: render and validate live in tools/. */
const TOOLKIT_PROJECTS = ['tools', 'nx-plugin'];

/** What validate's result depends on beyond source files: the libraries and tools it runs. */
const VALIDATE_ENVIRONMENT = [
  { externalDependencies: ['yaml', 'ajv', 'diff', 'tsx'] },
  { runtime: '(kubectl version --client; kustomize version; kubeconform -v; ${GITOPS_FLUX:-flux} --version) 2>/dev/null || true' },
  // The report's format (CI asks for GitHub annotations): a cached result replays its output.
  { env: 'GITOPS_VALIDATE_FORMAT' },
];

/**
 * Every folder `clusters/<name>/` with a `cluster.ts` is the project `clusters-<name>`: the folder
 * name is the single source of its name, its definition and its rendered folder.
 */
export const createNodesV2: CreateNodesV2 = [
  `${CLUSTERS_DIR}/*/${CLUSTER_DEFINITION_FILE}`,
  (definitions, options, context) => createNodesFromFiles(clusterNode, definitions, options, context),
];

function clusterNode(definition: string, _options: unknown, context: CreateNodesContextV2) {
  const root = dirname(definition);
  const name = basename(root);
  // A folder name that cannot be a cluster is left alone here; render names the problem.
  if (!CLUSTER_NAME.test(name)) return {};
  return { projects: { [root]: clusterProjectConfiguration(name, root, join(context.workspaceRoot, root)) } };
}

export function clusterProjectConfiguration(name: string, root: string, absoluteRoot: string): ProjectConfiguration {
  const rendered = `{workspaceRoot}/${clusterDir(name)}/**/*`;
  const targets: Record<string, TargetConfiguration> = {
    typecheck: {
      command: `tsx tools/nx-plugin/src/typecheck-folder.ts ${root}`,
      cache: true,
      inputs: ['default', '^production'],
    },
    // Never cached: a cache hit restores outputs by writing files, which could bring back a deleted
    // hand-written file or overwrite one at a generated path.
    // Executors of this plugin (./executors): Nx batches many clusters into a few processes.
    render: {
      executor: '@gitops/nx-plugin:render',
      options: { cluster: name },
      cache: false,
      inputs: ['production', '^production'],
    },
    validate: {
      executor: '@gitops/nx-plugin:validate',
      options: { cluster: name },
      cache: true,
      inputs: ['production', '^production', rendered, ...VALIDATE_ENVIRONMENT],
      outputs: [],
    },
    // The rendered diff against a git base (tools/diff): never cached, its input is the git history.
    diff: {
      command: `tsx tools/diff/main.ts --cluster ${name}`,
      cache: false,
    },
  };
  // A user's own tests of their cluster run only where they wrote some.
  if (hasTests(absoluteRoot)) targets['test'] = {};
  return {
    name: clusterProject(name),
    root,
    projectType: 'application',
    tags: ['type:cluster'],
    implicitDependencies: TOOLKIT_PROJECTS,
    targets,
  };
}

function hasTests(folder: string): boolean {
  try {
    return readdirSync(folder, { recursive: true, encoding: 'utf8' }).some((file) => file.endsWith('.test.ts'));
  } catch {
    return false;
  }
}
