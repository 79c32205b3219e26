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

interface Tool {
  describe: string;
  command: string;
  args: (dir: string) => string[];
}

const MAX_BUFFER = 64 * 2 ** 20;
const buildError = (error: unknown): KustomizeBuildError => {
  const stderr = String((error as { stderr?: unknown }).stderr ?? error).trim();
  return new KustomizeBuildError(stderr.split('\n').filter(Boolean).slice(-3).join(' ') || String(error));
};

// The probe (a kubectl spawn, ~60 ms) runs once per process and PATH, not once per cluster.
const probed = new Map<string, Tool | undefined>();
function findTool(): Tool | undefined {
  const key = process.env['PATH'] ?? '';
  if (!probed.has(key)) {
    let tool: Tool | undefined;
    if (onPath('kustomize', ['version'])) tool = { describe: 'kustomize build', command: 'kustomize', args: (dir) => ['build', dir] };
    else if (onPath('kubectl', ['version', '--client'])) tool = { describe: 'kubectl kustomize', command: 'kubectl', args: (dir) => ['kustomize', dir] };
    probed.set(key, tool);
  }
  return probed.get(key);
}

/** The real kustomize: a `kustomize` binary on PATH, else kubectl's built-in one; undefined if neither. */
export function findKustomize(): KustomizeRunner | undefined {
  const tool = findTool();
  if (!tool) return undefined;
  return {
    describe: tool.describe,
    build(dir) {
      try {
        return execFileSync(tool.command, tool.args(dir), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: MAX_BUFFER });
      } catch (error) {
        throw buildError(error);
      }
    },
  };
}
