/**
 * Danger flags: changes a reviewer must not miss, each with its reason. Every rule reads one
 * object's change (before, after, field changes) and returns the flags it raises.
 */
import { childPath, isRecord } from './compare-data';
import { widenings } from './network-policy';
import type { DangerFlag, FieldChange, KubeObject, ObjectId, ObjectStatus } from './types';

export interface ObjectChange {
  id: ObjectId;
  status: ObjectStatus;
  before?: KubeObject;
  after?: KubeObject;
  /** Field changes, Fluent Bit section changes included (path = section label, key = its key). */
  changes: readonly FieldChange[];
  /** For a removed object: the Flux Kustomization that applied it, and whether it prunes. */
  appliedBy?: { kustomization: string; prune: boolean };
}

type Rule = (change: ObjectChange) => DangerFlag[];

const get = (value: unknown, ...path: string[]): unknown => path.reduce<unknown>((node, key) => (isRecord(node) ? node[key] : undefined), value);
const isFlux = (id: ObjectId, group: string, kind: string) => id.group === group && id.kind === kind;
const FLUX_KS: [string, string] = ['kustomize.toolkit.fluxcd.io', 'Kustomization'];
const HELM_RELEASE: [string, string] = ['helm.toolkit.fluxcd.io', 'HelmRelease'];

const pruned: Rule = ({ id, status, before, appliedBy }) => {
  if (status !== 'removed') return [];
  const flags: DangerFlag[] = [];
  if (appliedBy?.prune) flags.push({ rule: 'pruned', reason: `Flux deletes it from the cluster: Kustomization ${appliedBy.kustomization} has prune: true` });
  if (isFlux(id, ...FLUX_KS) && get(before, 'spec', 'prune') === true) {
    flags.push({ rule: 'pruned', reason: 'this Kustomization has prune: true: removing it deletes every object it applied' });
  }
  return flags;
};

const namespaceRemoved: Rule = ({ id, status }) =>
  status === 'removed' && id.group === '' && id.kind === 'Namespace'
    ? [{ rule: 'namespace-removed', reason: 'deleting a Namespace deletes every object in it, including those no Kustomization manages' }]
    : [];

/** Fields the API server refuses to update (Kubernetes API reference: "immutable" / "Cannot be updated"). */
const IMMUTABLE: Record<string, readonly string[]> = {
  'apps/DaemonSet': ['spec.selector'],
  'apps/Deployment': ['spec.selector'],
  'apps/ReplicaSet': ['spec.selector'],
  'apps/StatefulSet': ['spec.selector', 'spec.serviceName', 'spec.volumeClaimTemplates', 'spec.podManagementPolicy'],
  'batch/Job': ['spec.selector', 'spec.template', 'spec.completionMode'],
  '/Service': ['spec.clusterIP', 'spec.clusterIPs', 'spec.ipFamilies'],
  '/PersistentVolumeClaim': ['spec.storageClassName', 'spec.accessModes', 'spec.volumeName', 'spec.selector', 'spec.volumeMode'],
  '/PersistentVolume': ['spec.persistentVolumeSource'],
  'rbac.authorization.k8s.io/RoleBinding': ['roleRef'],
  'rbac.authorization.k8s.io/ClusterRoleBinding': ['roleRef'],
  'storage.k8s.io/StorageClass': ['provisioner', 'parameters', 'reclaimPolicy', 'volumeBindingMode'],
};

const under = (path: string, field: string) => path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[`);

const immutableField: Rule = ({ id, status, before, changes }) => {
  if (status !== 'changed') return [];
  const fields = [...(IMMUTABLE[`${id.group}/${id.kind}`] ?? [])];
  // A ConfigMap or Secret marked immutable keeps its data.
  if (id.group === '' && ['ConfigMap', 'Secret'].includes(id.kind) && get(before, 'immutable') === true) fields.push('data', 'binaryData', 'stringData');
  return fields.flatMap((field) => {
    const change = changes.find((c) => !c.key && under(c.path, field));
    if (!change) return [];
    // Setting a Service's clusterIP that was unset is allowed (the API server had allocated one).
    if (id.kind === 'Service' && change.before === undefined && change.path === field) return [];
    return [{ rule: 'immutable-field' as const, path: change.path, reason: `${field} is immutable: the API server rejects the update, so Flux fails until the ${id.kind} is deleted and recreated (force: true)` }];
  });
};

const suspended: Rule = ({ id, status, before, after }) => {
  if (!(isFlux(id, ...FLUX_KS) || isFlux(id, ...HELM_RELEASE)) || status === 'removed') return [];
  if (get(after, 'spec', 'suspend') !== true || get(before, 'spec', 'suspend') === true) return [];
  return [{ rule: 'suspended', path: 'spec.suspend', reason: `Flux stops reconciling this ${id.kind}: later changes and drift are not applied until it is resumed` }];
};

/** `1.2.3` / `v1.2` -> [major, minor]; ranges and digests are not versions. */
const version = (value: unknown): [number, number] | undefined => {
  const match = typeof value === 'string' ? /^v?(\d+)(?:\.(\d+))?/.exec(value.trim()) : null;
  return match ? [Number(match[1]), Number(match[2] ?? 0)] : undefined;
};

const chartMajor: Rule = ({ id, status, before, after }) => {
  if (status !== 'changed') return [];
  const paths = isFlux(id, ...HELM_RELEASE)
    ? [['spec', 'chart', 'spec', 'version']]
    : isFlux(id, 'source.toolkit.fluxcd.io', 'OCIRepository') || isFlux(id, 'source.toolkit.fluxcd.io', 'HelmChart')
      ? [['spec', 'ref', 'tag'], ['spec', 'ref', 'semver'], ['spec', 'version']]
      : [];
  return paths.flatMap((path) => {
    const [a, b] = [version(get(before, ...path)), version(get(after, ...path))];
    if (!a || !b) return [];
    // SemVer 2.0.0 §4: under 0.y.z anything may change, so a minor step there counts as major.
    const breaking = a[0] !== b[0] || (a[0] === 0 && a[1] !== b[1]);
    if (!breaking) return [];
    const [from, to] = [get(before, ...path), get(after, ...path)];
    return [{ rule: 'chart-major' as const, path: path.join('.'), reason: `major version change ${String(from)} -> ${String(to)}: read the chart's upgrade notes (values and resources may change incompatibly)` }];
  });
};

/** Privileges an object grants anywhere in it (pod specs and chart values alike), as `path: what`. */
export function privileges(value: unknown, path = '', out = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      const name = isRecord(item) && typeof item['name'] === 'string' ? `name=${item['name']}` : String(index);
      privileges(item, `${path}[${name}]`, out);
    });
    return out;
  }
  if (!isRecord(value)) return out;
  for (const [key, child] of Object.entries(value)) {
    const at = childPath(path, key);
    if (key === 'capabilities' && isRecord(child) && Array.isArray(child['add'])) {
      for (const capability of child['add']) out.set(`${at}.add: ${String(capability)}`, `adds the Linux capability ${String(capability)}`);
    } else if (key === 'hostPath' && isRecord(child)) {
      out.set(`${path}: hostPath ${String(child['path'])}`, `mounts the node's ${String(child['path'])} (hostPath) into the pod`);
    } else if (key === 'privileged' && child === true) {
      out.set(`${at}: true`, 'a privileged container: full access to the node');
    } else if (key === 'allowPrivilegeEscalation' && child === true) {
      out.set(`${at}: true`, 'lets a process gain more privileges than its parent (setuid binaries)');
    } else if (key === 'runAsUser' && child === 0) {
      out.set(`${at}: 0`, 'runs as root (runAsUser 0)');
    } else if (key === 'runAsGroup' && child === 0) {
      out.set(`${at}: 0`, 'runs with the root group (runAsGroup 0)');
    } else if (['hostNetwork', 'hostPID', 'hostIPC'].includes(key) && child === true) {
      out.set(`${at}: true`, `shares the node's ${key.slice(4) === 'Network' ? 'network' : key.slice(4)} namespace (${key})`);
    } else {
      privileges(child, at, out);
    }
  }
  return out;
}

const privilege: Rule = ({ status, before, after }) => {
  if (status === 'removed') return [];
  const had = privileges(before);
  return [...privileges(after)]
    .filter(([fact]) => !had.has(fact))
    .map(([fact, reason]) => ({ rule: 'privilege' as const, path: fact.slice(0, fact.indexOf(': ')), reason }));
};

const networkWidened: Rule = ({ id, status, before, after }) => {
  if (!(id.group === 'networking.k8s.io' && id.kind === 'NetworkPolicy')) return [];
  if (status === 'removed') return [{ rule: 'network-widened', reason: 'the pods it selected lose its restrictions (unless another policy selects them)' }];
  if (status !== 'changed') return [];
  const [a, b] = [get(before, 'spec'), get(after, 'spec')];
  if (!isRecord(a) || !isRecord(b)) return [];
  return (['ingress', 'egress'] as const).flatMap((direction) =>
    widenings(a, b, direction).map((reason) => ({ rule: 'network-widened' as const, path: `spec.${direction}`, reason })),
  );
};

const isOutput = (change: FieldChange) => change.path.startsWith('[OUTPUT]');
/** Output keys that decide where logs go: the sink's address and the tenant headers (VictoriaLogs, Loki). */
const ROUTING_KEYS = ['host', 'port', 'uri', 'header x-scope-orgid', 'header accountid', 'header projectid', 'tenant_id', 'index', 'logstash_prefix', 'topics', 'brokers', 'upstream'];

const logRouting: Rule = ({ changes }) =>
  changes.filter(isOutput).flatMap((change): DangerFlag[] => {
    const at = { path: change.path, ...(change.key && { key: change.key }) };
    if (!change.key) {
      const sink = (side: unknown) => (isRecord(side) ? `${String(side['host'] ?? '')}:${String(side['port'] ?? '')}${String(side['uri'] ?? '')}` : '');
      return [{ rule: 'log-routing', ...at, reason: change.after ? `logs are sent to a new sink (${sink(change.after)})` : `logs stop going to ${sink(change.before)}` }];
    }
    if (!ROUTING_KEYS.includes(change.key.toLowerCase())) return [];
    const tenant = change.key.startsWith('header') || change.key === 'tenant_id';
    return [{ rule: 'log-routing', ...at, reason: tenant ? `logs go to another tenant (${change.key.replace('header ', '')} ${String(change.before ?? 'unset')} -> ${String(change.after ?? 'unset')})` : `logs go to another sink (${change.key} ${String(change.before ?? 'unset')} -> ${String(change.after ?? 'unset')})` }];
  });

/** Fluent Bit retries: `no_limits`/`false` = forever, `no_retries` = 0, unset = 1 (Fluent Bit docs, "Scheduling and Retries"). */
const retries = (value: unknown): number => {
  if (value === undefined) return 1;
  const text = String(value).trim().toLowerCase();
  if (['no_limits', 'false', 'off', '-1'].includes(text)) return Infinity;
  if (text === 'no_retries') return 0;
  const number = Number(text);
  return Number.isFinite(number) ? number : Infinity;
};
/** Fluent Bit sizes: k/m/g (with an optional b) are powers of 1000, unset = no limit. */
const size = (value: unknown): number => {
  if (value === undefined) return Infinity;
  const match = /^([\d.]+)\s*([kmg]?)b?$/i.exec(String(value).trim());
  if (!match) return Infinity;
  return Number(match[1]) * ({ '': 1, k: 1e3, m: 1e6, g: 1e9 } as Record<string, number>)[match[2]!.toLowerCase()]!;
};
const lower = (value: unknown) => (value === undefined ? undefined : String(value).trim().toLowerCase());

const DURABILITY: Record<string, (before: unknown, after: unknown) => string | undefined> = {
  retry_limit: (a, b) => (retries(b) < retries(a) ? `fewer retries (${String(a ?? 'unset = 1')} -> ${String(b ?? 'unset = 1')}): chunks are dropped sooner while the sink is down` : undefined),
  'storage.type': (a, b) => (lower(a) === 'filesystem' && lower(b) !== 'filesystem' ? `buffering moves from filesystem to ${String(b ?? 'memory (the default)')}: queued logs are lost when the pod restarts` : undefined),
  'storage.total_limit_size': (a, b) => (size(b) < size(a) ? `a smaller queue (${String(a ?? 'no limit')} -> ${String(b)}): the oldest chunks are dropped sooner during an outage` : undefined),
  'storage.sync': (a, b) => (lower(a) === 'full' && lower(b) !== 'full' ? `storage.sync full -> ${String(b ?? 'normal (the default)')}: chunks may be lost on a node crash` : undefined),
  'storage.path': (a, b) => (a !== undefined && b === undefined ? 'no storage.path: filesystem buffering is off' : undefined),
};

const durability: Rule = ({ changes }) =>
  changes.flatMap((change): DangerFlag[] => {
    const check = change.path.startsWith('[') && change.key !== undefined && Object.hasOwn(DURABILITY, change.key) ? DURABILITY[change.key] : undefined;
    const reason = check?.(change.before, change.after);
    return reason ? [{ rule: 'durability', path: change.path, key: change.key!, reason }] : [];
  });

export const RULES: readonly Rule[] = [pruned, namespaceRemoved, immutableField, suspended, chartMajor, privilege, networkWidened, logRouting, durability];

export const dangerFlags = (change: ObjectChange): DangerFlag[] => RULES.flatMap((rule) => rule(change));
