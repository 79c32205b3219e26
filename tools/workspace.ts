import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The monorepo root (this file is tools/workspace.ts). */
export const workspaceRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The upstream API definitions live outside the repository, in `shared/` beside the clone
 * (locally and in CI). GITOPS_SHARED_DIR overrides that for other layouts.
 */
export function sharedDir(): string {
  const dir = process.env['GITOPS_SHARED_DIR'] ?? join(workspaceRoot, '..', 'shared');
  if (!existsSync(join(dir, 'crds'))) {
    throw new Error(
      `codegen: no upstream API definitions at ${join(dir, 'crds')}; ` +
        'expected shared/ beside the repository, or set GITOPS_SHARED_DIR',
    );
  }
  return dir;
}
