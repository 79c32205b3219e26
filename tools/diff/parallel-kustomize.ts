/**
 * kustomize builds run side by side: a fleet diff spends almost all its time in kubectl/kustomize
 * processes (6 a cluster), one after another. Builds are started up to `concurrency` at a time and
 * their results kept, so the synchronous runner the Flux build takes answers from memory.
 */
import { execFile } from 'node:child_process';
import { KustomizeBuildError, type KustomizeRunner } from '../validate/kustomize';

type Result = string | KustomizeBuildError;

/** The command line behind a runner of findKustomize(), told by its description. */
const commandOf = (runner: KustomizeRunner, dir: string): [string, string[]] =>
  runner.describe === 'kustomize build' ? ['kustomize', ['build', dir]] : ['kubectl', ['kustomize', dir]];

const buildAsync = (runner: KustomizeRunner, dir: string) =>
  new Promise<Result>((resolve) => {
    const [command, args] = commandOf(runner, dir);
    execFile(command, args, { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      // The same message as the synchronous runner: the last lines of stderr.
      resolve(new KustomizeBuildError(String(stderr || error.message).trim().split('\n').filter(Boolean).slice(-3).join(' ')));
    });
  });

export interface PrebuiltRunner extends KustomizeRunner {
  /** Builds these folders now, `concurrency` at a time (already built ones are skipped). */
  prebuild(dirs: readonly string[]): Promise<void>;
}

export function prebuiltRunner(runner: KustomizeRunner, concurrency: number): PrebuiltRunner {
  const results = new Map<string, Result>();
  return {
    describe: runner.describe,
    build(dir) {
      const result = results.get(dir);
      if (result === undefined) return runner.build(dir);
      if (result instanceof KustomizeBuildError) throw result;
      return result;
    },
    async prebuild(dirs) {
      const queue = [...new Set(dirs)].filter((dir) => !results.has(dir));
      const worker = async () => {
        for (let dir = queue.shift(); dir !== undefined; dir = queue.shift()) results.set(dir, await buildAsync(runner, dir));
      };
      await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
    },
  };
}
