/**
 * The `render` and `validate` executors of cluster projects. One task: the command's own process
 * (`tsx tools/<command>/main.ts`), as before. A batch (Nx batches these by default, `preferBatch`;
 * `--batch=false` or NX_BATCH_MODE=false runs one process per task): the tasks split over one
 * worker process per core (tools/cluster-batch/worker.ts), so tsx start-up, module loading and
 * the tool probes are paid per worker, not per cluster. Each task still reports, and is cached,
 * on its own, with the same output and exit status as its own process would give.
 */
import { fork, spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { ExecutorContext, TaskGraph } from '@nx/devkit';

export type ClusterCommand = 'render' | 'validate';
type Options = Record<string, unknown>;

/** The options each command takes, in the order its command line lists them. */
const OPTIONS: Record<ClusterCommand, readonly string[]> = {
  render: ['cluster', 'check'],
  validate: ['cluster', 'format', 'output', 'outputFile', 'flux', 'skipKind'],
};

const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/**
 * The command line for the options: `--cluster infra --skip-kind a --skip-kind b --flux`. Options
 * the command does not know are passed on too, so that it refuses them with its usage (exit 2), as
 * when the target was a plain command; Nx's own (`_...`) are not.
 */
export function commandLine(command: ClusterCommand, options: Options): string[] {
  const argv: string[] = [];
  const unknown = Object.keys(options).filter((name) => !OPTIONS[command].includes(name) && !name.startsWith('_'));
  for (const name of [...OPTIONS[command], ...unknown]) {
    const value = options[name];
    if (value === undefined || value === false) continue;
    if (value === true) argv.push(`--${kebab(name)}`);
    else for (const item of Array.isArray(value) ? value : [value]) argv.push(`--${kebab(name)}`, String(item));
  }
  return argv;
}

/** How many worker processes for a batch: one per core, at least a few tasks each (a worker costs ~1 s to start). */
export function workerCount(tasks: number, cores = availableParallelism(), configured = process.env['GITOPS_BATCH_WORKERS']): number {
  const wanted = configured && /^[1-9][0-9]*$/.test(configured) ? Number(configured) : Math.min(cores, Math.ceil(tasks / MIN_TASKS_PER_WORKER));
  return Math.max(1, Math.min(wanted, tasks));
}
const MIN_TASKS_PER_WORKER = 4;

/** Tasks dealt round-robin into `count` chunks. */
export function deal<T>(items: readonly T[], count: number): T[][] {
  const chunks: T[][] = Array.from({ length: count }, () => []);
  items.forEach((item, index) => chunks[index % count]!.push(item));
  return chunks.filter((chunk) => chunk.length > 0);
}

/** One task: the command in its own process, output straight to the terminal. */
export const singleExecutor =
  (command: ClusterCommand) =>
  (options: Options, context: ExecutorContext): Promise<{ success: boolean }> =>
    new Promise((resolve) => {
      const child = spawn(join(context.root, 'node_modules/.bin/tsx'), [`tools/${command}/main.ts`, ...commandLine(command, options)], { cwd: context.root, stdio: 'inherit' });
      child.on('error', (error) => {
        console.error(`${command}: cannot start tsx: ${error.message}`);
        resolve({ success: false });
      });
      child.on('close', (code) => resolve({ success: code === 0 }));
    });

interface TaskResult {
  task: string;
  result: { success: boolean; terminalOutput: string; startTime?: number; endTime?: number };
}

/** Nx's batch implementation: yields each task's result as soon as its worker reports it. */
export const batchExecutor = (command: ClusterCommand) =>
  async function* batch(taskGraph: TaskGraph, inputs: Record<string, Options>, _overrides: Options, context: ExecutorContext): AsyncGenerator<TaskResult> {
    const tasks = Object.keys(taskGraph.tasks).map((id) => ({ id, argv: commandLine(command, inputs[id] ?? {}) }));
    const results = new ResultQueue();
    const chunks = deal(tasks, workerCount(tasks.length));
    let running = chunks.length;
    for (const chunk of chunks) {
      const pending = new Set(chunk.map((task) => task.id));
      const worker = fork(join(context.root, 'tools/cluster-batch/worker.ts'), [], {
        cwd: context.root,
        execArgv: ['--import', 'tsx'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      worker.on('message', (message: { id: string; result: { stdout: string; stderr: string; code: number }; startTime: number; endTime: number }) => {
        pending.delete(message.id);
        const { stdout, stderr, code } = message.result;
        results.push({ task: message.id, result: { success: code === 0, terminalOutput: stdout + stderr, startTime: message.startTime, endTime: message.endTime } });
      });
      let finished = false;
      const finish = (why: string) => {
        if (finished) return;
        finished = true;
        // A worker that died (killed, out of memory) fails the tasks it had left, with the reason.
        for (const id of pending) results.push({ task: id, result: { success: false, terminalOutput: `${command}: the batch worker stopped (${why}) before this task finished\n` } });
        if (--running === 0) results.end();
      };
      worker.on('error', (error) => finish(error.message));
      worker.on('exit', (code, signal) => finish(signal ? `signal ${signal}` : `exit ${code}`));
      worker.send({ command, tasks: chunk });
    }
    yield* results;
  };

/** Results pushed by workers, read in arrival order by the generator. */
class ResultQueue implements AsyncIterable<TaskResult> {
  private readonly items: TaskResult[] = [];
  private done = false;
  private wake: (() => void) | undefined;
  push(item: TaskResult) {
    this.items.push(item);
    this.wake?.();
  }
  end() {
    this.done = true;
    this.wake?.();
  }
  async *[Symbol.asyncIterator]() {
    for (;;) {
      const item = this.items.shift();
      if (item) yield item;
      else if (this.done) return;
      else await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }
}
