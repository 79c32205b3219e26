/**
 * Second opinions from the real tools, when they are on PATH (tools/ci/install-tools.sh pins them):
 * kubeconform over the objects the schema stage checks, and `flux build kustomization --dry-run`
 * over each Flux Kustomization our Flux build emulates.
 */
import { spawnSync } from 'node:child_process';
import { isDeepStrictEqual } from 'node:util';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { postBuildVariables, SubstitutionError, type SubstituteSourceResolver } from '@gitops/flux-envsubst';
import type { Finding } from './findings';
import { formatRef, objectRef } from './findings';
import type { BuiltObject, FluxKustomization } from './flux-build';
import { parseDocuments } from './yaml-documents';

export type ExternalTool = 'kubeconform' | 'flux';

const versionArgs: Record<ExternalTool, string[]> = { kubeconform: ['-v'], flux: ['--version'] };

/**
 * The command that runs the tool: `kubeconform` from PATH; flux from GITOPS_FLUX when set (where
 * tools/ci/install-tools.sh puts it, off PATH), else `flux` from PATH.
 */
export const toolCommand = (tool: ExternalTool): string => (tool === 'flux' && process.env['GITOPS_FLUX']) || tool;

// Probed once per process, PATH and command: a batch validates many clusters with the same tools.
const versions = new Map<string, string | undefined>();

/** The tool's version line (`v0.7.0`, `flux version 2.9.5`), or undefined when it is not installed. */
export function toolVersion(tool: ExternalTool): string | undefined {
  const key = `${toolCommand(tool)}\0${process.env['PATH'] ?? ''}`;
  if (!versions.has(key)) {
    const result = spawnSync(toolCommand(tool), versionArgs[tool], { encoding: 'utf8', timeout: 20_000 });
    versions.set(key, result.status === 0 ? result.stdout.trim() : undefined);
  }
  return versions.get(key);
}

const withTempDir = <T>(prefix: string, run: (dir: string) => T): T => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  try {
    return run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

/** kubeconform's -schema-location templates for our committed schemas (schemas/README). */
export const schemaLocations = (workspace: string) => [
  `${workspace}/schemas/kubernetes/{{ .NormalizedKubernetesVersion }}-standalone{{ .StrictSuffix }}/{{ .ResourceKind }}{{ .KindSuffix }}.json`,
  `${workspace}/schemas/crds/{{ .Group }}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json`,
];

export interface KubeconformVerdict {
  /** kubeconform's status: valid, invalid (schema violation), error (no schema, unreadable), skipped, empty. */
  status: 'valid' | 'invalid' | 'error' | 'skipped' | 'empty';
  message: string;
}

/**
 * Runs `kubeconform -strict` over the objects against the committed schemas: one verdict per object,
 * in order; undefined when no kubeconform is on PATH. Throws when kubeconform gives no usable report.
 */
export function kubeconformVerdicts(objects: ReadonlyArray<{ object: Record<string, unknown> }>, workspace: string): KubeconformVerdict[] | undefined {
  if (toolVersion('kubeconform') === undefined) return undefined;
  if (objects.length === 0) return [];
  return withTempDir('kubeconform-', (dir) => {
    // One file per object, so each verdict maps back to its object (kubeconform reports out of order).
    const files = objects.map(({ object }, index) => {
      const path = join(dir, `${index}.yaml`);
      writeFileSync(path, stringify(object, { version: '1.1' }));
      return path;
    });
    const args = ['-strict', '-verbose', '-output', 'json', '-kubernetes-version', '1.36.0'];
    for (const location of schemaLocations(workspace)) args.push('-schema-location', location);
    const result = spawnSync('kubeconform', [...args, ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    let report: { resources?: Array<{ filename: string; status: string; msg: string }> };
    try {
      report = JSON.parse(result.stdout || '{}');
    } catch {
      throw new Error(`kubeconform gave no JSON report: ${(result.stderr || result.stdout).trim().split('\n')[0]}`);
    }
    const byFile = new Map((report.resources ?? []).map((resource) => [resource.filename, resource]));
    return files.map((file) => {
      const resource = byFile.get(file);
      if (!resource) throw new Error(`kubeconform reported nothing for ${file} (exit ${result.status}): ${result.stderr.trim().split('\n')[0] ?? ''}`);
      const status = resource.status.replace(/^status/, '').toLowerCase() as KubeconformVerdict['status'];
      return { status, message: resource.msg };
    });
  });
}

/**
 * When a `kubeconform` binary is on PATH, runs it strictly over the built objects against the
 * same committed schemas, as a second opinion; its failures become schema findings. An object
 * with no schema is left to the schema stage (it reports it, or the kind is knowingly skipped).
 */
export function kubeconformFindings(objects: ReadonlyArray<{ object: Record<string, unknown>; file?: string }>, workspace: string): Finding[] {
  let verdicts: KubeconformVerdict[] | undefined;
  try {
    verdicts = kubeconformVerdicts(objects, workspace);
  } catch (error) {
    return [{ check: 'schema', severity: 'error', message: (error as Error).message, fix: 'run kubeconform by hand to see why' }];
  }
  return (verdicts ?? []).flatMap((verdict, index) => {
    if (verdict.status !== 'invalid' && verdict.status !== 'error') return [];
    if (verdict.status === 'error' && verdict.message.startsWith('could not find schema')) return [];
    const { object, file } = objects[index]!;
    const ref = objectRef(object);
    return [{
      check: 'schema' as const,
      severity: 'error' as const,
      ...(file && { file }),
      ...(ref && { object: ref }),
      message: `kubeconform: ${verdict.message}`,
      fix: 'fix the field to match the API schema',
    }];
  });
}

/** Labels `flux build` (like kustomize-controller on apply) puts on every object it builds. */
const fluxOwnerLabels = ['kustomize.toolkit.fluxcd.io/name', 'kustomize.toolkit.fluxcd.io/namespace'];

const withoutOwnerLabels = (object: Record<string, unknown>): Record<string, unknown> => {
  const metadata = { ...(object['metadata'] as Record<string, unknown>) };
  const labels = Object.fromEntries(Object.entries((metadata['labels'] ?? {}) as Record<string, string>).filter(([key]) => !fluxOwnerLabels.includes(key)));
  if (Object.keys(labels).length > 0) metadata['labels'] = labels;
  else delete metadata['labels'];
  return { ...object, metadata };
};

/** Dotted paths (at most `limit`) where two JSON values differ. */
function differingPaths(a: unknown, b: unknown, path = '', limit = 5, found: string[] = []): string[] {
  if (found.length >= limit || isDeepStrictEqual(a, b)) return found;
  const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
  if (isRecord(a) && isRecord(b) && Array.isArray(a) === Array.isArray(b)) {
    for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      differingPaths(a[key], b[key], path ? `${path}.${key}` : key, limit, found);
    }
    return found;
  }
  found.push(`${path || '(root)'}: flux ${JSON.stringify(b)}, ours ${JSON.stringify(a)}`);
  return found;
}

/**
 * The Kustomization handed to `flux build --dry-run`. Offline, flux cannot read the ConfigMaps and
 * Secrets of `postBuild.substituteFrom` (it skips them: fluxcd/pkg/kustomize SubstituteVariables
 * loads them only when not in dry-run), so their variables are resolved here, from the same
 * objects our build reads, and passed inline as `postBuild.substitute` (inline values override
 * substituteFrom ones, in both). undefined when the variables cannot be resolved (our build
 * reports why).
 */
export function offlineKustomization(ks: FluxKustomization, resolveSource: SubstituteSourceResolver): FluxKustomization | undefined {
  const postBuild = ks.spec?.postBuild;
  if (postBuild === undefined) return ks;
  let variables: Record<string, string>;
  try {
    ({ variables } = postBuildVariables(postBuild, resolveSource));
  } catch (error) {
    if (error instanceof SubstitutionError) return undefined;
    throw error;
  }
  const { substituteFrom: _resolved, ...rest } = postBuild;
  return { ...ks, spec: { ...ks.spec, postBuild: { ...rest, substitute: variables } } };
}

export interface FluxBuildResult {
  /** flux's objects, without the owner labels it adds; undefined when flux failed. */
  objects?: Array<Record<string, unknown>>;
  /** flux's error (its last stderr line) when it failed. */
  error?: string;
}

/** `flux build kustomization <name> --dry-run --strict-substitute --in-memory-build` of one Kustomization. */
export function fluxBuildDryRun(ks: FluxKustomization, repoRoot: string): FluxBuildResult {
  return withTempDir('flux-build-', (dir) => {
    const ksFile = join(dir, 'ks.yaml');
    writeFileSync(ksFile, stringify(ks));
    const result = spawnSync(
      toolCommand('flux'),
      ['build', 'kustomization', ks.metadata.name, '--path', join(repoRoot, ks.spec?.path ?? '.'), '--kustomization-file', ksFile, '--dry-run', '--strict-substitute', '--in-memory-build'],
      { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
    );
    if (result.status !== 0) {
      return { error: (result.stderr || String(result.error ?? '')).trim().split('\n').pop() ?? `exit ${result.status}` };
    }
    return { objects: parseDocuments(result.stdout).objects.map(withoutOwnerLabels) };
  });
}

/**
 * With `--flux` and a `flux` binary on PATH: `flux build kustomization --dry-run` for each
 * Kustomization, compared with our build object by object (flux's owner labels aside).
 * `resolveSources` gives, per Kustomization, the ConfigMaps/Secrets of its substituteFrom (what
 * the cluster would hold); their variables are passed to flux inline (see offlineKustomization).
 */
export function fluxCrossCheck(
  kustomizations: ReadonlyArray<{ object: FluxKustomization; file: string }>,
  built: readonly BuiltObject[],
  repoRoot: string,
  resolveSources?: (ks: FluxKustomization) => SubstituteSourceResolver,
): Finding[] {
  if (toolVersion('flux') === undefined) {
    return [{ check: 'flux-build', severity: 'warning', message: 'no `flux` binary (GITOPS_FLUX or PATH): the cross-check was skipped', fix: 'point GITOPS_FLUX at a flux CLI (the Go module proxy cannot install it)' }];
  }
  const findings: Finding[] = [];
  for (const { object: ks, file } of kustomizations) {
    const name = ks.metadata.name;
    const ref = objectRef(ks)!;
    const base = { check: 'flux-build' as const, file, object: ref };
    if (ks.spec?.postBuild?.substituteFrom?.length && !resolveSources) {
      findings.push({ ...base, severity: 'warning', message: 'flux build --dry-run cannot read substituteFrom and no sources were given: not cross-checked', fix: 'pass the ConfigMaps/Secrets to the cross-check' });
      continue;
    }
    const offline = resolveSources ? offlineKustomization(ks, resolveSources(ks)) : ks;
    if (!offline) continue; // our build already reports the unresolvable variables
    const result = fluxBuildDryRun(offline, repoRoot);
    if (!result.objects) {
      findings.push({ ...base, severity: 'error', message: `flux build failed: ${result.error}`, fix: 'see flux build kustomization --dry-run --strict-substitute' });
      continue;
    }
    const keyOf = (object: Record<string, unknown>) => `${String(object['apiVersion'])} ${formatRef(objectRef(object)!)}`;
    const theirs = new Map(result.objects.map((object) => [keyOf(object), object]));
    const ours = new Map(built.filter((b) => b.kustomization === name).map((b) => [keyOf(b.object), b.object]));
    const differences: string[] = [];
    for (const key of [...new Set([...theirs.keys(), ...ours.keys()])].sort()) {
      const flux = theirs.get(key);
      const own = ours.get(key);
      if (!flux) differences.push(`${key}: only in our build`);
      else if (!own) differences.push(`${key}: only in flux's`);
      else if (!isDeepStrictEqual(JSON.parse(JSON.stringify(own)), flux)) differences.push(`${key}: ${differingPaths(JSON.parse(JSON.stringify(own)), flux).join('; ')}`);
    }
    if (differences.length > 0) {
      findings.push({ ...base, severity: 'error', message: `flux build and our build differ: ${differences.join(' | ')}`, fix: 'report this: our Flux build emulation disagrees with flux' });
    }
  }
  return findings;
}
