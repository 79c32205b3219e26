/** The validate command line: its options, usage text and parsing (main.ts runs it). */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export const USAGE = `usage: validate --project <nx project> --definition <cluster module> --out <folder> [options]

Validates one cluster offline: drift against a fresh render, kustomize builds, Flux builds with
post-build substitution, strict schemas, chart values, the Fluent Bit pipeline, cross-references.

  --project <name>         Nx project of the cluster, e.g. clusters-infra
  --definition <file>      the cluster module (default-exports defineCluster(...))
  --out <folder>           the cluster's rendered folder, e.g. kubernetes/clusters/infra
  --output text|json       report format (default: text)
  --flux                   cross-check each Flux build with \`flux build kustomization --dry-run\`
  --skip-kind <apiVersion/Kind>
                           leave a kind with no schema unvalidated (repeatable)
  -h, --help               print this help

Exit status: 0 no errors (warnings alone pass), 1 errors found, 2 bad command line.
`;

const OPTIONS = {
  project: { type: 'string' },
  definition: { type: 'string' },
  out: { type: 'string' },
  output: { type: 'string', default: 'text' },
  flux: { type: 'boolean', default: false },
  'skip-kind': { type: 'string', multiple: true, default: [] as string[] },
  help: { type: 'boolean', short: 'h', default: false },
} satisfies ParseArgsConfig['options'];

export interface ValidateArgs {
  project: string;
  definition: string;
  out: string;
  output: 'text' | 'json';
  flux: boolean;
  skipKinds: string[];
}

export type CommandLine = { help: true } | { error: string } | { args: ValidateArgs };

/** Parses the arguments; never throws (a bad command line is an `error` to print with the usage). */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  let values;
  try {
    ({ values } = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (error) {
    // parseArgs' messages are clear but long; the first sentence is the point.
    return { error: (error as Error).message.split('. ')[0]!.replace(/\.$/, '') };
  }
  if (values.help) return { help: true };
  const missing = (['project', 'definition', 'out'] as const).filter((name) => !values[name]).map((name) => `--${name}`);
  if (missing.length > 0) return { error: `missing ${missing.join(', ')}` };
  if (values.output !== 'text' && values.output !== 'json') return { error: `--output must be text or json, not ${JSON.stringify(values.output)}` };
  return {
    args: {
      project: values.project!,
      definition: values.definition!,
      out: values.out!,
      output: values.output,
      flux: values.flux,
      skipKinds: values['skip-kind'],
    },
  };
}

/** The arguments, or: help printed and exit 0; a usage error printed and exit 2. */
export function readCommandLine(argv: readonly string[]): ValidateArgs {
  const parsed = parseCommandLine(argv);
  if ('args' in parsed) return parsed.args;
  if ('help' in parsed) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  process.stderr.write(`validate: ${parsed.error}\n${USAGE.split('\n')[0]}\n(--help for the options)\n`);
  process.exit(2);
}
