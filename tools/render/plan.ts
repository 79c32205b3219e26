import { generatedBy } from './header';

export interface RenderPlan {
  /** Files to create or change (path -> content). */
  write: Map<string, string>;
  /** Files render generated earlier that it no longer generates. */
  remove: string[];
  /** Files at a path render wants that are not its own (hand-written, or another project's). */
  conflicts: string[];
  unchanged: number;
}

/**
 * Decides what `project`'s render changes in its output folder. It owns only files whose header
 * names it: hand-written files (or another project's) beside them are left alone, and one in the
 * way is a conflict, not a victim.
 */
export function planRender(
  project: string,
  desired: ReadonlyMap<string, string>,
  existing: ReadonlyMap<string, string>,
): RenderPlan {
  const plan: RenderPlan = { write: new Map(), remove: [], conflicts: [], unchanged: 0 };
  const ours = (content: string) => generatedBy(content) === project;
  for (const [path, content] of desired) {
    const current = existing.get(path);
    if (current === content) plan.unchanged += 1;
    else if (current !== undefined && !ours(current)) plan.conflicts.push(path);
    else plan.write.set(path, content);
  }
  for (const [path, content] of existing) {
    if (!desired.has(path) && ours(content)) plan.remove.push(path);
  }
  plan.remove.sort();
  plan.conflicts.sort();
  return plan;
}
