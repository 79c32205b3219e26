/**
 * Validates one cluster offline: drift against a fresh render, kustomize builds, Flux builds with
 * post-build substitution, strict schemas, chart values, the Fluent Bit pipeline, cross-references.
 *
 *   tsx tools/validate/main.ts --cluster infra [--output text|json] [--flux]
 *
 * The cluster is the folder clusters/<name>; its rendered tree is kubernetes/clusters/<name>,
 * hand-written manifests (its hand-written/ folder) included.
 * --skip-kind <apiVersion/Kind> (repeatable) knowingly leaves a kind with no schema unvalidated.
 * --flux cross-checks each Flux build with `flux build kustomization --dry-run` (needs the flux CLI).
 * A `kubeconform` binary on PATH is run over the same objects against the committed schemas.
 * Exits 1 when there is any error (warnings alone pass).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ClusterSettingsError, clusterDir, clusterProject } from '@gitops/cluster';
import { ClusterLoadError, hasHandWritten, loadCluster } from '../render/load-cluster';
import { readOutputFolder } from '../render/output-folder';
import { renderedFiles } from '../render/rendered-files';
import { formatJson, formatText } from './report';
import { validateCluster } from './validate-cluster';

const USAGE =
  'usage: validate --cluster <name> [--output text|json] [--flux] [--skip-kind apiVersion/Kind]...   (run from the workspace root)';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let args;
try {
  args = parseArgs({
    options: {
      cluster: { type: 'string' },
      output: { type: 'string', default: 'text' },
      flux: { type: 'boolean', default: false },
      'skip-kind': { type: 'string', multiple: true, default: [] },
    },
  }).values;
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`);
}

const { cluster: name, output } = args;
if (!name || !['text', 'json'].includes(output!)) fail(USAGE);

const root = process.cwd();
const project = clusterProject(name);
const out = clusterDir(name);
let rendered;
try {
  rendered = renderedFiles(name, await loadCluster(root, name), { handWritten: hasHandWritten(root, name) });
} catch (error) {
  if (error instanceof ClusterSettingsError || error instanceof ClusterLoadError) fail(`${project}: ${error.message}`);
  fail(`${project}: render failed: ${(error as Error).message}`);
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
  skipKinds: args['skip-kind'],
  workspace: root,
});

process.stdout.write(output === 'json' ? formatJson(report) : formatText(report));
if (!args.flux && spawnSync('flux', ['--version'], { stdio: 'ignore' }).status === 0) {
  console.error(`${project}: a flux CLI is on PATH; add --flux to cross-check each build with \`flux build kustomization --dry-run\``);
}
if (report.findings.some((finding) => finding.severity === 'error')) process.exit(1);
