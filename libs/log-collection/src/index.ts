/** The log-collection app: Fluent Bit on every node shipping logs to VictoriaLogs through vmauth. */
export { logCollection, FLUENT_BIT_CHART } from './log-collection';
export { operatorVMAuth, victoriaLogsClusterVMAuth, VICTORIA_LOGS_MAX_LINE_BYTES, type VMAuthSink } from './sinks';
export { fluentBitAlerts, FLUENT_BIT_ALERTS, type FluentBitAlertsOptions } from './alerts';
export type { LogCollectionSettings } from './generated/log-collection-settings';
export { CHUNKS_IN_MEMORY, MIN_MEMORY_LIMIT } from './settings';
export { queueLimitFor, ENRICHED_RECORD_BYTES, AUDIT_EVENT_BYTES } from './sizing';
