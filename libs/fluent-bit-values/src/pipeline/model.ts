/**
 * A typed model of a Fluent Bit pipeline, independent of how it is written out.
 * Property names are Fluent Bit's own, in the lower-case form of its YAML configuration format
 * (classic mode matches them case-insensitively), so a YAML serialiser can reuse the model as is.
 *
 * Value shapes: a scalar is one property line; a `readonly string[]` is the same property repeated
 * (e.g. `parsers_file`); a `Readonly<Record<string, string>>` is one `key name value` line per
 * entry (e.g. http `header`, modify `set`).
 */

/** A size as Fluent Bit reads it: bytes, or a number with k/K, m/M or g/G. */
export type Size = `${number}${'' | 'k' | 'K' | 'm' | 'M' | 'g' | 'G'}`;

export type PropertyValue = string | number | boolean | readonly string[] | Readonly<Record<string, string>>;

export interface Service {
  flush: number;
  grace?: number;
  daemon?: boolean;
  log_level?: 'off' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
  parsers_file?: readonly string[];
  http_server?: boolean;
  http_listen?: string;
  http_port?: number;
  health_check?: boolean;
  'scheduler.base'?: number;
  'scheduler.cap'?: number;
  'storage.path'?: string;
  'storage.sync'?: 'normal' | 'full';
  'storage.checksum'?: boolean;
  'storage.max_chunks_up'?: number;
  'storage.backlog.mem_limit'?: Size;
  'storage.delete_irrecoverable_chunks'?: boolean;
  'json.escape_unicode'?: boolean;
}

interface CommonInput {
  tag: string;
  'storage.type'?: 'memory' | 'filesystem';
  mem_buf_limit?: Size;
}

export interface TailInput extends CommonInput {
  name: 'tail';
  path: string;
  /** Comma-separated globs of files the `path` glob finds but not to read. */
  exclude_path?: string;
  /** Comma-separated built-in multiline parsers, e.g. `docker, cri`. */
  'multiline.parser'?: string;
  parser?: string;
  db?: string;
  'db.sync'?: 'extra' | 'full' | 'normal' | 'off';
  'db.locking'?: boolean;
  buffer_chunk_size?: Size;
  buffer_max_size?: Size;
  skip_long_lines?: boolean;
  refresh_interval?: number;
  rotate_wait?: number;
  read_from_head?: boolean;
}

export type Input = TailInput;

interface CommonFilter {
  match: string;
}

export interface KubernetesFilter extends CommonFilter {
  name: 'kubernetes';
  kube_url?: string;
  kube_ca_file?: string;
  kube_token_file?: string;
  kube_tag_prefix?: string;
  merge_log?: boolean;
  keep_log?: boolean;
  'k8s-logging.parser'?: boolean;
  'k8s-logging.exclude'?: boolean;
  labels?: boolean;
  annotations?: boolean;
  buffer_size?: Size | 0;
}

export interface ModifyFilter extends CommonFilter {
  name: 'modify';
  /** Adds the key only when the record does not have it. */
  add?: Readonly<Record<string, string>>;
  /** Sets the key, overwriting a value the record already has. */
  set?: Readonly<Record<string, string>>;
}

export interface NestFilter extends CommonFilter {
  name: 'nest';
  operation: 'nest' | 'lift';
  nested_under?: string;
  add_prefix?: string;
  nest_under?: string;
  wildcard?: string;
}

export type Filter = KubernetesFilter | ModifyFilter | NestFilter;

interface CommonOutput {
  match: string;
  /** The output's own log level; unset, it inherits [SERVICE] log_level (flb_output.c). */
  log_level?: 'off' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
  /** A number of retries, or `no_limits`. */
  retry_limit?: number | 'no_limits' | 'no_retries';
  'storage.total_limit_size'?: Size;
  workers?: number;
}

export interface HttpOutput extends CommonOutput {
  name: 'http';
  host: string;
  port: string | number;
  uri: string;
  format: 'json' | 'json_lines' | 'json_stream' | 'gelf' | 'msgpack';
  json_date_key?: string;
  json_date_format?: 'double' | 'epoch' | 'epoch_ms' | 'iso8601' | 'java_sql_timestamp';
  compress?: 'gzip' | 'snappy' | 'zstd';
  header?: Readonly<Record<string, string>>;
  http_user?: string;
  http_passwd?: string;
  tls?: boolean;
  'tls.verify'?: boolean;
}

export type Output = HttpOutput;

export interface Parser {
  name: string;
  format: 'json' | 'regex' | 'ltsv' | 'logfmt';
  regex?: string;
  time_key?: string;
  time_format?: string;
  time_keep?: boolean;
}

export interface Pipeline {
  service: Service;
  /** Parsers of our own; names must not repeat those the image already ships. */
  parsers: readonly Parser[];
  inputs: readonly Input[];
  filters: readonly Filter[];
  outputs: readonly Output[];
}
