/** The git side of the diff: which base to compare with, and a cluster's folder as it was there. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A problem the user can act on, printed as one line. */
export class DiffInputError extends Error {}

const git = (root: string, args: string[], input?: Buffer): string =>
  execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: 256 * 2 ** 20, ...(input && { input }) }).trim();

const tryGit = (root: string, args: string[]): string | undefined => {
  try {
    return git(root, args);
  } catch {
    return undefined;
  }
};

const commitOf = (root: string, ref: string) => tryGit(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);

export interface Base {
  /** The commit compared with. */
  commit: string;
  /** How it was chosen, for the report: `main (merge base)`, `origin/main`, the ref given. */
  label: string;
}

/**
 * The base: `ref` when given; else the merge base of HEAD with main (origin/main when there is no
 * local main, as in a CI checkout); else HEAD itself, so the diff shows uncommitted work.
 */
export function resolveBase(root: string, ref: string | undefined): Base {
  if (tryGit(root, ['rev-parse', '--git-dir']) === undefined) throw new DiffInputError(`${root} is not a git repository`);
  if (ref !== undefined) {
    const commit = commitOf(root, ref);
    if (!commit) throw new DiffInputError(`unknown git ref ${JSON.stringify(ref)} (--base): not a commit in this repository`);
    return { commit, label: `${ref} (${commit.slice(0, 7)})` };
  }
  for (const main of ['main', 'origin/main']) {
    if (!commitOf(root, main)) continue;
    const commit = tryGit(root, ['merge-base', 'HEAD', main]);
    if (commit) return { commit, label: `merge base with ${main} (${commit.slice(0, 7)})` };
  }
  const head = commitOf(root, 'HEAD');
  if (!head) throw new DiffInputError('no base: the repository has no commit (give --base <ref>)');
  return { commit: head, label: `HEAD (${head.slice(0, 7)}): no main branch to take a merge base with` };
}

/** Extracts `folders` (repository-relative) as they are at `commit` into a new temporary tree; absent there: left out. */
export function extractTree(root: string, commit: string, folders: readonly string[]): string {
  const out = mkdtempSync(join(tmpdir(), 'gitops-diff-base-'));
  const present = folders.filter((folder) => tryGit(root, ['ls-tree', '-d', '--name-only', commit, '--', folder]) !== '');
  if (present.length === 0) return out;
  const archive = execFileSync('git', ['archive', '--format=tar', commit, '--', ...present], { cwd: root, maxBuffer: 1024 * 2 ** 20 });
  execFileSync('tar', ['-x', '-C', out], { input: archive, maxBuffer: 1024 * 2 ** 20 });
  return out;
}

/** Cluster folder names below `dir` (repository-relative) at `commit`. */
export function clustersAt(root: string, commit: string, dir: string): string[] {
  const listing = tryGit(root, ['ls-tree', '-d', '--name-only', `${commit}:${dir}`]);
  return listing ? listing.split('\n').filter(Boolean) : [];
}

/** Cluster folder names below `dir` in the working tree. */
export function clustersInTree(root: string, dir: string): string[] {
  try {
    return readdirSync(join(root, dir), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
  } catch {
    return [];
  }
}
