/**
 * Validates one cluster offline: drift against a fresh render, kustomize builds, Flux builds with
 * post-build substitution, strict schemas, chart values, the Fluent Bit pipeline, cross-references.
 *
 *   tsx tools/validate/main.ts --project clusters-infra --definition clusters/infra/src/index.ts \
 *     --out kubernetes/clusters/infra [--output text|json] [--flux]
 *
 * --skip-kind <apiVersion/Kind> (repeatable) knowingly leaves a kind with no schema unvalidated.
 * --flux cross-checks each Flux build with `flux build kustomization --dry-run` (needs the flux CLI).
 * A `kubeconform` binary on PATH is run over the same objects against the committed schemas.
 * Exits 1 when there is any error (warnings alone pass).
 */
import { spawnSync } from 'node:child_process';
import { normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ClusterSettingsError, vmauthPodLabels, type ClusterDefinition } from '@gitops/cluster';
import { readOutputFolder } from '../render/output-folder';
import { renderedFiles } from '../render/rendered-files';
import { readCommandLine } from './cli';
import { formatJson, formatText } from './report';
import { validateCluster } from './validate-cluster';
import { workspaceRoot } from '../workspace';

const args = readCommandLine(process.argv.slice(2));

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const { project, definition: definitionPath, out, output } = args;

const { default: definition } = (await import(pathToFileURL(resolve(definitionPath)).href)) as { default?: ClusterDefinition };
if (!definition) fail(`${project}: ${definitionPath} has no default export (a defineCluster(...) result)`);
let rendered;
try {
  rendered = renderedFiles(project, definition);
} catch (error) {
  if (error instanceof ClusterSettingsError) fail(`${project}: ${error.message}`);
  throw error;
}

if (rendered.outDir !== normalize(out).replace(/\/$/, '')) fail(`${project}: cluster ${definition.settings.name} renders to ${rendered.outDir}, not ${out}`);

const { settings } = definition;
const report = validateCluster({
  cluster: settings.name,
  repoRoot: workspaceRoot,
  folders: [out],
  external: {
    kustomizations: settings.logSink.dependsOn,
    namespaces: settings.fluentBit.namespace.managed ? [] : [settings.fluentBit.namespace.name],
  },
  network: {
    apiServer: settings.apiServer,
    logSink: {
      namespace: settings.logSink.vmauth.namespace,
      podLabels: vmauthPodLabels(settings.logSink.vmauth.name),
      port: settings.logSink.vmauth.port,
    },
  },
  drift: { project, outDir: out, rendered: rendered.files, committed: readOutputFolder(resolve(workspaceRoot, out)) },
  fluxCrossCheck: args.flux,
  skipKinds: args.skipKinds,
  workspace: workspaceRoot,
});

process.stdout.write(output === 'json' ? formatJson(report) : formatText(report));
if (!args.flux && spawnSync('flux', ['--version'], { stdio: 'ignore' }).status === 0) {
  console.error(`${project}: a flux CLI is on PATH; add --flux to cross-check each build with \`flux build kustomization --dry-run\``);
}
if (report.findings.some((finding) => finding.severity === 'error')) process.exit(1);
