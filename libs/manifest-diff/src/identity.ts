import type { KubeObject, ObjectId } from './types';

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** apiVersion `apps/v1` -> group `apps`; `v1` -> the core group ''. */
export const groupOf = (apiVersion: unknown): string => {
  const value = String(apiVersion ?? '');
  const slash = value.indexOf('/');
  return slash < 0 ? '' : value.slice(0, slash);
};

export function objectId(object: KubeObject): ObjectId | undefined {
  const metadata = (object['metadata'] ?? {}) as Record<string, unknown>;
  const kind = text(object['kind']);
  const name = text(metadata['name']);
  if (!kind || !name) return undefined;
  const namespace = text(metadata['namespace']);
  return { group: groupOf(object['apiVersion']), kind, name, ...(namespace && { namespace }) };
}

/** `apps/DaemonSet observability/fluent-bit`: the key objects are matched by, and their sort order. */
export const idKey = (id: ObjectId): string => `${id.group}/${id.kind} ${id.namespace ? `${id.namespace}/` : ''}${id.name}`;

/** How an object is named in the output: `DaemonSet observability/fluent-bit`. */
export const idLabel = (id: ObjectId): string => `${id.kind} ${id.namespace ? `${id.namespace}/` : ''}${id.name}`;
