import { KustomizeBuildError, type KustomizeRunner } from './kustomize';
import { plainKustomizationBuild } from './plain-kustomization';
import { parseDocuments } from './yaml-documents';

/** What a validate run asks of kustomize: the objects a folder builds to. */
export interface KustomizeBuilds {
  /** How it is run, for messages: `kustomize build` or `kubectl kustomize`. */
  describe: string;
  /** The objects `kustomize build dir` outputs, in its order; throws KustomizeBuildError when it fails. */
  objects(dir: string): Record<string, unknown>[];
}

/**
 * Each kustomize root built once per run (the entry point is also checked as a root, and Flux
 * Kustomizations point at roots). A plain kustomization (only local files under `resources:`) is
 * built in process, as kustomize would (plain-kustomization.ts); the rest by the real tool.
 */
export function kustomizeBuilds(runner: KustomizeRunner): KustomizeBuilds {
  const builds = new Map<string, Record<string, unknown>[] | KustomizeBuildError>();
  const used = new Set<string>();
  return {
    describe: runner.describe,
    objects(dir) {
      if (!builds.has(dir)) {
        try {
          builds.set(dir, plainKustomizationBuild(dir) ?? parseDocuments(runner.build(dir)).objects);
        } catch (error) {
          if (!(error instanceof KustomizeBuildError)) throw error;
          builds.set(dir, error);
        }
      }
      const result = builds.get(dir)!;
      if (result instanceof KustomizeBuildError) throw result;
      // Callers own what they get: a second caller gets its own copy.
      if (used.has(dir)) return structuredClone(result);
      used.add(dir);
      return result;
    },
  };
}

/** A bare runner (as tools/diff passes one) read as builds: the real tool's output, parsed, no cache. */
export const asBuilds = (kustomize: KustomizeBuilds | KustomizeRunner): KustomizeBuilds =>
  'objects' in kustomize ? kustomize : { describe: kustomize.describe, objects: (dir) => parseDocuments(kustomize.build(dir)).objects };
