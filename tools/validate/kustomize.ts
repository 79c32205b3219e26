import { execFileSync } from 'node:child_process';

export interface KustomizeRunner {
  /** How it is run, for messages: `kustomize build` or `kubectl kustomize`. */
  describe: string;
  build(dir: string): string;
}

export class KustomizeBuildError extends Error {}

const onPath = (command: string, args: string[]): boolean => {
  try {
    execFileSync(command, args, { stdio: 'ignore', timeout: 20_000 });
    return true;
  } catch {
    return false;
  }
};

/** The real kustomize: a `kustomize` binary on PATH, else kubectl's built-in one; undefined if neither. */
export function findKustomize(): KustomizeRunner | undefined {
  const run = (command: string, args: (dir: string) => string[]) => (dir: string) => {
    try {
      return execFileSync(command, args(dir), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 2 ** 20 });
    } catch (error) {
      const stderr = String((error as { stderr?: unknown }).stderr ?? error).trim();
      throw new KustomizeBuildError(stderr.split('\n').filter(Boolean).slice(-3).join(' ') || String(error));
    }
  };
  if (onPath('kustomize', ['version'])) {
    return { describe: 'kustomize build', build: run('kustomize', (dir) => ['build', dir]) };
  }
  if (onPath('kubectl', ['version', '--client'])) {
    return { describe: 'kubectl kustomize', build: run('kubectl', (dir) => ['kustomize', dir]) };
  }
  return undefined;
}
