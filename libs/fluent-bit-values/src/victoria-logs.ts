import type { HttpOutput, Size } from './pipeline/model';

export interface VictoriaLogsTenant {
  /** VictoriaLogs `AccountID` header (uint32). */
  accountId: string;
  /** VictoriaLogs `ProjectID` header (uint32). */
  projectId: string;
}

export interface VictoriaLogsOutputOptions {
  match: string;
  host: string;
  port: string | number;
  /** The ingestion path, `/insert/jsonline`. */
  path: string;
  tenant: VictoriaLogsTenant;
  /** Record keys tried in order for VictoriaLogs' `_msg`. */
  messageFields: readonly string[];
  /** Low-cardinality keys that identify a log stream. */
  streamFields: readonly string[];
  /** On-disk queue for this output while the sink is down; the oldest chunk is dropped when full. */
  queueLimit: Size;
  /** Basic-auth for vmauth, as references to Fluent Bit's environment (never inline secrets). */
  credentials?: { user: string; password: string };
}

/**
 * VictoriaLogs' JSON-lines ingestion (https://docs.victoriametrics.com/victorialogs/data-ingestion/fluentbit/).
 * `json_lines`: `/insert/jsonline` rejects the `json` format's single array with 400, and
 * Fluent Bit drops a 4xx chunk without retrying.
 */
export function victoriaLogsOutput(options: VictoriaLogsOutputOptions): HttpOutput {
  const query = `_msg_field=${options.messageFields.join(',')}&_stream_fields=${options.streamFields.join(',')}`;
  return {
    name: 'http',
    match: options.match,
    host: options.host,
    port: options.port,
    uri: `${options.path}?${query}`,
    format: 'json_lines',
    // `_time` is VictoriaLogs' default time field.
    json_date_key: '_time',
    json_date_format: 'iso8601',
    compress: 'gzip',
    // Tenancy on /insert/jsonline is AccountID/ProjectID; X-Scope-OrgID is read only by the Loki API.
    header: { AccountID: options.tenant.accountId, ProjectID: options.tenant.projectId },
    ...(options.credentials && {
      http_user: options.credentials.user,
      http_passwd: options.credentials.password,
    }),
    // Never give up on a chunk: with `Retry_Limit 3` everything was dropped after ~35 s of outage.
    retry_limit: 'no_limits',
    // At info, out_http logs a line per successful request (http.c, `HTTP status=200`); Fluent Bit
    // tails its own pod's log, so each node would ship its own chatter forever. Errors and
    // warnings (4xx, 5xx, retries) still log, and ship.
    log_level: 'warn',
    'storage.total_limit_size': options.queueLimit,
  };
}
