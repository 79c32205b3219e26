/**
 * The rendered diff of clusters against a base git ref, with danger flags.
 *
 *   tsx tools/diff/main.ts --cluster infra [--base <ref>] [--format text|markdown] [--budget 60000]
 *   tsx tools/diff/main.ts --all | --clusters a,b
 *
 * Options and exit codes: ./cli.ts (`--help`).
 */
import { rmSync, writeFileSync } from 'node:fs';
import { clusterDir } from '@gitops/cluster';
import { diffCluster, formatMarkdown, formatText, type ClusterDiff } from '@gitops/manifest-diff';
import { findKustomize } from '../validate/kustomize';
import { buildCluster } from './cluster-objects';
import { readCommandLine } from './cli';
import { clustersAt, clustersInTree, DiffInputError, extractTree, resolveBase } from './git';

const CLUSTERS = 'kubernetes/clusters';

const args = readCommandLine(process.argv.slice(2));
const root = process.cwd();
let tree: string | undefined;
try {
  const base = resolveBase(root, args.base);
  const existing = new Set([...clustersInTree(root, CLUSTERS), ...clustersAt(root, base.commit, CLUSTERS)]);
  const names = args.clusters === 'all' ? [...existing].sort() : args.clusters;
  const unknown = names.filter((name) => !existing.has(name));
  if (unknown.length > 0) throw new DiffInputError(`unknown cluster ${unknown.join(', ')}: no ${CLUSTERS}/<name> in the working tree or at ${base.label}`);
  const kustomize = findKustomize();
  if (!kustomize) throw new DiffInputError('neither `kustomize` nor `kubectl` (with `kubectl kustomize`) is on PATH');

  tree = extractTree(root, base.commit, names.map(clusterDir));
  const diffs: ClusterDiff[] = [];
  for (const name of names) {
    const before = buildCluster(tree, name, kustomize);
    const after = buildCluster(root, name, kustomize);
    for (const problem of before.problems) process.stderr.write(`diff: ${name} at the base: ${problem}\n`);
    for (const problem of after.problems) process.stderr.write(`diff: ${name} in the working tree: ${problem}\n`);
    diffs.push(diffCluster(name, before, after));
  }

  const options = { base: base.label };
  const text = args.format === 'markdown' ? formatMarkdown(diffs, args.budget, options).markdown : formatText(diffs, options);
  const write = (file: string, content: string) => {
    try {
      writeFileSync(file, content);
    } catch (error) {
      throw new DiffInputError(`cannot write ${file}: ${(error as Error).message}`);
    }
  };
  if (args.fullTextFile) write(args.fullTextFile, args.format === 'text' ? text : formatText(diffs, options));
  if (args.outputFile) write(args.outputFile, text);
  else process.stdout.write(text);
} catch (error) {
  if (!(error instanceof DiffInputError)) throw error;
  process.stderr.write(`diff: ${error.message}\n`);
  process.exitCode = 1;
} finally {
  if (tree) rmSync(tree, { recursive: true, force: true });
}
