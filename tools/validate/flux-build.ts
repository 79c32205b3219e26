import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { postBuildVariables, substituteObject, SubstitutionError, type SubstituteSourceResolver } from '@gitops/flux-envsubst';
import type { Finding } from './findings';
import { objectRef } from './findings';
import { KustomizeBuildError } from './kustomize';
import type { KustomizeRunner } from './kustomize';
import { asBuilds, type KustomizeBuilds } from './kustomize-builds';

export interface FluxKustomization {
  apiVersion: string;
  kind: 'Kustomization';
  metadata: { name: string; namespace?: string };
  spec?: {
    path?: string;
    wait?: boolean;
    healthChecks?: unknown[];
    dependsOn?: Array<{ name: string; namespace?: string }>;
    postBuild?: Parameters<typeof postBuildVariables>[0];
  };
}

export interface BuiltObject {
  object: Record<string, unknown>;
  /** The Flux Kustomization that applies it. */
  kustomization: string;
  /** Source file, when it can be told. */
  file?: string;
}

export const isFluxKustomization = (object: Record<string, unknown>): object is Record<string, unknown> & FluxKustomization =>
  object['kind'] === 'Kustomization' && String(object['apiVersion']).startsWith('kustomize.toolkit.fluxcd.io/');

/**
 * What Flux would apply for one Kustomization: kustomize build of spec.path, then post-build
 * substitution with the variables of its substituteFrom sources and inline substitute, in strict
 * mode (the default from kustomize-controller v1.9).
 */
export function fluxBuild(
  kustomization: FluxKustomization,
  repoRoot: string,
  kustomize: KustomizeBuilds | KustomizeRunner,
  resolveSource: SubstituteSourceResolver,
  fileOf: (object: Record<string, unknown>) => string | undefined,
  ksFile: string | undefined,
): { objects: BuiltObject[]; findings: Finding[] } {
  const name = kustomization.metadata.name;
  const ref = objectRef(kustomization)!;
  const findings: Finding[] = [];
  const path = kustomization.spec?.path ?? './';
  const dir = join(repoRoot, path);
  const base = { check: 'flux-build' as const, severity: 'error' as const, file: ksFile, object: ref };
  if (!existsSync(dir)) {
    return { objects: [], findings: [{ ...base, path: 'spec.path', message: `path ${path} does not exist in the repository`, fix: 'point spec.path at the folder to apply' }] };
  }
  let built: Record<string, unknown>[];
  try {
    built = asBuilds(kustomize).objects(dir);
  } catch (error) {
    if (!(error instanceof KustomizeBuildError)) throw error;
    return { objects: [], findings: [{ ...base, path: 'spec.path', message: `${kustomize.describe} ${path} failed: ${error.message}`, fix: 'fix the kustomization at spec.path' }] };
  }

  let variables: Record<string, string> = {};
  let runs = false;
  try {
    ({ variables, runs } = postBuildVariables(kustomization.spec?.postBuild, resolveSource));
  } catch (error) {
    if (!(error instanceof SubstitutionError)) throw error;
    findings.push({ ...base, path: 'spec.postBuild', message: error.message, fix: 'define the ConfigMap/Secret, mark it optional, or fix the variable name' });
  }

  const objects: BuiltObject[] = [];
  for (const object of built) {
    const file = fileOf(object);
    let result = object;
    if (runs) {
      try {
        result = substituteObject(object, variables, { strict: true });
      } catch (error) {
        if (!(error instanceof SubstitutionError)) throw error;
        const target = objectRef(object);
        findings.push({
          check: 'flux-build',
          severity: 'error',
          file,
          ...(target && { object: target }),
          message: `post-build substitution (Kustomization ${name}): ${error.message}`,
          fix: error.variable
            ? `add ${error.variable} to the substituteFrom ConfigMap, give it a default (\${${error.variable}:=value}), or escape it as $\${${error.variable}} if Fluent Bit should expand it`
            : 'fix the ${...} expression',
        });
        continue;
      }
    }
    objects.push({ object: result, kustomization: name, ...(file && { file }) });
  }
  return { objects, findings };
}
