import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { Finding } from './findings';
import { formatRef, objectRef } from './findings';
import type { BuiltObject, FluxKustomization } from './flux-build';
import { parseDocuments } from './yaml-documents';

const available = (command: string, args: string[]): boolean => spawnSync(command, args, { stdio: 'ignore', timeout: 20_000 }).status === 0;

/** kubeconform's -schema-location templates for our committed schemas (schemas/README). */
const schemaLocations = (workspace: string) => [
  `${workspace}/schemas/kubernetes/{{ .NormalizedKubernetesVersion }}-standalone{{ .StrictSuffix }}/{{ .ResourceKind }}{{ .KindSuffix }}.json`,
  `${workspace}/schemas/crds/{{ .Group }}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json`,
];

/**
 * When a `kubeconform` binary is on PATH, runs it strictly over the built objects against the
 * same committed schemas, as a second opinion; its failures become schema findings.
 */
export function kubeconformFindings(objects: ReadonlyArray<{ object: Record<string, unknown>; file?: string }>, workspace: string): Finding[] {
  if (!available('kubeconform', ['-v'])) return [];
  const dir = mkdtempSync(join(tmpdir(), 'kubeconform-'));
  try {
    // One file per object, so a failure maps back to its source file and namespace.
    const files = objects.map(({ object }, index) => {
      const path = join(dir, `${index}.yaml`);
      writeFileSync(path, stringify(object, { version: '1.1' }));
      return path;
    });
    const args = ['-strict', '-output', 'json', '-kubernetes-version', '1.36.0'];
    for (const location of schemaLocations(workspace)) args.push('-schema-location', location);
    const result = spawnSync('kubeconform', [...args, ...files], { encoding: 'utf8' });
    let report: { resources?: Array<{ filename: string; status: string; msg: string }> };
    try {
      report = JSON.parse(result.stdout || '{}');
    } catch {
      return [{ check: 'schema', severity: 'error', message: `kubeconform gave no JSON report: ${(result.stderr || result.stdout).trim().split('\n')[0]}`, fix: 'run kubeconform by hand to see why' }];
    }
    return (report.resources ?? [])
      .filter((resource) => resource.status === 'statusInvalid' || resource.status === 'statusError')
      .map((resource) => {
        const source = objects[files.indexOf(resource.filename)];
        const ref = source && objectRef(source.object);
        return {
          check: 'schema' as const,
          severity: 'error' as const,
          ...(source?.file && { file: source.file }),
          ...(ref && { object: ref }),
          message: `kubeconform: ${resource.msg}`,
          fix: 'fix the field to match the API schema',
        };
      });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * With `--flux` and a `flux` binary on PATH: `flux build kustomization --dry-run` for each
 * Kustomization, compared with our build by the objects it yields.
 */
export function fluxCrossCheck(
  kustomizations: ReadonlyArray<{ object: FluxKustomization; file: string }>,
  built: readonly BuiltObject[],
  repoRoot: string,
): Finding[] {
  if (!available('flux', ['--version'])) {
    return [{ check: 'flux-build', severity: 'warning', message: 'no `flux` binary on PATH: the cross-check was skipped', fix: 'install the flux CLI to cross-check' }];
  }
  const findings: Finding[] = [];
  for (const { object: ks, file } of kustomizations) {
    const name = ks.metadata.name;
    let output: string;
    try {
      output = execFileSync('flux', ['build', 'kustomization', name, '--path', join(repoRoot, ks.spec?.path ?? '.'), '--kustomization-file', join(repoRoot, file), '--dry-run'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      findings.push({ check: 'flux-build', severity: 'error', file, object: objectRef(ks)!, message: `flux build failed: ${String((error as { stderr?: string }).stderr ?? error).trim().split('\n').pop()}`, fix: 'see flux build kustomization --dry-run' });
      continue;
    }
    const theirs = new Set(parseDocuments(output).objects.map((o) => formatRef(objectRef(o)!)));
    const ours = new Set(built.filter((b) => b.kustomization === name).map((b) => formatRef(objectRef(b.object)!)));
    const differ = [...new Set([...theirs, ...ours])].filter((ref) => theirs.has(ref) !== ours.has(ref));
    if (differ.length > 0) {
      findings.push({ check: 'flux-build', severity: 'error', file, object: objectRef(ks)!, message: `flux build and our build differ in: ${differ.sort().join(', ')}`, fix: 'report this: our Flux build emulation disagrees with flux' });
    }
  }
  return findings;
}
