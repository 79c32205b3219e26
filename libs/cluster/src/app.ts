import type { FluxKustomizationOptions } from '@gitops/flux-ks';
import type { ManifestFile } from '@gitops/manifest';
import type { FluxVariables } from './flux-variables';
import type { ApiServer } from './generated/cluster-settings';
import type { SettingsIssue } from './settings-issues';

/** What an app knows about the cluster it renders into. */
export interface AppContext {
  /** The cluster's name (its folder under clusters/ and kubernetes/clusters/). */
  readonly cluster: string;
  readonly environment: string;
  readonly apiServer: ApiServer;
  /**
   * The cluster-settings ConfigMap. An app defines the Flux variables its manifests reference
   * here (`share` for cluster-wide ones such as CLUSTER that other apps may use too).
   */
  readonly variables: FluxVariables;
}

/** Where an app's pods ship logs: validate checks the NetworkPolicy lets them reach it. */
export interface LogSinkEndpoint {
  namespace: string;
  podLabels: Readonly<Record<string, string>>;
  port: number;
  /** The sink answers 401 without credentials. */
  requiresCredentials?: boolean;
  /** The longest line the sink accepts; a longer one is dropped (answered 200). */
  maxLineBytes?: number;
}

/** Objects an app's manifests reference that are deployed elsewhere (validate accepts them). */
export interface ExternalReferences {
  /** Flux Kustomizations in flux-system that `dependsOn` may name. */
  kustomizations?: readonly string[];
  /** Namespaces another Kustomization creates and labels. */
  namespaces?: readonly string[];
}

/** What an app renders: home-ops' `<folder>/ks.yaml` plus `<folder>/app/`. */
export interface AppManifests {
  /** The app's Flux Kustomization; its `path` is filled in: the app's own `app/` folder. */
  kustomization: Omit<FluxKustomizationOptions, 'path'>;
  /** The files of `app/`, relative to it. `app/kustomization.yaml` is generated to list them. */
  files: ManifestFile[];
  external?: ExternalReferences;
  logSink?: LogSinkEndpoint;
}

/**
 * A unit of a cluster, the way home-ops repositories lay out `apps/<namespace>/<app>`. An app
 * owns its folder; adding one touches no other app and no cluster-library code.
 */
export interface App {
  /** `<group>/<app>` under the cluster's rendered folder, e.g. `observability/fluent-bit`. */
  readonly folder: string;
  /** Problems with the app's options (paths relative to them); checked before anything renders. */
  check?(): SettingsIssue[];
  render(context: AppContext): AppManifests;
}
