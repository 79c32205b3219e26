/** The validate command line: its options, usage text and parsing (main.ts runs it). */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export const USAGE = `usage: validate --cluster <name> [options]   (run from the workspace root)

Validates one cluster offline: drift against a fresh render, kustomize builds, Flux builds with
post-build substitution, strict schemas, chart values, the Fluent Bit pipeline, cross-references.
The cluster is the folder clusters/<name>; its rendered tree is kubernetes/clusters/<name>,
hand-written manifests (its hand-written/ folder) included.

  --cluster <name>         the cluster, e.g. infra (its folder under clusters/)
  --format text|json|github
                           report format (default: $GITOPS_VALIDATE_FORMAT, else text); github
                           prints GitHub Actions annotations (::error file=,line=,col=::) for PR diffs
  --output text|json|github
                           the same as --format
  --output-file <path>     write the report to this file instead of stdout (clean JSON even
                           when run through nx, whose banners go to stdout)
  --flux                   cross-check each Flux build with \`flux build kustomization --dry-run\`
                           (needs a flux CLI: GITOPS_FLUX or flux on PATH)
  --skip-kind <apiVersion/Kind>
                           leave a kind with no schema unvalidated (repeatable)
  -h, --help               print this help

A kubeconform binary on PATH is run over the same objects against the committed schemas.
Exit status: 0 no errors (warnings alone pass), 1 errors found or the cluster cannot be loaded,
2 bad command line.
`;

const FORMATS = ['text', 'json', 'github'] as const;
export type ReportFormat = (typeof FORMATS)[number];

const OPTIONS = {
  cluster: { type: 'string' },
  format: { type: 'string' },
  output: { type: 'string' },
  'output-file': { type: 'string' },
  flux: { type: 'boolean', default: false },
  'skip-kind': { type: 'string', multiple: true, default: [] as string[] },
  help: { type: 'boolean', short: 'h', default: false },
} satisfies ParseArgsConfig['options'];

export interface ValidateArgs {
  cluster: string;
  format: ReportFormat;
  outputFile?: string;
  flux: boolean;
  skipKinds: string[];
}

export type CommandLine = { help: true } | { error: string } | { args: ValidateArgs };

/** Parses the arguments; never throws (a bad command line is an `error` to print with the usage). */
export function parseCommandLine(argv: readonly string[], defaultFormat = process.env['GITOPS_VALIDATE_FORMAT'] || 'text'): CommandLine {
  let values;
  try {
    ({ values } = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (error) {
    // parseArgs' messages are clear but long; the first sentence is the point.
    return { error: (error as Error).message.split('. ')[0]!.replace(/\.$/, '') };
  }
  if (values.help) return { help: true };
  if (!values.cluster) return { error: 'missing --cluster' };
  if (values.format !== undefined && values.output !== undefined && values.format !== values.output) {
    return { error: `--format ${values.format} and --output ${values.output} disagree` };
  }
  const format = values.format ?? values.output ?? defaultFormat;
  if (!(FORMATS as readonly string[]).includes(format)) return { error: `--format must be text, json or github, not ${JSON.stringify(format)}` };
  return {
    args: {
      cluster: values.cluster,
      format: format as ReportFormat,
      ...(values['output-file'] !== undefined && { outputFile: values['output-file'] }),
      flux: values.flux,
      skipKinds: values['skip-kind'],
    },
  };
}
