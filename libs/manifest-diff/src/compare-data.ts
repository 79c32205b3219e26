/**
 * Structural comparison of two JSON-like values. Lists are matched entry by entry: by their merge
 * keys (from the Kubernetes OpenAPI, ./generated/merge-keys.ts, else a key all entries share such
 * as `name`), else by value, so that a reordering is never reported as a change.
 */
import { MERGE_KEYS } from './generated/merge-keys';
import type { FieldChange } from './types';

/** Where we are in the API schema: a definition of the merge-key table, or nowhere known. */
export type SchemaCursor = string | undefined;

/** The schema cursor at an object's root, from its group and kind. */
export const rootCursor = (group: string, kind: string): SchemaCursor => MERGE_KEYS.kinds[`${group}/${kind}`];

const field = (cursor: SchemaCursor, name: string) => (cursor ? MERGE_KEYS.definitions[cursor]?.[name] : undefined);

/** Keys that identify list entries when the schema names none (Helm values, custom resources). */
const FALLBACK_KEYS: readonly string[][] = [['name'], ['mountPath'], ['devicePath'], ['containerPort', 'protocol'], ['port', 'protocol'], ['key']];

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && deepEqual(a[key], b[key]));
  }
  return false;
}

/** `spec.values`, `metadata.labels["app.kubernetes.io/name"]`. */
export const childPath = (path: string, key: string): string =>
  /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? (path ? `${path}.${key}` : key) : `${path}[${JSON.stringify(key)}]`;

const scalar = (value: unknown) => value === undefined || value === null || ['string', 'number', 'boolean'].includes(typeof value);

/** The entry's identity under `keys`, or undefined when an entry lacks the first key. */
function entryKey(entry: unknown, keys: readonly string[]): string | undefined {
  if (!isRecord(entry) || entry[keys[0]!] === undefined) return undefined;
  if (!keys.every((key) => scalar(entry[key]))) return undefined;
  return keys
    .filter((key) => entry[key] !== undefined)
    .map((key) => `${key}=${String(entry[key])}`)
    .join(',');
}

/** Whether `keys` identify every entry of each list uniquely. */
function usableKeys(lists: readonly unknown[][], keys: readonly string[]): boolean {
  return lists.every((list) => {
    const seen = new Set<string>();
    for (const entry of list) {
      const key = entryKey(entry, keys);
      if (key === undefined || seen.has(key)) return false;
      seen.add(key);
    }
    return true;
  });
}

function listKeys(cursor: SchemaCursor, name: string | undefined, before: unknown[], after: unknown[]): readonly string[] | undefined {
  const declared = name === undefined ? undefined : field(cursor, name)?.keys;
  if (declared && usableKeys([before, after], declared)) return declared;
  return FALLBACK_KEYS.find((keys) => usableKeys([before, after], keys));
}

/**
 * The changes from `before` to `after`, each with its path. `name` is the field `before`/`after`
 * are the value of in the definition `parent` (for its merge keys and its own definition).
 */
export function compareData(before: unknown, after: unknown, path = '', parent: SchemaCursor = undefined, name?: string): FieldChange[] {
  const changes: FieldChange[] = [];
  walk(before, after, path, parent, name, changes);
  return changes;
}

function walk(before: unknown, after: unknown, path: string, parent: SchemaCursor, name: string | undefined, out: FieldChange[]): void {
  if (deepEqual(before, after)) return;
  const cursor = name === undefined ? parent : field(parent, name)?.type;
  if (isRecord(before) && isRecord(after)) {
    for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
      walk(before[key], after[key], childPath(path, key), cursor, key, out);
    }
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    compareLists(before, after, path, parent, name, cursor, out);
    return;
  }
  out.push({ path, ...(before !== undefined && { before }), ...(after !== undefined && { after }) });
}

function compareLists(before: unknown[], after: unknown[], path: string, parent: SchemaCursor, name: string | undefined, itemCursor: SchemaCursor, out: FieldChange[]): void {
  const keys = listKeys(parent, name, before, after);
  if (keys) {
    const old = new Map(before.map((entry) => [entryKey(entry, keys)!, entry]));
    const now = new Map(after.map((entry) => [entryKey(entry, keys)!, entry]));
    for (const key of [...new Set([...old.keys(), ...now.keys()])].sort()) {
      walk(old.get(key), now.get(key), `${path}[${key}]`, itemCursor, undefined, out);
    }
    return;
  }
  // No key: equal entries match wherever they are; what is left pairs up by position.
  const unmatched = [...before.keys()];
  const added: number[] = [];
  after.forEach((entry, index) => {
    const found = unmatched.findIndex((i) => deepEqual(before[i], entry));
    if (found >= 0) unmatched.splice(found, 1);
    else added.push(index);
  });
  const pairs = Math.min(unmatched.length, added.length);
  for (let i = 0; i < pairs; i++) walk(before[unmatched[i]!], after[added[i]!], `${path}[${added[i]}]`, itemCursor, undefined, out);
  for (const i of added.slice(pairs)) out.push({ path: `${path}[${i}]`, after: after[i] });
  for (const i of unmatched.slice(pairs)) out.push({ path: `${path}[${i}]`, before: before[i] });
}
