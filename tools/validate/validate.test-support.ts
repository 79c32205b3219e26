import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';
import { vmauthPodLabels } from '@gitops/cluster';
import infra from '../../clusters/infra/src/index';
import type { Finding } from './findings';
import { validateCluster, type ClusterReport, type ValidationTarget } from './validate-cluster';

import { workspaceRoot } from '../workspace';

export const workspace = workspaceRoot;

/** A scratch repository holding a copy of the committed infra cluster. */
export function scratchInfra(): string {
  const root = mkdtempSync(join(tmpdir(), 'validate-test-'));
  cpSync(join(workspace, 'kubernetes/clusters/infra'), join(root, 'kubernetes/clusters/infra'), { recursive: true });
  return root;
}

/** Rewrites the documents of one YAML file of the scratch cluster. */
export function editYaml(root: string, file: string, edit: (documents: any[]) => void): void {
  const path = join(root, 'kubernetes/clusters/infra', file);
  const documents = parseAllDocuments(readFileSync(path, 'utf8')).map((d) => d.toJS());
  edit(documents);
  writeFileSync(path, documents.map((d) => stringify(d)).join('---\n'));
}

export const scratchTarget = (root: string, external = ['observability-victoria-logs']): ValidationTarget => ({
    cluster: 'infra',
    repoRoot: root,
    folders: ['kubernetes/clusters/infra'],
    external: { kustomizations: external, namespaces: [] },
    network: {
      apiServer: infra.settings.apiServer,
      logSink: { namespace: 'observability', podLabels: vmauthPodLabels('victoria-logs'), port: 8427 },
    },
  });

export const validateScratch = (root: string, external?: string[]): ClusterReport => validateCluster(scratchTarget(root, external));

/** Findings reduced to what a test asserts on. */
export const summary = (findings: readonly Finding[]) =>
  findings.map((f) => ({ check: f.check, severity: f.severity, path: f.path, message: f.message }));
