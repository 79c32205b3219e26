/**
 * The diff as text (terminals) or Markdown (pull requests): a summary table per cluster (added,
 * changed, removed by kind), then each object's changes with their danger flags under them.
 * Markdown is bounded by a character budget; what does not fit is named in a closing note.
 */
import { diffLines } from 'diff';
import { idLabel } from './identity';
import type { ClusterDiff, DangerFlag, FieldChange, ObjectDiff } from './types';

export interface FormatOptions {
  /** The base the head is compared with, for the title: `main (abc1234)`. */
  base?: string;
  /** What could not be built (objects left out of a side), shown under the title. */
  warnings?: readonly string[];
}

/** At most 10 warnings, then a count: they are in the log in full. */
const warningLines = (warnings: readonly string[] = []) => [
  ...warnings.slice(0, 10).map((warning) => `warning: ${warning}`),
  ...(warnings.length > 10 ? [`warning: and ${warnings.length - 10} more`] : []),
];

/** The marker in the Markdown when the budget cut something (the PR workflow then uploads the text). */
export const CUT_MARKER = '<!-- gitops-fleet-diff:cut -->';
const SIGN = { added: '+', removed: '-', changed: '~' } as const;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Clusters with the very same changes (a fleet-wide edit), shown once under all their names. */
interface Group {
  names: string[];
  diff: ClusterDiff;
}

function groupsOf(clusters: readonly ClusterDiff[]): Group[] {
  const bySignature = new Map<string, Group>();
  for (const cluster of clusters) {
    const signature = JSON.stringify(cluster.objects);
    const group = bySignature.get(signature);
    if (group) group.names.push(cluster.cluster);
    else bySignature.set(signature, { names: [cluster.cluster], diff: cluster });
  }
  return [...bySignature.values()];
}

/** `infra`, or `a, b, c, d, e and 195 more (200 clusters, the same changes)`. */
const groupTitle = ({ names }: Group) =>
  names.length === 1 ? names[0]! : `${names.slice(0, 5).join(', ')}${names.length > 5 ? ` and ${names.length - 5} more` : ''} (${names.length} clusters, the same changes)`;
/** The full list of a group's clusters, when the title shortens it. */
const groupMembers = ({ names }: Group) => (names.length > 5 ? [`clusters: ${names.join(', ')}`] : []);

const flagCount = (cluster: ClusterDiff) => cluster.objects.reduce((sum, object) => sum + object.flags.length, 0);

function countsByKind(cluster: ClusterDiff): Array<[string, { added: number; changed: number; removed: number }]> {
  const counts = new Map<string, { added: number; changed: number; removed: number }>();
  for (const object of cluster.objects) {
    const row = counts.get(object.id.kind) ?? { added: 0, changed: 0, removed: 0 };
    row[object.status]++;
    counts.set(object.id.kind, row);
  }
  return [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function clusterSummary(cluster: ClusterDiff): string {
  const totals = { added: 0, changed: 0, removed: 0 };
  for (const object of cluster.objects) totals[object.status]++;
  const parts = (['added', 'changed', 'removed'] as const).filter((status) => totals[status] > 0).map((status) => `${totals[status]} ${status}`);
  const flags = flagCount(cluster);
  return `${parts.join(', ') || 'no changes'}${flags ? `, ⚠ ${plural(flags, 'danger flag')}` : ''}`;
}

/** A value on one line: strings as they are, the rest as compact JSON. */
const show = (value: unknown): string => (value === undefined ? '(unset)' : typeof value === 'string' ? (value === '' ? '""' : value) : JSON.stringify(value));

function changeLines(change: FieldChange): string[] {
  const where = change.key ? `${change.path}: ${change.key}` : change.path;
  if (change.before === undefined) return [`+ ${where}${change.key ? ' ' : ': '}${show(change.after)}`];
  if (change.after === undefined) return [`- ${where}${change.key ? ' ' : ': '}${show(change.before)}`];
  if (typeof change.before === 'string' && typeof change.after === 'string' && (change.before.includes('\n') || change.after.includes('\n'))) {
    const lines = diffLines(change.before, change.after).flatMap((part) =>
      part.added || part.removed ? part.value.replace(/\n$/, '').split('\n').map((line) => `    ${part.added ? '+' : '-'} ${line}`) : [],
    );
    return [`~ ${where}:`, ...lines];
  }
  return [`~ ${where}${change.key ? ' ' : ': '}${show(change.before)} -> ${show(change.after)}`];
}

const flagLine = (flag: DangerFlag) => `⚠ ${flag.rule}: ${flag.reason}`;

/** Whether a flag belongs to a change: the same section key, or a path one contains the other. */
const belongs = (flag: DangerFlag, change: FieldChange) =>
  flag.key !== undefined || change.key !== undefined
    ? flag.path === change.path && flag.key === change.key
    : flag.path !== undefined && (flag.path === change.path || flag.path.startsWith(`${change.path}.`) || flag.path.startsWith(`${change.path}[`) || change.path.startsWith(`${flag.path}.`) || change.path.startsWith(`${flag.path}[`));

/** An object's lines, indented: unattached flags first, then each change with its flags. */
function objectBody(object: ObjectDiff): string[] {
  const placed = new Set<DangerFlag>();
  const body: string[] = [];
  for (const change of object.changes) {
    body.push(...changeLines(change));
    for (const flag of object.flags.filter((f) => !placed.has(f) && belongs(f, change))) {
      placed.add(flag);
      body.push(`    ${flagLine(flag)}`);
    }
  }
  return [...object.flags.filter((flag) => !placed.has(flag)).map(flagLine), ...body];
}

const objectTitle = (object: ObjectDiff) => `${SIGN[object.status]} ${idLabel(object.id)}`;

function table(cluster: ClusterDiff, markdown: boolean): string[] {
  const rows = countsByKind(cluster);
  if (markdown) return ['| kind | added | changed | removed |', '| --- | ---: | ---: | ---: |', ...rows.map(([kind, c]) => `| ${kind} | ${c.added} | ${c.changed} | ${c.removed} |`)];
  const width = Math.max(4, ...rows.map(([kind]) => kind.length));
  return [`${'kind'.padEnd(width)}  added  changed  removed`, ...rows.map(([kind, c]) => `${kind.padEnd(width)}  ${String(c.added).padStart(5)}  ${String(c.changed).padStart(7)}  ${String(c.removed).padStart(7)}`)];
}

function title(clusters: readonly ClusterDiff[], options: FormatOptions): string {
  const changed = clusters.filter((cluster) => cluster.objects.length > 0);
  const objects = changed.reduce((sum, cluster) => sum + cluster.objects.length, 0);
  const flags = changed.reduce((sum, cluster) => sum + flagCount(cluster), 0);
  return `Fleet diff${options.base ? ` against ${options.base}` : ''}: ${plural(changed.length, 'cluster')} changed of ${clusters.length}, ${plural(objects, 'object')}${flags ? `, ⚠ ${plural(flags, 'danger flag')}` : ''}`;
}

export function formatText(clusters: readonly ClusterDiff[], options: FormatOptions = {}): string {
  const lines = [title(clusters, options), ...warningLines(options.warnings)];
  for (const group of groupsOf(clusters.filter((cluster) => cluster.objects.length > 0))) {
    const cluster = group.diff;
    lines.push('', `${groupTitle(group)}: ${clusterSummary(cluster)}`, ...groupMembers(group).map((line) => `  ${line}`));
    lines.push(...table(cluster, false).map((line) => `  ${line}`), '');
    for (const object of cluster.objects) lines.push(`  ${objectTitle(object)}`, ...objectBody(object).map((line) => `      ${line}`));
  }
  const unchanged = clusters.filter((cluster) => cluster.objects.length === 0).map((cluster) => cluster.cluster);
  if (unchanged.length) lines.push('', `No changes: ${unchanged.join(', ')}.`);
  return `${lines.join('\n')}\n`;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function markdownObject(object: ObjectDiff): string {
  const rules = [...new Set(object.flags.map((flag) => flag.rule))];
  const summary = `<code>${escapeHtml(objectTitle(object))}</code>${rules.length ? ` ⚠ ${rules.join(', ')}` : ''}`;
  const body = objectBody(object);
  if (body.length === 0) return `- ${summary}\n`;
  // A fence longer than any backtick run inside, so no value can close it.
  const fence = '`'.repeat(Math.max(3, ...[...body.join('\n').matchAll(/`+/g)].map((m) => m[0].length + 1)));
  return `<details${rules.length ? ' open' : ''}><summary>${summary}</summary>\n\n${fence}\n${body.join('\n')}\n${fence}\n</details>\n`;
}

const clusterHead = (group: Group) =>
  `<details${flagCount(group.diff) ? ' open' : ''}><summary><b>${escapeHtml(groupTitle(group))}</b>: ${clusterSummary(group.diff)}</summary>\n\n` +
  groupMembers(group).map((line) => `${escapeHtml(line)}\n\n`).join('') +
  `${table(group.diff, true).join('\n')}\n\n`;
const CLUSTER_TAIL = '</details>\n\n';

/**
 * Markdown within `budget` characters: every cluster's summary first (flagged clusters first), then
 * object diffs (flagged objects first) while they fit; a note names what was left out.
 */
export function formatMarkdown(clusters: readonly ClusterDiff[], budget: number, options: FormatOptions = {}): { markdown: string; cut: boolean } {
  const warnings = warningLines(options.warnings).map((line) => `> ${escapeHtml(line)}\n`).join('');
  const header = `### ${title(clusters, options)}\n\n${warnings ? `${warnings}\n` : ''}`;
  const changed = clusters.filter((cluster) => cluster.objects.length > 0);
  const unchanged = clusters.filter((cluster) => cluster.objects.length === 0).map((cluster) => cluster.cluster);
  const footer = unchanged.length ? `No changes: ${unchanged.join(', ')}.\n` : '';
  const noteReserve = Math.min(2_000, Math.floor(budget / 5));
  const showFooter = header.length + footer.length + noteReserve <= budget;
  let room = budget - header.length - (showFooter ? footer.length : 0) - noteReserve;

  const groups = groupsOf(changed);
  const priority = [...groups].sort((a, b) => Number(flagCount(b.diff) > 0) - Number(flagCount(a.diff) > 0));
  const shown = new Set<Group>();
  for (const group of priority) {
    const size = clusterHead(group).length + CLUSTER_TAIL.length;
    if (size > room) continue;
    shown.add(group);
    room -= size;
  }
  const objects = new Map<ObjectDiff, string>();
  const candidates = [...shown].flatMap((group) => group.diff.objects).sort((a, b) => Number(b.flags.length > 0) - Number(a.flags.length > 0));
  for (const object of candidates) {
    const text = markdownObject(object);
    if (text.length > room) continue;
    objects.set(object, text);
    room -= text.length;
  }

  let body = header;
  for (const group of groups.filter((g) => shown.has(g))) {
    body += clusterHead(group) + group.diff.objects.map((object) => objects.get(object) ?? '').join('') + CLUSTER_TAIL;
  }
  const omittedClusters = groups.filter((group) => !shown.has(group)).flatMap((group) => group.names);
  const cutObjects = groups
    .filter((group) => shown.has(group))
    .flatMap((group) => group.diff.objects.filter((object) => !objects.has(object)).map((object) => `${group.names[0]}${group.names.length > 1 ? ` (+${group.names.length - 1})` : ''}: ${idLabel(object.id)}`));
  const cut = omittedClusters.length > 0 || cutObjects.length > 0 || !showFooter;
  if (showFooter) body += footer;
  if (!cut) return { markdown: body, cut };
  return { markdown: body + cutNote(budget, noteReserve, omittedClusters, cutObjects), cut };
}

/** What the budget left out, itself bounded: names until the reserve is used, then a count. */
function cutNote(budget: number, reserve: number, clusters: string[], objects: string[]): string {
  const head = `${CUT_MARKER}\n> **Cut to fit ${budget.toLocaleString('en-US')} characters**; the full diff is \`--format text\` (on a pull request: the workflow's fleet-diff artifact).`;
  const list = (label: string, names: string[], left: number) => {
    if (names.length === 0) return '';
    let text = `\n> ${label} (${names.length}): `;
    let count = 0;
    for (const name of names) {
      const next = `${count ? ', ' : ''}${name}`;
      if (text.length + next.length + 20 > left) break;
      text += next;
      count++;
    }
    return count < names.length ? `${text}${count ? ', ' : ''}and ${names.length - count} more` : text;
  };
  const clustersText = list('Clusters omitted', clusters, (reserve - head.length) / 2);
  const objectsText = list('Object diffs omitted', objects, reserve - head.length - clustersText.length - 2);
  return `${head}${clustersText}${objectsText}\n`;
}

