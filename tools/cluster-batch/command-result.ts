/** What a cluster command (render, validate) prints and exits with, so one process can run many. */
export interface CommandResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** Prints the result as the single-cluster command does, and ends the process with its code. */
export function exitWith(result: CommandResult): void {
  if (result.stdout) process.stdout.write(result.stdout);
  if (result.stderr) process.stderr.write(result.stderr);
  process.exitCode = result.code;
}
