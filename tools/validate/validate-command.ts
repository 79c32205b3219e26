/**
 * The validate command for one cluster, as a function: main.ts runs it once per process, a batch
 * (tools/cluster-batch) many times in one. Output and exit code are the command's, unchanged.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { clusterDir, clusterProject } from '@gitops/cluster';
import { renderClusterFolder } from '../render/load-cluster';
import { readOutputFolder } from '../render/output-folder';
import type { CommandResult } from '../cluster-batch/command-result';
import { parseCommandLine, USAGE } from './cli';
import { toolVersion } from './external-tools';
import { formatReport } from './report';
import { validateCluster } from './validate-cluster';

/** Validates the cluster the arguments name, in `root`: what main.ts would print and exit with. */
export async function validateCommand(root: string, argv: readonly string[]): Promise<CommandResult> {
  const parsed = parseCommandLine(argv);
  if ('help' in parsed) return { stdout: USAGE, stderr: '', code: 0 };
  if ('error' in parsed) return { stdout: '', stderr: `validate: ${parsed.error}\n${USAGE.split('\n')[0]}\n(--help for the options)\n`, code: 2 };
  const args = parsed.args;
  const name = args.cluster;
  const project = clusterProject(name);
  const out = clusterDir(name);
  const fail = (message: string): CommandResult => ({ stdout: '', stderr: `${message}\n`, code: 1 });
  let rendered;
  try {
    rendered = await renderClusterFolder(root, name);
  } catch (error) {
    return fail(`${project}: ${(error as Error).message}`);
  }

  const { cluster } = rendered;
  const report = validateCluster({
    cluster: name,
    repoRoot: root,
    folders: [out],
    external: cluster.external,
    network: { apiServer: cluster.apiServer, ...(cluster.logSink && { logSink: cluster.logSink }) },
    drift: { project, outDir: out, rendered: rendered.files, committed: readOutputFolder(join(root, out)) },
    fluxCrossCheck: args.flux,
    skipKinds: args.skipKinds,
    workspace: root,
  });

  const text = formatReport(report, args.format);
  let stdout = text;
  if (args.outputFile) {
    try {
      writeFileSync(args.outputFile, text);
    } catch (error) {
      return fail(`${project}: cannot write ${args.outputFile}: ${(error as Error).message}`);
    }
    stdout = '';
  }
  const stderr =
    !args.flux && toolVersion('flux') !== undefined
      ? `${project}: a flux CLI is available; add --flux to cross-check each build with \`flux build kustomization --dry-run\`\n`
      : '';
  return { stdout, stderr, code: report.findings.some((finding) => finding.severity === 'error') ? 1 : 0 };
}
