import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';
import { operatorVMAuth } from '@gitops/log-collection';
import type { Finding } from './findings';
import { validateCluster, type ClusterReport, type ValidationTarget } from './validate-cluster';
import { FIXTURE, FIXTURE_API_SERVER, FIXTURE_DIR, scratchWorkspace } from '../testing/fixture-cluster.test-support';
import { workspaceRoot } from '../workspace';

export const workspace = workspaceRoot;

/** A scratch repository holding the rendered fixture cluster. */
export const scratchFixture = (): string => scratchWorkspace();

/** Rewrites the documents of one YAML file of the scratch cluster. */
export function editYaml(root: string, file: string, edit: (documents: any[]) => void): void {
  const path = join(root, FIXTURE_DIR, file);
  const documents = parseAllDocuments(readFileSync(path, 'utf8')).map((d) => d.toJS());
  edit(documents);
  writeFileSync(path, documents.map((d) => stringify(d)).join('---\n'));
}

/** The values path of the Fluent Bit YAML configuration a rendered release runs (chart config.extraFiles). */
export const FLUENT_BIT_CONFIG_PATH = 'spec.values.config.extraFiles["fluent-bit.yaml"]';

/** Edits the Fluent Bit YAML configuration of a rendered HelmRelease document; the edit must change it. */
export function editFluentBitConfig(release: any, edit: (yaml: string) => string): void {
  const files = release.spec.values.config.extraFiles;
  const edited = edit(files['fluent-bit.yaml']);
  if (edited === files['fluent-bit.yaml']) throw new Error('the edit left the Fluent Bit configuration unchanged');
  files['fluent-bit.yaml'] = edited;
}

export const scratchTarget = (root: string, external = ['observability-victoria-logs']): ValidationTarget => ({
  cluster: FIXTURE,
  repoRoot: root,
  folders: [FIXTURE_DIR],
  external: { kustomizations: external, namespaces: [] },
  network: {
    apiServer: FIXTURE_API_SERVER,
    logSink: { namespace: 'observability', podLabels: operatorVMAuth({ name: 'victoria-logs', namespace: 'observability' }).podLabels as Record<string, string>, port: 8427 },
  },
});

export const validateScratch = (root: string, external?: string[]): ClusterReport => validateCluster(scratchTarget(root, external));

/** Findings reduced to what a test asserts on. */
export const summary = (findings: readonly Finding[]) =>
  findings.map((f) => ({ check: f.check, severity: f.severity, path: f.path, message: f.message }));
