import { Ajv } from 'ajv';
import schema from '../schema/cluster-settings.schema.json';
import type { App } from './app';
import type { ClusterSettings } from './generated/cluster-settings';
import { HAND_WRITTEN_DIR } from './layout';
import { issuesUnder, schemaIssues, type SettingsIssue } from './settings-issues';

export type { ClusterSettings } from './generated/cluster-settings';

const ajv = new Ajv({ allErrors: true, verbose: true, strict: true });
const validateSchema = ajv.compile<ClusterSettings>(schema);

/** An app folder: two DNS-1123 labels, `<group>/<app>`. */
const APP_FOLDER = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?\/[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** The cluster's own settings: schema, then the rules a schema cannot express. */
export function clusterSettingsIssues(input: unknown): SettingsIssue[] {
  return [...schemaIssues(validateSchema, input), ...apiServerIssues(input)];
}

/** The list of apps: each an app, each in a folder of its own; then each app's own options. */
export function appIssues(apps: unknown): SettingsIssue[] {
  if (!Array.isArray(apps)) {
    return [{ path: 'apps', value: apps, expected: 'a list of apps, e.g. [chartSources(...), logCollection(...)]' }];
  }
  const issues: SettingsIssue[] = [];
  const seen = new Set<string>();
  apps.forEach((app: Partial<App> | null, index) => {
    if (typeof app?.render !== 'function' || typeof app.folder !== 'string') {
      issues.push({ path: `apps[${index}]`, value: app, expected: 'an app (an object with a folder and a render function)' });
      return;
    }
    const path = `apps[${JSON.stringify(app.folder)}]`;
    if (!APP_FOLDER.test(app.folder) || app.folder.split('/')[0] === HAND_WRITTEN_DIR) {
      issues.push({ path: `${path}.folder`, value: app.folder, expected: `<group>/<app>, two DNS-1123 labels, not under ${HAND_WRITTEN_DIR}/` });
    } else if (seen.has(app.folder)) {
      issues.push({ path: `${path}.folder`, value: app.folder, expected: 'a folder no other app of this cluster renders to' });
    }
    seen.add(app.folder);
    issues.push(...issuesUnder(path, app.check?.() ?? []));
  });
  return issues;
}

/** The NetworkPolicy opens the API port to these CIDRs: a very wide one opens it to everything. */
function apiServerIssues(input: unknown): SettingsIssue[] {
  const cidrs = (input as { apiServer?: { cidrs?: unknown } } | null)?.apiServer?.cidrs;
  if (!Array.isArray(cidrs)) return [];
  return cidrs.flatMap((cidr, index) => {
    if (typeof cidr !== 'string') return [];
    const bits = Number(cidr.split('/')[1]);
    const minimum = cidr.includes(':') ? 16 : 8;
    return bits < minimum
      ? [{ path: `apiServer.cidrs[${index}]`, value: cidr, expected: `the control-plane node addresses (a prefix of at least /${minimum}), not a range this wide` }]
      : [];
  });
}
