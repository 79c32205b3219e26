import { isGenerated } from './header';

export interface RenderPlan {
  /** Files to create or change (path -> content). */
  write: Map<string, string>;
  /** Files render generated earlier that it no longer generates. */
  remove: string[];
  /** Hand-written files at a path render wants: never overwritten. */
  conflicts: string[];
  unchanged: number;
}

/**
 * Decides what a render changes in its output folder. It owns only files that carry its header:
 * hand-written files beside them are left alone, and one in the way is a conflict, not a victim.
 */
export function planRender(desired: ReadonlyMap<string, string>, existing: ReadonlyMap<string, string>): RenderPlan {
  const plan: RenderPlan = { write: new Map(), remove: [], conflicts: [], unchanged: 0 };
  for (const [path, content] of desired) {
    const current = existing.get(path);
    if (current === content) plan.unchanged += 1;
    else if (current !== undefined && !isGenerated(current)) plan.conflicts.push(path);
    else plan.write.set(path, content);
  }
  for (const [path, content] of existing) {
    if (!desired.has(path) && isGenerated(content)) plan.remove.push(path);
  }
  plan.remove.sort();
  plan.conflicts.sort();
  return plan;
}
