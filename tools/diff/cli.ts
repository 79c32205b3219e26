/** The diff command line: options, usage and parsing (main.ts runs it). */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CLUSTER_NAME } from '@gitops/cluster';

export const USAGE = `usage: diff (--cluster <name> | --clusters <a,b,...> | --all) [options]   (run from the workspace root)

Compares what clusters receive (kubernetes/clusters/<name>, built by kustomize, each Flux
Kustomization substituted from cluster-settings) in the working tree with a base git ref, object by
object, with danger flags.

  --cluster <name>         one cluster (repeatable)
  --clusters <a,b,...>     a comma-separated list (e.g. the affected ones)
  --all                    every cluster in the working tree or at the base
  --base <ref>             the git ref to compare with (default: the merge base of HEAD with main,
                           else with origin/main, else HEAD)
  --format text|markdown   text for terminals (default), markdown for pull requests
  --budget <chars>         Markdown size limit (default 60000); what is cut is named at the end
  --output-file <path>     write the diff to this file instead of stdout
  --full-text-file <path>  also write the full text diff there (the PR workflow's artifact)
  -h, --help               print this help

Exit status: 0 the diff was printed (changes or not), 1 a cluster or ref that cannot be read, 2 bad command line.
`;

const OPTIONS = {
  cluster: { type: 'string', multiple: true, default: [] as string[] },
  clusters: { type: 'string' },
  all: { type: 'boolean', default: false },
  base: { type: 'string' },
  format: { type: 'string', default: 'text' },
  budget: { type: 'string', default: '60000' },
  'output-file': { type: 'string' },
  'full-text-file': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} satisfies ParseArgsConfig['options'];

export interface DiffArgs {
  /** Cluster names, or 'all'. */
  clusters: string[] | 'all';
  base?: string;
  format: 'text' | 'markdown';
  budget: number;
  outputFile?: string;
  fullTextFile?: string;
}

export type CommandLine = { help: true } | { error: string } | { args: DiffArgs };

export function parseCommandLine(argv: readonly string[]): CommandLine {
  let values;
  try {
    ({ values } = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (error) {
    return { error: (error as Error).message.split('. ')[0]!.replace(/\.$/, '') };
  }
  if (values.help) return { help: true };
  const listed = [...values.cluster, ...(values.clusters ?? '').split(',')].map((name) => name.trim()).filter(Boolean);
  if (values.all && listed.length > 0) return { error: '--all and a list of clusters exclude each other' };
  // An empty --clusters (no affected cluster) is a valid request for nothing.
  if (!values.all && listed.length === 0 && values.clusters === undefined) return { error: 'missing --cluster, --clusters or --all' };
  const invalid = listed.find((name) => !CLUSTER_NAME.test(name));
  if (invalid !== undefined) return { error: `invalid cluster name ${JSON.stringify(invalid)}: expected a DNS-1123 label` };
  if (values.format !== 'text' && values.format !== 'markdown') return { error: `--format must be text or markdown, not ${JSON.stringify(values.format)}` };
  const budget = Number(values.budget);
  if (!Number.isInteger(budget) || budget < 1000) return { error: `--budget must be a whole number of characters, at least 1000, not ${JSON.stringify(values.budget)}` };
  return {
    args: {
      clusters: values.all ? 'all' : [...new Set(listed)].sort(),
      ...(values.base !== undefined && { base: values.base }),
      format: values.format,
      budget,
      ...(values['output-file'] !== undefined && { outputFile: values['output-file'] }),
      ...(values['full-text-file'] !== undefined && { fullTextFile: values['full-text-file'] }),
    },
  };
}

/** The arguments, or: help printed and exit 0; a usage error printed and exit 2. */
export function readCommandLine(argv: readonly string[]): DiffArgs {
  const parsed = parseCommandLine(argv);
  if ('args' in parsed) return parsed.args;
  if ('help' in parsed) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  process.stderr.write(`diff: ${parsed.error}\n${USAGE.split('\n')[0]}\n(--help for the options)\n`);
  process.exit(2);
}
