/** One cluster's diff: objects matched by identity, field and Fluent Bit changes, danger flags. */
import { createHash } from 'node:crypto';
import { compareData, isRecord, rootCursor } from './compare-data';
import { dangerFlags } from './danger';
import { compareConfig, configKeysOf, fluentBitConfig, readFluentBitConfig } from './fluent-bit-config';
import { idKey, objectId } from './identity';
import type { AppliedObject, ClusterDiff, ClusterObjects, DangerFlag, FieldChange, KubeObject, ObjectDiff, ObjectId } from './types';

const byId = (side: ClusterObjects) => {
  const map = new Map<string, { id: ObjectId; applied: AppliedObject }>();
  for (const applied of side.objects) {
    const id = objectId(applied.object);
    if (id) map.set(idKey(id), { id, applied });
  }
  return map;
};

/** The object without the Fluent Bit configuration text it runs, which compares as sections instead. */
function withoutConfigText(object: KubeObject | undefined): KubeObject | undefined {
  const values = isRecord(object?.['spec']) ? object['spec']['values'] : undefined;
  const read = readFluentBitConfig(values);
  if (!object || !read || !isRecord(values) || !isRecord(values['config'])) return object;
  const config = { ...values['config'] };
  const extraFiles = isRecord(config['extraFiles']) ? { ...config['extraFiles'] } : undefined;
  for (const file of read.files) {
    const { keys, extraFile } = configKeysOf(file);
    for (const key of keys) delete config[key];
    if (extraFile && extraFiles) delete extraFiles[extraFile];
  }
  // Files it does not read (a Lua script, an unused classic config) stay data.
  if (extraFiles && Object.keys(extraFiles).length > 0) config['extraFiles'] = extraFiles;
  else delete config['extraFiles'];
  return { ...object, spec: { ...(object['spec'] as KubeObject), values: { ...values, config } } };
}

/**
 * A Secret's values hidden behind a short digest: the diff goes into PR comments and logs, and a
 * changed digest is enough to see that a value changed.
 */
function redactSecret(id: ObjectId, object: KubeObject | undefined): KubeObject | undefined {
  if (!object || id.group !== '' || id.kind !== 'Secret') return object;
  const hide = (values: unknown) =>
    isRecord(values) ? Object.fromEntries(Object.entries(values).map(([key, value]) => [key, `(hidden, sha256 ${createHash('sha256').update(String(value)).digest('hex').slice(0, 12)})`])) : values;
  return { ...object, ...(object['data'] !== undefined && { data: hide(object['data']) }), ...(object['stringData'] !== undefined && { stringData: hide(object['stringData']) }) };
}

const configOf = (object: KubeObject | undefined) => (isRecord(object?.['spec']) ? fluentBitConfig(object['spec']['values']) : undefined);

export function objectChanges(id: ObjectId, before: KubeObject | undefined, after: KubeObject | undefined): FieldChange[] {
  if (!before || !after) return [];
  const data = compareData(withoutConfigText(redactSecret(id, before)), withoutConfigText(redactSecret(id, after)), '', rootCursor(id.group, id.kind));
  const [a, b] = [configOf(before), configOf(after)];
  return a || b ? [...data, ...compareConfig(a, b)] : data;
}

export function diffCluster(cluster: string, base: ClusterObjects, head: ClusterObjects): ClusterDiff {
  const old = byId(base);
  const now = byId(head);
  const objects: ObjectDiff[] = [];
  for (const key of [...new Set([...old.keys(), ...now.keys()])].sort()) {
    const was = old.get(key);
    const is = now.get(key);
    const id = (is ?? was)!.id;
    const before = was?.applied.object;
    const after = is?.applied.object;
    const status = !before ? 'added' : !after ? 'removed' : 'changed';
    const changes = objectChanges(id, before, after);
    if (status === 'changed' && changes.length === 0) continue;
    const ks = was?.applied.kustomization;
    const flags = dangerFlags({
      id,
      status,
      changes,
      ...(before && { before }),
      ...(after && { after }),
      ...(status === 'removed' && ks !== undefined && { appliedBy: { kustomization: ks, prune: base.prunes?.[ks] === true } }),
    });
    objects.push({ id, status, changes, flags });
  }
  flagSettingsFeedingFlags(objects);
  return { cluster, objects };
}

/**
 * A Flux variable (cluster-settings) whose change is what re-routes logs: the output's value changed
 * from the variable's old value to its new one. Flagged on the variable too, where the edit was made.
 */
function flagSettingsFeedingFlags(objects: ObjectDiff[]): void {
  const routed = objects.flatMap((object) => object.flags.filter((flag) => flag.rule === 'log-routing').map((flag) => ({ object, flag })));
  for (const settings of objects.filter((o) => o.id.group === '' && o.id.kind === 'ConfigMap' && o.status === 'changed')) {
    for (const change of settings.changes) {
      if (!change.path.startsWith('data') || typeof change.before !== 'string' || typeof change.after !== 'string' || change.before === '') continue;
      const feeds = routed.find(({ object, flag }) =>
        object.changes.some(
          (c) => c.path === flag.path && c.key === flag.key && String(c.before ?? '').includes(change.before as string) && String(c.after ?? '').includes(change.after as string),
        ),
      );
      if (feeds) {
        const flag: DangerFlag = { rule: 'log-routing', path: change.path, reason: `used by Fluent Bit: ${feeds.flag.reason}` };
        settings.flags.push(flag);
      }
    }
  }
}
