/**
 * Validates one cluster offline: drift against a fresh render, kustomize builds, Flux builds with
 * post-build substitution, strict schemas, chart values, the Fluent Bit pipeline, cross-references.
 *
 *   tsx tools/validate/main.ts --cluster infra [--format text|json|github] [--output-file f] [--flux]
 *
 * Options and exit codes: ./cli.ts (`--help`).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { clusterDir, clusterProject } from '@gitops/cluster';
import { renderClusterFolder } from '../render/load-cluster';
import { readOutputFolder } from '../render/output-folder';
import { readCommandLine } from './cli';
import { toolVersion } from './external-tools';
import { formatReport } from './report';
import { validateCluster } from './validate-cluster';

const args = readCommandLine(process.argv.slice(2));

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const root = process.cwd();
const name = args.cluster;
const project = clusterProject(name);
const out = clusterDir(name);
let rendered;
try {
  rendered = await renderClusterFolder(root, name);
} catch (error) {
  fail(`${project}: ${(error as Error).message}`);
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
if (args.outputFile) {
  try {
    writeFileSync(args.outputFile, text);
  } catch (error) {
    fail(`${project}: cannot write ${args.outputFile}: ${(error as Error).message}`);
  }
} else {
  process.stdout.write(text);
}
if (!args.flux && toolVersion('flux') !== undefined) {
  console.error(`${project}: a flux CLI is available; add --flux to cross-check each build with \`flux build kustomization --dry-run\``);
}
if (report.findings.some((finding) => finding.severity === 'error')) process.exit(1);
