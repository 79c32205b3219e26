import type { ConfigMap } from '@gitops/api-types';
import { FLUX_NAMESPACE, kustomizeConfig } from '@gitops/flux-ks';
import type { ManifestFile } from '@gitops/manifest';
import { chartSources } from './chart-sources';
import { FluxVariables } from './flux-variables';
import { CLUSTER_SETTINGS } from './layout';
import { logCollection } from './log-collection';
import { validateClusterSettings, type ClusterSettings } from './settings';

/** A cluster as its Nx project declares it: settings, checked when rendered. */
export interface ClusterDefinition {
  /** The project's settings file, named in errors. */
  source: string;
  settings: ClusterSettings;
}

export const defineCluster = (source: string, settings: ClusterSettings): ClusterDefinition => ({ source, settings });

/**
 * Every file of a cluster, relative to its folder under kubernetes/clusters. The root
 * kustomization.yaml is what the cluster's Flux entry point applies: the settings and the
 * Flux Kustomizations, each of which applies one app folder.
 */
export function renderCluster(definition: ClusterDefinition): ManifestFile[] {
  const settings = validateClusterSettings(definition.settings, definition.source);
  const variables = new FluxVariables();
  const workloads = [...chartSources(settings.name), ...logCollection(settings, variables)];
  const settingsFile: ManifestFile = { path: `${CLUSTER_SETTINGS}.yaml`, documents: [clusterSettings(variables)] };
  const entryPoints = [settingsFile, ...workloads].map((file) => file.path).filter(isEntryPoint);
  return [
    { path: 'kustomization.yaml', documents: [kustomizeConfig(entryPoints)] },
    settingsFile,
    ...workloads,
  ];
}

const isEntryPoint = (path: string): boolean => path === `${CLUSTER_SETTINGS}.yaml` || path.endsWith('/ks.yaml');

/** The variables Flux substitutes into this cluster's manifests (postBuild.substituteFrom). */
function clusterSettings(variables: FluxVariables): ConfigMap {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: CLUSTER_SETTINGS, namespace: FLUX_NAMESPACE },
    data: variables.entries(),
  };
}
