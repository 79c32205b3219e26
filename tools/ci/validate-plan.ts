/**
 * How CI validates the affected clusters: in the main job while they are few, split over a job
 * matrix above a threshold. Reads the JSON list `nx show projects --affected --json` prints on
 * stdin and writes GitHub Actions outputs (`split`, `matrix`, `count`) to stdout:
 *
 *   npx nx show projects --affected --with-target validate --json | npx tsx tools/ci/validate-plan.ts >> "$GITHUB_OUTPUT"
 *
 * Settings (repository variables in the workflow): VALIDATE_SPLIT_THRESHOLD (default 40): more
 * affected clusters than this split; VALIDATE_MAX_RUNNERS (default 4): at most this many chunks.
 */
import { readFileSync } from 'node:fs';

export const DEFAULT_THRESHOLD = 40;
export const DEFAULT_MAX_RUNNERS = 4;
const CLUSTER_PROJECT = /^clusters-[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export interface ValidatePlan {
  split: boolean;
  /** The cluster projects each runner validates (`nx run-many -t validate -p <projects>`); empty when not split. */
  chunks: string[][];
  count: number;
}

/** The affected cluster projects (clusters-*; the workflow lists only projects with a validate target) dealt into balanced chunks. */
export function validatePlan(affected: readonly string[], threshold = DEFAULT_THRESHOLD, maxRunners = DEFAULT_MAX_RUNNERS): ValidatePlan {
  const clusters = [...new Set(affected.filter((project) => CLUSTER_PROJECT.test(project)))].sort();
  if (clusters.length <= threshold || maxRunners < 2) return { split: false, chunks: [], count: clusters.length };
  // Enough runners that none gets more than the threshold, within the maximum.
  const runners = Math.min(maxRunners, Math.ceil(clusters.length / Math.max(1, threshold)) + 1, clusters.length);
  const chunks: string[][] = Array.from({ length: runners }, () => []);
  clusters.forEach((cluster, index) => chunks[index % runners]!.push(cluster));
  return { split: true, chunks, count: clusters.length };
}

/** A positive whole number from a setting, else the default (an empty repository variable is unset). */
export function setting(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value.trim() === '') return fallback;
  if (!/^[0-9]+$/.test(value.trim())) throw new Error(`${name} must be a whole number, not ${JSON.stringify(value)}`);
  return Number(value.trim());
}

/** The lines for $GITHUB_OUTPUT. */
export const githubOutputs = (plan: ValidatePlan): string =>
  [
    `split=${plan.split}`,
    `count=${plan.count}`,
    `matrix=${JSON.stringify({ include: plan.chunks.map((projects, index) => ({ chunk: index + 1, projects: projects.join(',') })) })}`,
  ].join('\n') + '\n';

/** The projects nx printed: a JSON array of names. */
export function readAffected(text: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`expected the JSON list of \`nx show projects --affected --json\`, got ${JSON.stringify(text.trim().slice(0, 80))}`);
  }
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) throw new Error('expected a JSON array of project names');
  return value;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const affected = readAffected(readFileSync(0, 'utf8'));
    const plan = validatePlan(
      affected,
      setting(process.env['VALIDATE_SPLIT_THRESHOLD'], DEFAULT_THRESHOLD, 'VALIDATE_SPLIT_THRESHOLD'),
      setting(process.env['VALIDATE_MAX_RUNNERS'], DEFAULT_MAX_RUNNERS, 'VALIDATE_MAX_RUNNERS'),
    );
    process.stdout.write(githubOutputs(plan));
    process.stderr.write(plan.split ? `validate-plan: ${plan.count} affected clusters over ${plan.chunks.length} runners\n` : `validate-plan: ${plan.count} affected clusters, validated in the main job\n`);
  } catch (error) {
    process.stderr.write(`validate-plan: ${(error as Error).message}\n`);
    process.exit(1);
  }
}
