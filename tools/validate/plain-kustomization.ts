/**
 * The build of a *plain* kustomization, in process: one whose kustomization.yaml only lists local
 * files under `resources:`. What kustomize (v5, as in kubectl) outputs for it is the objects of
 * those files, in kustomize's default "legacy" order, with no other change; spawning kubectl for
 * that costs ~75 ms a root, most of a batch validate. Anything else (generators, patches,
 * namespaces, directories, remote bases, YAML whose meaning depends on the YAML version, anchors,
 * tags, List kinds, kustomize's own annotations, duplicates...) returns undefined: the real tool
 * builds it. plain-kustomization.test.ts checks the result equals kubectl's on the fixture
 * cluster, the story's manifests and a corpus of edge cases.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Lexer, parseAllDocuments } from 'yaml';
import { KUSTOMIZATION_FILES } from '@gitops/flux-ks';
import { parseDocuments } from './yaml-documents';

type KubeObject = Record<string, unknown>;

const KUSTOMIZATION_KEYS = new Set(['apiVersion', 'kind', 'resources']);
/** Safe, local, relative file names only (no URL, no `..`, no glob). */
const LOCAL_FILE = /^(?:\.\/)?[A-Za-z0-9_][A-Za-z0-9_.\-/]*\.ya?ml$/;
/** DNS-ish identifiers: Go and JS compare these strings alike (bytes = UTF-16 units). */
const IDENTIFIER = /^[A-Za-z0-9.\-_/:]+$/;
/** Annotations kustomize reads or rewrites. */
const KUSTOMIZE_ANNOTATION = /^(internal\.)?config\.kubernetes\.io\/|^kustomize\.config\.k8s\.io\//;

/** The objects `kustomize build dir` gives, or undefined when the kustomization is not plain. */
export function plainKustomizationBuild(dir: string): KubeObject[] | undefined {
  const present = KUSTOMIZATION_FILES.filter((file) => existsSync(join(dir, file)));
  if (present.length !== 1) return undefined;
  const config = plainDocuments(join(dir, present[0]!));
  if (!config || config.length !== 1) return undefined;
  const [kustomization] = config as [KubeObject];
  if (!Object.keys(kustomization).every((key) => KUSTOMIZATION_KEYS.has(key))) return undefined;
  if (kustomization['apiVersion'] !== 'kustomize.config.k8s.io/v1beta1' || kustomization['kind'] !== 'Kustomization') return undefined;
  const resources = kustomization['resources'];
  if (!Array.isArray(resources) || !resources.every((resource) => typeof resource === 'string' && LOCAL_FILE.test(resource))) return undefined;
  const paths = resources.map((resource: string) => normalize(resource));
  if (new Set(paths).size !== paths.length || paths.some((path) => path.startsWith('..') || path.includes(`${sep}..`))) return undefined;

  const objects: KubeObject[] = [];
  for (const path of paths) {
    const file = join(dir, path);
    if (!isFile(file)) return undefined;
    const documents = plainDocuments(file);
    if (!documents) return undefined;
    objects.push(...documents);
  }
  const ids = objects.map(resourceId);
  if (ids.some((id) => id === undefined)) return undefined;
  if (new Set(ids.map((id) => `${id!.gvk}|${id!.rest}`)).size !== ids.length) return undefined;
  return legacyOrder(objects, ids as ResourceId[]);
}

const isFile = (path: string) => {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/**
 * The file's documents when reading them cannot differ from kustomize's reader: no syntax problem
 * or duplicate key (our reader's findings), every document a mapping (empty ones skipped, as
 * kustomize does), no anchor, alias, tag or directive, and the same values whether read as YAML
 * 1.1 (as we do) or 1.2 (as kustomize's yaml.v3 does: `on`, `0777`, `1_000`, dates and `<<` differ).
 */
function plainDocuments(file: string): KubeObject[] | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  // Anchors, aliases, tags and directives (tokens that start with & * ! %): rare in manifests, left to kustomize.
  for (const token of new Lexer().lex(text)) if (/^[&*!%]/.test(token)) return undefined;
  const ours = parseDocuments(text);
  if (ours.errors.length > 0) return undefined;
  const documents = parseAllDocuments(text, { version: '1.2', uniqueKeys: false });
  const values = (Array.isArray(documents) ? documents : [documents]).map((document) => (document.errors.length > 0 ? undefined : document.toJS()));
  if (values.some((value) => value !== null && (typeof value !== 'object' || Array.isArray(value)))) return undefined;
  const mappings = values.filter((value) => value !== null);
  return isDeepStrictEqual(mappings, ours.objects) ? ours.objects : undefined;
}

interface ResourceId {
  group: string;
  version: string;
  kind: string;
  /** kustomize's Gvk.String() + namespace + name, its tie-break within a kind. */
  gvk: string;
  rest: string;
}

/** The object's id as kustomize keys it; undefined for what kustomize treats specially (Lists, its annotations). */
function resourceId(object: KubeObject): ResourceId | undefined {
  const { apiVersion, kind } = object;
  const metadata = object['metadata'] as { name?: unknown; namespace?: unknown; annotations?: unknown } | undefined;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string' || !IDENTIFIER.test(apiVersion) || !IDENTIFIER.test(kind)) return undefined;
  if (kind.endsWith('List') || typeof metadata !== 'object' || metadata === null) return undefined;
  const { name, namespace, annotations } = metadata;
  if (typeof name !== 'string' || !IDENTIFIER.test(name)) return undefined;
  if (namespace !== undefined && (typeof namespace !== 'string' || !IDENTIFIER.test(namespace))) return undefined;
  if (annotations !== undefined && (typeof annotations !== 'object' || annotations === null || Object.keys(annotations).some((key) => KUSTOMIZE_ANNOTATION.test(key)))) return undefined;
  const slash = apiVersion.indexOf('/');
  const group = slash === -1 ? '' : apiVersion.slice(0, slash);
  const version = slash === -1 ? apiVersion : apiVersion.slice(slash + 1);
  if (version === '' || apiVersion === 'builtin') return undefined;
  const gvkString = [kind, version, group || '[noGrp]'].join('.');
  return { group, version, kind, gvk: gvkString, rest: `${namespace || '~X'}|${name}` };
}

// kustomize's legacy order (api/internal/builtins/SortOrderTransformer.go, "DO NOT CHANGE").
const ORDER_FIRST = ['Namespace', 'ResourceQuota', 'StorageClass', 'CustomResourceDefinition', 'ServiceAccount', 'PodSecurityPolicy', 'Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding', 'ConfigMap', 'Secret', 'Endpoints', 'Service', 'LimitRange', 'PriorityClass', 'PersistentVolume', 'PersistentVolumeClaim', 'Deployment', 'StatefulSet', 'CronJob', 'PodDisruptionBudget'];
const ORDER_LAST = ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'];
const rank = (kind: string) => {
  const first = ORDER_FIRST.indexOf(kind);
  if (first !== -1) return first - ORDER_FIRST.length;
  const last = ORDER_LAST.indexOf(kind);
  return last === -1 ? 0 : last + 1;
};
const gvkSortString = (id: ResourceId) => `${id.group || '~G'}_${id.version}_${id.kind}`;
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Kind rank, then group_version_kind, then Gvk.String()|namespace|name: a total order (ids are unique). */
function legacyOrder(objects: KubeObject[], ids: ResourceId[]): KubeObject[] {
  const order = objects.map((_, index) => index);
  order.sort((i, j) => {
    const a = ids[i]!;
    const b = ids[j]!;
    if (a.group !== b.group || a.version !== b.version || a.kind !== b.kind) {
      return rank(a.kind) - rank(b.kind) || compare(gvkSortString(a), gvkSortString(b));
    }
    return compare(`${a.gvk}|${a.rest}`, `${b.gvk}|${b.rest}`);
  });
  return order.map((index) => objects[index]!);
}
