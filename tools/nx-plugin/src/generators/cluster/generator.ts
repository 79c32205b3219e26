import { execFileSync } from 'node:child_process';
import { getProjects, type GeneratorCallback, type Tree } from '@nx/devkit';
import { CLUSTER_NAME, DNS1123_LABEL, clusterDefinitionPath, clusterDir, clusterProject, clusterSourceDir } from '@gitops/cluster/layout';
import { auditLogsSetting, newDefinition, setProperty } from './definition';

export interface ClusterGeneratorOptions {
  name: string;
  environment?: string;
  copyFrom?: string;
  audit?: boolean;
  skipRender?: boolean;
}

/** Refused options: nothing was written. */
export class ClusterGeneratorError extends Error {}

/** The cluster settings schema's `environment`: a DNS-1123 label. */
const ENVIRONMENT = DNS1123_LABEL;

/**
 * `nx g @gitops/nx-plugin:cluster <name>`: writes clusters/<name>/cluster.ts (new, or a copy of
 * another cluster's definition) and renders it. Every check comes before the first write.
 */
export default async function clusterGenerator(tree: Tree, options: ClusterGeneratorOptions): Promise<GeneratorCallback | void> {
  const definition = clusterDefinition(tree, options);
  tree.write(clusterDefinitionPath(options.name), definition);
  if (options.skipRender) return;
  // Render once the files are on disk: the same command as the render target.
  return () => {
    execFileSync('npx', ['tsx', 'tools/render/main.ts', '--cluster', options.name], { cwd: tree.root, stdio: 'inherit' });
  };
}

/** The definition's text, or a ClusterGeneratorError saying what is wrong with the options. */
export function clusterDefinition(tree: Tree, options: ClusterGeneratorOptions): string {
  const { name, environment, copyFrom, audit } = options;
  const problems: string[] = [];
  if (!CLUSTER_NAME.test(name)) {
    problems.push(`invalid cluster name ${JSON.stringify(name)}: expected a DNS-1123 label (lower-case letters, digits and '-', at most 63 characters, starting and ending with a letter or digit)`);
  } else {
    for (const path of [clusterSourceDir(name), clusterDir(name)]) {
      if (tree.exists(path)) problems.push(`${path} already exists: choose another name, or remove it first`);
    }
    if (getProjects(tree).has(clusterProject(name))) problems.push(`a project named ${clusterProject(name)} already exists`);
  }
  if (environment !== undefined && !ENVIRONMENT.test(environment)) {
    problems.push(`invalid environment ${JSON.stringify(environment)}: expected a lower-case name such as production or staging`);
  }
  let copied: string | undefined;
  if (copyFrom !== undefined) {
    const source = CLUSTER_NAME.test(copyFrom) ? tree.read(clusterDefinitionPath(copyFrom), 'utf-8') : null;
    if (source === null) problems.push(`--copy-from ${copyFrom}: there is no cluster definition at ${clusterDefinitionPath(copyFrom)}`);
    else copied = source;
  }
  if (problems.length > 0) throw new ClusterGeneratorError(`cannot add cluster ${JSON.stringify(name)}:\n  ${problems.join('\n  ')}`);

  if (copied === undefined) return newDefinition(name, { environment: environment ?? 'production', audit: audit ?? false });
  // A copy keeps the source's text; the name comes from the new folder, so nothing else changes.
  const file = clusterDefinitionPath(copyFrom!);
  let text = copied;
  try {
    if (environment !== undefined) text = setProperty(text, file, 'environment', `'${environment}'`);
    if (audit !== undefined) text = setProperty(text, file, 'auditLogs', auditLogsSetting(audit));
  } catch (error) {
    throw new ClusterGeneratorError(`cannot add cluster ${JSON.stringify(name)}: ${(error as Error).message}`);
  }
  return text;
}
