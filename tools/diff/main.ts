/**
 * The rendered diff of clusters against a base git ref, with danger flags.
 *
 *   tsx tools/diff/main.ts --cluster infra [--base <ref>] [--format text|markdown] [--budget 60000]
 *   tsx tools/diff/main.ts --all | --clusters a,b
 *
 * Options and exit codes: ./cli.ts (`--help`).
 */
import { writeFileSync } from 'node:fs';
import { readCommandLine } from './cli';
import { fleetDiff } from './fleet-diff';
import { DiffInputError } from './git';

const args = readCommandLine(process.argv.slice(2));

const write = (file: string, content: string) => {
  try {
    writeFileSync(file, content);
  } catch (error) {
    throw new DiffInputError(`cannot write ${file}: ${(error as Error).message}`);
  }
};

try {
  const result = await fleetDiff(process.cwd(), args);
  // Also under the diff's title; here in full.
  for (const problem of result.problems) process.stderr.write(`diff: warning: ${problem}\n`);
  if (args.fullTextFile) write(args.fullTextFile, result.text);
  if (args.outputFile) write(args.outputFile, result.output);
  else process.stdout.write(result.output);
} catch (error) {
  if (!(error instanceof DiffInputError)) throw error;
  process.stderr.write(`diff: ${error.message}\n`);
  process.exitCode = 1;
}
