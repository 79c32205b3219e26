/** A cluster: its settings, its apps, and the composition of its files. */
export { defineCluster, renderCluster, type ClusterDefinition, type RenderedCluster, type RenderOptions } from './cluster';
export type { App, AppContext, AppManifests, ExternalReferences, LogSinkEndpoint } from './app';
export { ClusterSettingsError, issuesUnder, schemaIssues, type SettingsIssue } from './settings-issues';
export type { ClusterSettings } from './settings';
export type { ApiServer } from './generated/cluster-settings';
export * from './layout';
export { FluxVariables } from './flux-variables';
