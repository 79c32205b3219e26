/**
 * Runs many cluster commands (render or validate) in one process, for the Nx batch executor
 * (tools/nx-plugin/src/executors): started with an IPC channel, it receives
 * `{ command, tasks: [{ id, argv }] }`, runs the tasks one after another (module loading, the
 * tool probes and the compiled validators paid once) and sends `{ id, result, startTime, endTime }`
 * for each as it finishes, then exits.
 */
import { renderCommand } from '../render/render-command';
import { validateCommand } from '../validate/validate-command';
import type { CommandResult } from './command-result';

export interface BatchRequest {
  command: 'render' | 'validate';
  tasks: Array<{ id: string; argv: string[] }>;
}

export interface BatchTaskResult {
  id: string;
  result: CommandResult;
  startTime: number;
  endTime: number;
}

const commands = { render: renderCommand, validate: validateCommand };

/** Any failure stays the task's: a message and exit 1, never a stack trace, and the next task runs. */
async function run(command: BatchRequest['command'], argv: string[]): Promise<CommandResult> {
  try {
    return await commands[command](process.cwd(), argv);
  } catch (error) {
    return { stdout: '', stderr: `${command} failed: ${(error as Error).message?.split('\n')[0] ?? String(error)}\n`, code: 1 };
  }
}

const send = (message: BatchTaskResult) => new Promise<void>((resolve, reject) => process.send!(message, undefined, undefined, (error: Error | null) => (error ? reject(error) : resolve())));

process.once('message', async (request: BatchRequest) => {
  for (const { id, argv } of request.tasks) {
    const startTime = Date.now();
    const result = await run(request.command, argv);
    await send({ id, result, startTime, endTime: Date.now() });
  }
  process.disconnect();
});
