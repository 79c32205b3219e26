import { describe, expect, it } from 'vitest';
import type { ConfigMap, Kustomization } from '@gitops/api-types';
import type { App } from './app';
import { defineCluster, renderCluster, type ClusterDefinition } from './cluster';
import { ClusterSettingsError } from './settings-issues';

/** A minimal app: one ConfigMap, one variable of its own and the shared CLUSTER. */
const noteApp = (folder: string, note: string, options: Partial<App> = {}): App => ({
  folder,
  render: ({ cluster, variables }) => ({
    kustomization: { name: folder.replace('/', '-'), substituteFrom: ['cluster-settings'] },
    files: [
      {
        path: 'configmap.yaml',
        documents: [
          {
            apiVersion: 'v1',
            kind: 'ConfigMap',
            metadata: { name: 'note', namespace: folder.split('/')[0] },
            data: { note: variables.define(`NOTE_${folder.split('/')[0]!.replace('-', '_').toUpperCase()}`, note), cluster: variables.share('CLUSTER', cluster) },
          },
        ],
      },
    ],
    external: { kustomizations: ['sink'] },
  }),
  ...options,
});

const cluster = (apps: App[], changes: Partial<ClusterDefinition> = {}) =>
  defineCluster({ environment: 'staging', apiServer: { cidrs: ['192.0.2.1/32'], port: 6443 }, apps, ...changes });

const paths = (definition: ClusterDefinition, handWritten = false) => renderCluster('demo', definition, { handWritten }).files.map((f) => f.path);
const documentAt = <T>(definition: ClusterDefinition, path: string) =>
  renderCluster('demo', definition).files.find((f) => f.path === path)!.documents[0] as T;

const settingsError = (run: () => unknown): ClusterSettingsError => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ClusterSettingsError);
    return error as ClusterSettingsError;
  }
  throw new Error('accepted');
};

describe('a cluster of apps', () => {
  it('renders each app as <folder>/ks.yaml plus <folder>/app/, listed by the entry point in the order given', () => {
    const definition = cluster([noteApp('team-a/notes', 'a'), noteApp('team-b/notes', 'b')]);
    expect(paths(definition)).toEqual([
      'kustomization.yaml',
      'cluster-settings.yaml',
      'team-a/notes/ks.yaml',
      'team-a/notes/app/kustomization.yaml',
      'team-a/notes/app/configmap.yaml',
      'team-b/notes/ks.yaml',
      'team-b/notes/app/kustomization.yaml',
      'team-b/notes/app/configmap.yaml',
    ]);
    expect(documentAt<{ resources: string[] }>(definition, 'kustomization.yaml').resources).toEqual([
      'cluster-settings.yaml',
      'team-a/notes/ks.yaml',
      'team-b/notes/ks.yaml',
    ]);
    expect(documentAt<{ resources: string[] }>(definition, 'team-a/notes/app/kustomization.yaml').resources).toEqual(['configmap.yaml']);
    expect(documentAt<Kustomization>(definition, 'team-a/notes/ks.yaml').spec?.path).toBe('./kubernetes/clusters/demo/team-a/notes/app');
  });

  it('adding an app leaves every other app`s files byte for byte as they were', () => {
    const before = renderCluster('demo', cluster([noteApp('team-a/notes', 'a')])).files;
    const after = renderCluster('demo', cluster([noteApp('team-a/notes', 'a'), noteApp('team-b/notes', 'b')])).files;
    for (const file of before.filter((f) => f.path.startsWith('team-a/'))) {
      expect(after.find((f) => f.path === file.path)).toEqual(file);
    }
  });

  it('collects every app`s variables in cluster-settings, sharing CLUSTER, and what they reference elsewhere', () => {
    const definition = cluster([noteApp('team-a/notes', 'a'), noteApp('team-b/notes', 'b')]);
    expect(documentAt<ConfigMap>(definition, 'cluster-settings.yaml').data).toEqual({ CLUSTER: 'demo', NOTE_TEAM_A: 'a', NOTE_TEAM_B: 'b' } as never);
  });

  it('lists the hand-written folder in the entry point only when asked', () => {
    const definition = cluster([noteApp('team-a/notes', 'a')]);
    expect(renderCluster('demo', definition, { handWritten: true }).files[0]!.documents[0]).toMatchObject({
      resources: ['cluster-settings.yaml', 'team-a/notes/ks.yaml', 'hand-written'],
    });
    expect(paths(definition)).not.toContain('hand-written');
  });

  it('reports what apps reference that other Kustomizations deploy', () => {
    expect(renderCluster('demo', cluster([noteApp('team-a/notes', 'a')])).external).toEqual({ kustomizations: ['sink'], namespaces: [] });
  });

  it('refuses two apps in one folder, a folder under hand-written/, and something that is not an app, all at once', () => {
    const error = settingsError(() =>
      renderCluster('demo', cluster([noteApp('team-a/notes', 'a'), noteApp('team-a/notes', 'b'), noteApp('hand-written/x', 'c'), {} as App])),
    );
    expect(error.issues.map((issue) => issue.path)).toEqual(['apps["team-a/notes"].folder', 'apps["hand-written/x"].folder', 'apps[3]']);
  });

  it('locates an app`s own issues under its folder, beside the cluster`s', () => {
    const failing = noteApp('team-a/notes', 'a', { check: () => [{ path: 'note', value: 1, expected: 'a string' }] });
    const error = settingsError(() => renderCluster('Demo', cluster([failing], { environment: 'Prod' })));
    expect(error.message).toBe(
      [
        'invalid settings for cluster "Demo" (clusters/Demo/cluster.ts):',
        '  name: got "Demo", expected a DNS-1123 label (lower-case letters, digits and \'-\', at most 63 characters, starting and ending with a letter or digit)',
        '  environment: got "Prod", expected a lower-case name such as production or staging',
        '  apps["team-a/notes"].note: got 1, expected a string',
      ].join('\n'),
    );
  });

  it.each([
    ['an API server range that is everything', { apiServer: { cidrs: ['::/0'], port: 6443 } }, 'apiServer.cidrs[0]', /control-plane node addresses/],
    ['a bad CIDR', { apiServer: { cidrs: ['10.0.0.300/32'], port: 6443 } }, 'apiServer.cidrs[0]', /CIDR/],
    ['an API server port of 0', { apiServer: { cidrs: ['192.0.2.1/32'], port: 0 } }, 'apiServer.port', /from 1 to 65535/],
    ['no apps list', { apps: undefined }, 'apps', /a list of apps/],
    ['an unknown setting', { extra: true }, 'extra', /unknown key; known here: name, environment, apiServer/],
  ])('reports %s with its field path', (_, changes, path, expected) => {
    const error = settingsError(() => renderCluster('demo', { ...cluster([]), ...(changes as object) } as ClusterDefinition));
    expect(error.issues.find((issue) => issue.path === path)?.expected).toMatch(expected);
  });

  it('refuses two apps defining one variable differently', () => {
    const clash = (value: string): App => ({ folder: `x/${value}`, render: ({ variables }) => ({ kustomization: { name: value }, files: [], external: {}, ...{ v: variables.share('CLUSTER', value) } }) });
    expect(() => renderCluster('demo', cluster([clash('a'), clash('b')]))).toThrow('Flux variable CLUSTER is defined as "a" and "b"');
  });
});
