import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { HAND_WRITTEN_DIR } from '@gitops/cluster';
import type { RenderPlan } from './plan';

const TEMPORARY_SUFFIX = '.render-tmp';

/**
 * Every file render may own below `root` (relative path -> content); an absent folder is empty.
 * Staging files left by an interrupted render are not content, and the hand-written folder is the
 * user's alone: never read, so never rewritten or removed.
 */
export function readOutputFolder(root: string): Map<string, string> {
  const files = new Map<string, string>();
  let entries;
  try {
    entries = readdirSync(root, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return files;
    throw error;
  }
  for (const entry of entries) {
    if (!entry.isFile() || entry.name.endsWith(TEMPORARY_SUFFIX)) continue;
    const path = join(entry.parentPath, entry.name);
    const key = relative(root, path);
    if (key.startsWith(`${HAND_WRITTEN_DIR}/`)) continue;
    files.set(key, readFileSync(path, 'utf8'));
  }
  return files;
}

/**
 * Applies a plan so that a failure leaves the previous files: every new file is first written
 * beside its target, and only when all are on disk are they renamed into place. Stale files go
 * last, and folders they leave empty with them.
 */
export function applyPlan(root: string, plan: RenderPlan): void {
  // Anything but a file (or nothing) at a target would make a rename fail half-way: refuse first.
  for (const path of plan.write.keys()) {
    const kind = kindOf(join(root, path));
    if (kind !== 'file' && kind !== 'none') throw new Error(`${path} exists and is a ${kind}, not a file`);
  }
  const staged: Array<[string, string]> = [];
  try {
    for (const [path, content] of plan.write) {
      const target = join(root, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(`${target}${TEMPORARY_SUFFIX}`, content);
      staged.push([`${target}${TEMPORARY_SUFFIX}`, target]);
    }
  } catch (error) {
    for (const [temporary] of staged) rmSync(temporary, { force: true });
    throw error;
  }
  for (const [temporary, target] of staged) renameSync(temporary, target);
  removeLeftoverStaging(root);
  for (const path of plan.remove) {
    rmSync(join(root, path));
    removeEmptyParents(root, dirname(join(root, path)));
  }
}

function removeLeftoverStaging(root: string): void {
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith(TEMPORARY_SUFFIX)) rmSync(join(entry.parentPath, entry.name));
  }
}

function kindOf(path: string): 'file' | 'none' | 'directory' | 'link' | 'special file' {
  try {
    const stat = lstatSync(path);
    return stat.isFile() ? 'file' : stat.isDirectory() ? 'directory' : stat.isSymbolicLink() ? 'link' : 'special file';
  } catch {
    return 'none';
  }
}

function removeEmptyParents(root: string, folder: string): void {
  for (let current = folder; relative(root, current) !== '' && !relative(root, current).startsWith('..'); current = dirname(current)) {
    if (readdirSync(current).length > 0) return;
    rmdirSync(current);
  }
}
