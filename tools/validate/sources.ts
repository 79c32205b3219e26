import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { KUSTOMIZATION_FILES } from '@gitops/flux-ks';
import type { Finding } from './findings';
import { objectRef, formatRef } from './findings';
import { parseDocuments, tooLarge } from './yaml-documents';

export interface SourceFile {
  /** Repository-relative path. */
  path: string;
  objects: Record<string, unknown>[];
}

const isYaml = (name: string) => name.endsWith('.yaml') || name.endsWith('.yml');

/** Every YAML file below the folders (repository-relative), parsed; syntax and duplicate keys are findings. */
export function readSources(repoRoot: string, folders: readonly string[]): { files: SourceFile[]; findings: Finding[] } {
  const files: SourceFile[] = [];
  const findings: Finding[] = [];
  for (const folder of folders) {
    const root = join(repoRoot, folder);
    if (!existsSync(root)) {
      findings.push({ check: 'kustomize', severity: 'error', file: folder, message: 'the cluster folder does not exist', fix: 'render the cluster first (nx run <cluster>:render)' });
      continue;
    }
    const entries = readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && isYaml(entry.name))
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
    for (const absolute of entries) {
      const path = relative(repoRoot, absolute);
      const parsed = readYaml(absolute);
      for (const error of parsed.errors) {
        findings.push({ check: 'schema', severity: 'error', file: path, message: `invalid YAML at line ${error.line}: ${error.message}`, fix: error.fix });
      }
      files.push({ path, objects: parsed.objects });
    }
  }
  return { files, findings };
}

/** A file's documents; bytes, so that non-UTF-8 is a finding; too large a file is not read at all. */
function readYaml(absolute: string): ReturnType<typeof parseDocuments> {
  try {
    return tooLarge(statSync(absolute).size) ?? parseDocuments(readFileSync(absolute));
  } catch (error) {
    return { objects: [], errors: [{ line: 1, message: `cannot read the file: ${(error as Error).message}`, fix: 'make the file readable' }] };
  }
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Folders with a kustomization.yaml, and YAML files that no kustomization.yaml lists. */
export function kustomizeLayout(repoRoot: string, files: readonly SourceFile[]) {
  const roots = files.filter((f) => KUSTOMIZATION_FILES.some((name) => f.path.endsWith(`/${name}`) || f.path === name));
  const listed = new Set<string>();
  for (const root of roots) {
    const dir = dirname(root.path);
    const config = root.objects[0] ?? {};
    // Any shape may be there: kustomize reports a malformed kustomization, this only lists files.
    const patches = asList(config['patches']).map((patch) => (patch as { path?: unknown } | null)?.path);
    const resources = [...asList(config['resources']), ...asList(config['components']), ...asList(config['patchesStrategicMerge']), ...patches];
    for (const resource of resources) {
      if (typeof resource !== 'string') continue;
      const target = relative(repoRoot, resolve(repoRoot, dir, resource));
      listed.add(target);
    }
  }
  // A kustomize Component only builds as part of the kustomization that uses it.
  const rootDirs = roots.filter((root) => root.objects[0]?.['kind'] !== 'Component').map((root) => dirname(root.path));
  const unlisted = files.filter((f) => !roots.includes(f) && !listed.has(f.path));
  return { rootDirs, unlisted };
}

/**
 * Index of objects to the file that declares them: by kind/namespace/name, and by kind/name when
 * only one file declares that pair (kustomize may set the namespace after the fact).
 */
export function objectIndex(files: readonly SourceFile[]): Map<string, string | undefined> {
  const index = new Map<string, string | undefined>();
  for (const file of files) {
    for (const object of file.objects) {
      const ref = objectRef(object);
      if (!ref) continue;
      index.set(formatRef(ref), file.path);
      const loose = formatRef({ kind: ref.kind, name: ref.name });
      index.set(loose, index.has(loose) && index.get(loose) !== file.path ? undefined : file.path);
    }
  }
  return index;
}
