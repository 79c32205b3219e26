/** The fleet diff of a repository: base resolved, each cluster built on both sides, diffed, formatted. */
import { rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { diffCluster, formatMarkdown, formatText, type ClusterDiff } from '@gitops/manifest-diff';
import { findKustomize } from '../validate/kustomize';
import { buildCluster, entryDir, kustomizationDirs } from './cluster-objects';
import { prebuiltRunner } from './parallel-kustomize';
import type { DiffArgs } from './cli';
import { clustersAt, clustersInTree, DiffInputError, extractTree, resolveBase } from './git';

const CLUSTERS = 'kubernetes/clusters';

export interface FleetDiff {
  diffs: ClusterDiff[];
  /** The diff in the requested format (Markdown within the budget). */
  output: string;
  /** Whether the budget cut the Markdown. */
  cut: boolean;
  /** The full text form. */
  text: string;
  /** Objects a side could not build, one line each (printed as warnings). */
  problems: string[];
}

/** Throws DiffInputError for what the user must fix (unknown cluster or ref, no kustomize). */
export async function fleetDiff(root: string, args: Pick<DiffArgs, 'clusters' | 'base' | 'format' | 'budget'>): Promise<FleetDiff> {
  const base = resolveBase(root, args.base);
  const existing = new Set([...clustersInTree(root, CLUSTERS), ...clustersAt(root, base.commit, CLUSTERS)]);
  const names = args.clusters === 'all' ? [...existing].sort() : args.clusters;
  const unknown = names.filter((name) => !existing.has(name));
  if (unknown.length > 0) throw new DiffInputError(`unknown cluster ${unknown.join(', ')}: no ${CLUSTERS}/<name> in the working tree or at ${base.label}`);
  const found = findKustomize();
  if (!found) throw new DiffInputError('neither `kustomize` nor `kubectl` (with `kubectl kustomize`) is on PATH');

  // All of kubernetes/ at the base, not only the clusters' folders: a Flux Kustomization of a cluster
  // (a hand-written one) may point at a folder beside them.
  const tree = extractTree(root, base.commit, names.length > 0 ? ['kubernetes'] : []);
  try {
    // Every build first, side by side (entry points, then the Flux Kustomizations they list).
    const kustomize = prebuiltRunner(found, availableParallelism());
    const sides = names.flatMap((name) => [{ side: tree, name }, { side: root, name }]);
    await kustomize.prebuild(sides.map(({ side, name }) => entryDir(side, name)).filter((dir): dir is string => dir !== undefined));
    await kustomize.prebuild(sides.flatMap(({ side, name }) => kustomizationDirs(side, name, kustomize)));
    const diffs: ClusterDiff[] = [];
    const problems: string[] = [];
    for (const name of names) {
      const before = buildCluster(tree, name, kustomize);
      const after = buildCluster(root, name, kustomize);
      problems.push(...before.problems.map((problem) => `${name} at the base: ${problem}`), ...after.problems.map((problem) => `${name} in the working tree: ${problem}`));
      diffs.push(diffCluster(name, before, after));
    }
    const options = { base: base.label, warnings: problems };
    const text = formatText(diffs, options);
    const markdown = args.format === 'markdown' ? formatMarkdown(diffs, args.budget, options) : undefined;
    return { diffs, output: markdown?.markdown ?? text, cut: markdown?.cut ?? false, text, problems };
  } finally {
    rmSync(tree, { recursive: true, force: true });
  }
}
