import type { ConfigMap } from '@gitops/api-types';
import { FLUX_NAMESPACE, fluxKustomization, kustomizeConfig } from '@gitops/flux-ks';
import type { ManifestFile } from '@gitops/manifest';
import type { App, AppContext, AppManifests, LogSinkEndpoint } from './app';
import { FluxVariables } from './flux-variables';
import type { ApiServer, ClusterSettings } from './generated/cluster-settings';
import { CLUSTER_SETTINGS, clusterDefinitionPath, fluxPath, HAND_WRITTEN_DIR } from './layout';
import { appIssues, clusterSettingsIssues } from './settings';
import { ClusterSettingsError } from './settings-issues';

/** What `clusters/<name>/cluster.ts` default-exports: the cluster's settings and its apps. */
export interface ClusterDefinition extends Omit<ClusterSettings, 'name'> {
  apps: readonly App[];
}

/** Types a cluster definition; the cluster's name is its folder's. */
export const defineCluster = (definition: ClusterDefinition): ClusterDefinition => definition;

export interface RenderOptions {
  /** The cluster's hand-written folder has a kustomization.yaml: the entry point applies it. */
  handWritten?: boolean;
}

/** A cluster's files, and what validate needs to know that the files alone do not say. */
export interface RenderedCluster {
  /** Every file, relative to the cluster's folder under kubernetes/clusters. */
  files: ManifestFile[];
  /** Flux Kustomizations and Namespaces the apps reference that are deployed elsewhere. */
  external: { kustomizations: string[]; namespaces: string[] };
  apiServer: ApiServer;
  /** Where the log collector ships, when the cluster has one. */
  logSink?: LogSinkEndpoint;
}

/**
 * Renders a cluster. The root kustomization.yaml is what the cluster's Flux entry point applies:
 * the settings, each app's Flux Kustomization (each applying its app/ folder) and, when it has a
 * kustomization.yaml, the hand-written folder. Settings are checked first, every issue at once.
 */
export function renderCluster(name: string, definition: ClusterDefinition, options: RenderOptions = {}): RenderedCluster {
  const settings = checkedSettings(name, definition);
  const variables = new FluxVariables();
  const context: AppContext = { cluster: name, environment: settings.environment, apiServer: settings.apiServer, variables };
  const appFiles: ManifestFile[] = [];
  const external = { kustomizations: new Set<string>(), namespaces: new Set<string>() };
  let logSink: LogSinkEndpoint | undefined;
  for (const app of definition.apps) {
    const manifests = app.render(context);
    appFiles.push(...appFolder(name, app.folder, manifests.kustomization, manifests.files));
    manifests.external?.kustomizations?.forEach((k) => external.kustomizations.add(k));
    manifests.external?.namespaces?.forEach((n) => external.namespaces.add(n));
    logSink ??= manifests.logSink;
  }
  const settingsFile: ManifestFile = { path: `${CLUSTER_SETTINGS}.yaml`, documents: [clusterSettings(variables)] };
  const entryPoints = [
    settingsFile.path,
    ...appFiles.map((file) => file.path).filter((path) => path.endsWith('/ks.yaml')),
    ...(options.handWritten ? [HAND_WRITTEN_DIR] : []),
  ];
  return {
    files: [{ path: 'kustomization.yaml', documents: [kustomizeConfig(entryPoints)] }, settingsFile, ...appFiles],
    external: { kustomizations: [...external.kustomizations].sort(), namespaces: [...external.namespaces].sort() },
    apiServer: settings.apiServer,
    ...(logSink && { logSink }),
  };
}

function checkedSettings(name: string, definition: ClusterDefinition): ClusterSettings {
  const { apps, ...own } = (definition ?? {}) as Partial<ClusterDefinition>;
  const settings = { name, ...own };
  const issues = [...clusterSettingsIssues(settings), ...appIssues(apps)];
  if (issues.length > 0) throw new ClusterSettingsError(`${JSON.stringify(name)} (${clusterDefinitionPath(name)})`, issues);
  return settings as ClusterSettings;
}

/** `<folder>/ks.yaml`, and `<folder>/app/` with a kustomization.yaml listing the app's files. */
function appFolder(cluster: string, folder: string, kustomization: AppManifests['kustomization'], files: readonly ManifestFile[]): ManifestFile[] {
  return [
    { path: `${folder}/ks.yaml`, documents: [fluxKustomization({ ...kustomization, path: fluxPath(cluster, `${folder}/app`) })] },
    { path: `${folder}/app/kustomization.yaml`, documents: [kustomizeConfig(files.map((file) => file.path))] },
    ...files.map((file) => ({ ...file, path: `${folder}/app/${file.path}` })),
  ];
}

/** The variables Flux substitutes into this cluster's manifests (postBuild.substituteFrom). */
function clusterSettings(variables: FluxVariables): ConfigMap {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: CLUSTER_SETTINGS, namespace: FLUX_NAMESPACE },
    data: variables.entries(),
  };
}
