/** Typed values for the fluent-bit Helm chart and the Fluent Bit pipeline inside them. */
export type * from './pipeline/model';
export { toClassicConfig, type ClassicConfig } from './pipeline/classic';
export { toYamlConfig, yamlString } from './pipeline/yaml';
export type { FluentBitChartValues } from './generated/chart-values';
export * from './paths';
export { containerLogInput, criLogParser, kubernetesMetadataFilter, liftKubernetesMetadata, CONTAINER_LOG_TAG, type ContainerRef } from './container-logs';
export { auditLogInput, auditEventParser, AUDIT_LOG_TAG } from './audit-logs';
export { recordFields } from './record-fields';
export { victoriaLogsOutput, type VictoriaLogsOutputOptions, type VictoriaLogsTenant } from './victoria-logs';
export { serviceSection, memoryForChunks, METRICS_PORT, type ServiceOptions } from './service';
export { logShippingPipeline, type LogShippingOptions, type LogStreamOptions } from './log-shipping';
export {
  fluentBitChartValues,
  CONTROL_PLANE_NODES,
  EVERY_NODE,
  FLUENT_BIT_DEBUG_IMAGE,
  type FluentBitChartOptions,
  type HostPathSource,
  type NodePlacement,
} from './chart-values';
export {
  fluentBitYamlChartValues,
  YAML_CONFIG_ARGS,
  YAML_CONFIG_FILE,
  type FluentBitYamlChartValues,
} from './yaml-chart-values';
export { fluentBitEnv } from './environment';
