import { readdirSync, readFileSync, renameSync, rmdirSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { RenderPlan } from './plan';

/** Every file below `root` (relative path -> content); an absent folder is empty. */
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
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(root, path), readFileSync(path, 'utf8'));
  }
  return files;
}

const TEMPORARY_SUFFIX = '.render-tmp';

/**
 * Applies a plan so that a failure leaves the previous files: every new file is first written
 * beside its target, and only when all are on disk are they renamed into place. Stale files go
 * last, and folders they leave empty with them.
 */
export function applyPlan(root: string, plan: RenderPlan): void {
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
  for (const path of plan.remove) {
    rmSync(join(root, path));
    removeEmptyParents(root, dirname(join(root, path)));
  }
}

function removeEmptyParents(root: string, folder: string): void {
  for (let current = folder; relative(root, current) !== '' && !relative(root, current).startsWith('..'); current = dirname(current)) {
    if (readdirSync(current).length > 0) return;
    rmdirSync(current);
  }
}
