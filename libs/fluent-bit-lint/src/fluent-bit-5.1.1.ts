/**
 * Fluent Bit 5.1.1 property tables, read from fluent/fluent-bit at tag v5.1.1
 * (commit 6315162a8d4b1ef42b038834e639697f8cb44912).
 *
 * Keys are lower-case; Fluent Bit compares property names case-insensitively
 * (src/flb_config_map.c flb_config_map_properties_check, prop_key_check in src/flb_*.c).
 * Each list names its source. Plugin lists are the plugin's own `config_map[]`; the
 * instance-wide keys every INPUT/FILTER/OUTPUT accepts are listed separately below.
 * Private plugins (FLB_*_PRIVATE: emitter, storage_backlog, stream_processor,
 * calyptia_fleet, out calyptia) cannot be instantiated from a config file and are left out.
 * Processors are not listed: classic mode cannot configure them.
 */

export interface PluginSpec {
  /** Keys of the plugin's config map; `null` when the plugin registers none (any key is accepted). */
  readonly keys: readonly string[] | null;
  /** FLB_CONFIG_MAP_STR_PREFIX entries: any longer key starting with the prefix is accepted. */
  readonly prefixes?: readonly string[];
  /** FLB_CONFIG_MAP_DEPRECATED entries (accepted with a warning). */
  readonly deprecated?: readonly string[];
  /** FLB_INPUT_HTTP_SERVER / FLB_OUTPUT_HTTP_SERVER: also accepts the HTTP server keys. */
  readonly httpServer?: true;
  /** FLB_INPUT_NET_SERVER: `net.*` keys are checked against the downstream map, else the upstream map. */
  readonly netServer?: true;
  /** Why the plugin is missing from the official Linux image (dockerfiles/Dockerfile build). */
  readonly notInImage?: string;
}

/** [SERVICE] keys: src/flb_config.c service_configs[] (names from include/fluent-bit/flb_config.h). Unknown keys are ignored silently by Fluent Bit. */
export const SERVICE_KEYS: readonly string[] = [
  'flush', 'flush.adaptive', 'flush.adaptive.min_interval', 'flush.adaptive.max_interval',
  'flush.adaptive.low_pressure', 'flush.adaptive.medium_pressure', 'flush.adaptive.high_pressure',
  'flush.adaptive.up_steps', 'flush.adaptive.down_steps', 'grace', 'json.convert_nan_to_null',
  'security.fips_mode', 'daemon', 'log_file', 'parsers_file', 'plugins_file', 'log_level',
  'http_server', 'http_listen', 'http_port', 'health_check', 'hc_errors_count',
  'hc_retry_failure_count', 'hc_period', 'dns.mode', 'dns.resolver', 'dns.prefer_ipv4',
  'dns.prefer_ipv6', 'storage.path', 'storage.sync', 'storage.metrics', 'storage.checksum',
  'storage.backlog.mem_limit', 'storage.backlog.flush_on_shutdown', 'storage.max_chunks_up',
  'storage.delete_irrecoverable_chunks', 'storage.trim_files', 'storage.type', 'storage.inherit',
  'storage.keep.rejected', 'storage.rejected.path', 'storage.rejected.limit', 'coro_stack_size',
  'multiline_buffer_limit', 'scheduler.cap', 'scheduler.base', 'json.escape_unicode',
  'streams_file', 'sp.convert_from_str_to_num', 'enable_chunk_trace', 'windows.maxstdio',
  'hot_reload', 'hot_reload.ensure_thread_safety', 'hot_reload.timeout',
];

/**
 * Keys every [INPUT] accepts: src/flb_input.c input_global_properties[] plus the keys handled
 * directly by flb_input_set_property() (listen/host/port/ipv6, tls, tls.*).
 * `net.*` and `oauth2.*` keys are checked against their own maps (below).
 */
export const INPUT_GENERIC_KEYS: readonly string[] = [
  'tag', 'log_level', 'log_suppress_interval', 'routable', 'alias', 'mem_buf_limit',
  'storage.type', 'storage.pause_on_chunks_overlimit', 'threaded', 'thread.ring_buffer.capacity',
  'thread.ring_buffer.window', 'rate_window', 'rate_gate', 'rate_gate.max_bytes',
  'rate_gate.max_records', 'rate_gate.backpressure', 'rate_gate.resume_ratio', 'host', 'ipv6',
  'listen', 'port', 'tls', 'tls.ca_file', 'tls.ca_path', 'tls.ciphers', 'tls.crt_file',
  'tls.debug', 'tls.key_file', 'tls.key_passwd', 'tls.max_version', 'tls.min_version',
  'tls.verify', 'tls.verify_client_cert', 'tls.verify_hostname', 'tls.vhost',
];

/** Keys every [FILTER] accepts: src/flb_filter.c filter_global_properties[] and flb_filter_set_property(). */
export const FILTER_GENERIC_KEYS: readonly string[] = [
  'match', 'match_regex', 'alias', 'log_level', 'log_suppress_interval',
];

/**
 * Keys every [OUTPUT] accepts: src/flb_output.c output_global_properties[] plus the keys handled
 * directly by flb_output_set_property() (host, port, ipv6, tls.*, storage.total_limit_size, workers).
 */
export const OUTPUT_GENERIC_KEYS: readonly string[] = [
  'match', 'match_regex', 'alias', 'log_level', 'log_suppress_interval', 'retry_limit',
  'tls.windows.certstore_name', 'tls.windows.use_enterprise_store',
  'tls.windows.client_thumbprints', 'host', 'ipv6', 'port', 'storage.total_limit_size', 'tls',
  'tls.ca_file', 'tls.ca_path', 'tls.ciphers', 'tls.crt_file', 'tls.debug', 'tls.key_file',
  'tls.key_passwd', 'tls.max_version', 'tls.min_version', 'tls.proxy.ca_file', 'tls.proxy.ca_path',
  'tls.proxy.verify', 'tls.proxy.verify_hostname', 'tls.verify', 'tls.verify_hostname',
  'tls.vhost', 'workers',
];

/** Keys accepted by every section but never passed to a plugin: `name` and `routes` (src/flb_config.c configure_plugins_type), `active` and `condition` (src/flb_config_map.c). */
export const SECTION_SPECIAL_KEYS: readonly string[] = ['name', 'routes', 'active', 'condition'];

/** TLS keys: src/tls/flb_tls.c tls_configmap[]. */
export const TLS_KEYS: readonly string[] = [
  'tls', 'tls.verify', 'tls.verify_client_cert', 'tls.debug', 'tls.ca_file', 'tls.ca_path',
  'tls.crt_file', 'tls.key_file', 'tls.key_passwd', 'tls.vhost', 'tls.verify_hostname',
  'tls.min_version', 'tls.max_version', 'tls.ciphers', 'tls.proxy.ca_file', 'tls.proxy.ca_path',
  'tls.proxy.verify', 'tls.proxy.verify_hostname',
];

/** `net.*` keys of clients (outputs, FLB_INPUT_NET inputs): src/flb_upstream.c upstream_net[]. */
export const UPSTREAM_NET_KEYS: readonly string[] = [
  'net.dns.mode', 'net.dns.resolver', 'net.dns.prefer_ipv4', 'net.dns.prefer_ipv6',
  'net.keepalive', 'net.keepalive_idle_timeout', 'net.tcp_keepalive', 'net.tcp_keepalive_time',
  'net.tcp_keepalive_interval', 'net.tcp_keepalive_probes', 'net.io_timeout',
  'net.connect_timeout', 'net.connect_timeout_log_error', 'net.source_address',
  'net.keepalive_max_recycle', 'net.max_worker_connections', 'net.proxy_env_ignore',
];

/** `net.*` keys of servers (FLB_INPUT_NET_SERVER inputs): src/flb_downstream.c downstream_net[]. */
export const DOWNSTREAM_NET_KEYS: readonly string[] = [
  'net.share_port', 'net.backlog', 'net.io_timeout', 'net.accept_timeout',
  'net.accept_timeout_log_error', 'net.keepalive',
];

/** `oauth2.*` keys of outputs: src/flb_oauth2.c oauth2_config_map[]. */
export const OUTPUT_OAUTH2_KEYS: readonly string[] = [
  'oauth2.enable', 'oauth2.token_url', 'oauth2.client_id', 'oauth2.client_secret',
  'oauth2.user_agent', 'oauth2.scope', 'oauth2.audience', 'oauth2.resource', 'oauth2.auth_method',
  'oauth2.jwt_key_file', 'oauth2.jwt_cert_file', 'oauth2.jwt_aud', 'oauth2.jwt_header',
  'oauth2.jwt_ttl_seconds', 'oauth2.refresh_skew_seconds', 'oauth2.timeout',
  'oauth2.connect_timeout',
];

/** `oauth2.*` keys of inputs: src/flb_oauth2_jwt.c oauth2_jwt_config_map[]. */
export const INPUT_OAUTH2_KEYS: readonly string[] = [
  'oauth2.validate', 'oauth2.issuer', 'oauth2.jwks_url', 'oauth2.allowed_audience',
  'oauth2.allowed_clients', 'oauth2.jwks_refresh_interval',
];

/** HTTP server keys of httpServer plugins: src/http_server/flb_http_server_config_map.c flb_http_server_config_map[]. */
export const HTTP_SERVER_KEYS: readonly string[] = [
  'http_server.http2', 'http_server.idle_timeout', 'http_server.buffer_max_size',
  'http_server.buffer_chunk_size', 'http_server.max_connections', 'http_server.workers',
  'http_server.ingress_queue_event_limit', 'http_server.ingress_queue_byte_limit', 'http2',
  'buffer_max_size', 'buffer_chunk_size', 'max_connections', 'workers',
];

/**
 * [PARSER] keys: src/flb_parser.c flb_parser_load_parser_definitions() (get_parser_key calls)
 * and src/flb_parser_decoder.c flb_parser_decoder_list_create() (decode_field, decode_field_as).
 * Fluent Bit ignores other keys silently.
 */
export const PARSER_KEYS: readonly string[] = [
  'name', 'format', 'regex', 'skip_empty_values', 'time_format', 'time_key', 'time_keep',
  'time_strict', 'time_system_timezone', 'time_offset', 'time_zone', 'logfmt_no_bare_keys',
  'types', 'decode_field', 'decode_field_as',
];

/** [MULTILINE_PARSER] keys: src/flb_parser.c flb_parser_load_multiline_parser_definitions() and its `rule` lines. */
export const MULTILINE_PARSER_KEYS: readonly string[] = [
  'name', 'type', 'match_string', 'negate', 'key_content', 'key_pattern', 'key_group', 'parser',
  'flush_timeout', 'rule',
];

/** [UPSTREAM] keys: src/flb_upstream_ha.c flb_upstream_ha_from_file(). */
export const UPSTREAM_KEYS: readonly string[] = ['name'];

/**
 * [NODE] keys read by src/flb_upstream_ha.c create_node() (its known_keys[]); any other key is kept
 * as a node property for the plugin (e.g. out_forward's shared_key), so NODE keys are not rejected.
 */
export const NODE_KEYS: readonly string[] = [
  'name', 'host', 'port', 'tls', 'tls.vhost', 'tls.verify', 'tls.debug', 'tls.ca_path',
  'tls.ca_file', 'tls.crt_file', 'tls.key_file', 'tls.key_passwd', 'tls.verify_hostname',
];

/** Built-in multiline parsers: src/multiline/flb_ml_parser.c flb_ml_parser_builtin_create(). */
export const BUILTIN_MULTILINE_PARSERS: readonly string[] = ['docker', 'cri', 'java', 'go', 'ruby', 'python'];

/** Output plugin aliases: src/flb_plugin_alias.c plugin_aliases[]. */
export const OUTPUT_ALIASES: Readonly<Record<string, string>> = { elasticsearch: 'es' };

/** Files the image copies to /fluent-bit/etc/ (dockerfiles/Dockerfile, 'Configuration files'). */
export const IMAGE_ETC_FILES: readonly string[] = [
  'fluent-bit.conf', 'parsers.conf', 'parsers_ambassador.conf', 'parsers_java.conf',
  'parsers_extra.conf', 'parsers_openstack.conf', 'parsers_cinder.conf', 'plugins.conf',
];

/** [INPUT] plugins (plugins/in_*). */
export const INPUT_PLUGINS: Readonly<Record<string, PluginSpec>> = {
  // plugins/in_blob/blob.c config_map[]
  blob: {
    keys: [
      'path', 'exclude_pattern', 'database_file', 'scan_refresh_interval', 'upload_success_action',
      'upload_success_suffix', 'upload_success_message', 'upload_failure_action',
      'upload_failure_suffix', 'upload_failure_message',
    ],
  },
  // plugins/in_collectd/in_collectd.c config_map[]
  collectd: {
    keys: [
      'typesdb',
    ],
    netServer: true,
  },
  // plugins/in_cpu/cpu.c config_map[]
  cpu: {
    keys: [
      'pid', 'interval_sec', 'interval_nsec',
    ],
  },
  // plugins/in_disk/in_disk.c config_map[]
  disk: {
    keys: [
      'interval_sec', 'interval_nsec', 'dev_name',
    ],
  },
  // plugins/in_docker/docker.c config_map[]
  docker: {
    keys: [
      'interval_sec', 'interval_nsec', 'include', 'exclude', 'path.sysfs', 'path.containers',
    ],
  },
  // plugins/in_docker_events/docker_events.c config_map[]
  docker_events: {
    keys: [
      'unix_path', 'buffer_size', 'parser', 'key', 'reconnect.retry_limits',
      'reconnect.retry_interval',
    ],
  },
  // plugins/in_dummy/in_dummy.c config_map[]
  dummy: {
    keys: [
      'samples', 'dummy', 'metadata', 'rate', 'interval_sec', 'interval_nsec', 'copies',
      'start_time_sec', 'start_time_nsec', 'fixed_timestamp', 'flush_on_startup',
      'test_hang_on_exit',
    ],
  },
  // plugins/in_ebpf/in_ebpf.c config_map[]
  ebpf: {
    keys: [
      'ringbuf_map_name', 'poll_ms', 'trace',
    ],
    notInImage: 'off by default (cmake/plugins_options.cmake)',
  },
  // plugins/in_elasticsearch/in_elasticsearch.c config_map[]
  elasticsearch: {
    keys: [
      'tag_key', 'meta_key', 'hostname', 'version',
    ],
    httpServer: true,
    netServer: true,
  },
  // plugins/in_event_test/event_test.c config_map[]
  event_test: {
    keys: [

    ],
    notInImage: 'off by default (cmake/plugins_options.cmake)',
  },
  // plugins/in_etw/etw.c config_map[]
  event_tracing_windows: {
    keys: [
      'provider_guid', 'provider_name', 'session_name', 'session_type', 'stale_session_action',
      'level', 'match_any_keyword', 'match_all_keyword', 'kernel_flags', 'buffer_size',
      'minimum_buffers', 'maximum_buffers', 'flush_timer',
    ],
    notInImage: 'Windows only (plugins/CMakeLists.txt)',
  },
  // plugins/in_event_type/event_type.c config_map[]
  event_type: {
    keys: [
      'type', 'interval_sec', 'interval_nsec',
    ],
  },
  // plugins/in_exec/in_exec.c config_map[]
  exec: {
    keys: [
      'command', 'parser', 'interval_sec', 'interval_nsec', 'buf_size', 'oneshot',
      'exit_after_oneshot', 'propagate_exit_code',
    ],
    notInImage: 'disabled by -DFLB_IN_EXEC=Off (dockerfiles/Dockerfile)',
  },
  // plugins/in_exec_wasi/in_exec_wasi.c config_map[]
  exec_wasi: {
    keys: [
      'wasi_path', 'accessible_paths', 'parser', 'interval_sec', 'interval_nsec', 'buf_size',
      'oneshot', 'wasm_heap_size', 'wasm_stack_size',
    ],
  },
  // plugins/in_fluentbit_logs/fluentbit_logs.c (registers no config map: Fluent Bit accepts any key)
  fluentbit_logs: {
    keys: null,
  },
  // plugins/in_fluentbit_metrics/metrics.c config_map[]
  fluentbit_metrics: {
    keys: [
      'scrape_interval', 'scrape_on_start',
    ],
  },
  // plugins/in_forward/fw.c config_map[]
  forward: {
    keys: [
      'tag_prefix', 'shared_key', 'self_hostname', 'security.users', 'unix_path', 'unix_perm',
      'buffer_chunk_size', 'buffer_max_size', 'empty_shared_key', 'workers',
    ],
    netServer: true,
  },
  // plugins/in_gpu_metrics/gpu_metrics.c config_map[]
  gpu_metrics: {
    keys: [
      'cards_exclude', 'cards_include', 'enable_power', 'enable_temperature', 'enable_nvml',
      'path_sysfs', 'scrape_interval',
    ],
  },
  // plugins/in_head/in_head.c config_map[]
  head: {
    keys: [
      'file', 'key', 'buf_size', 'split_line', 'lines', 'add_path', 'interval_sec',
      'interval_nsec',
    ],
  },
  // plugins/in_health/health.c config_map[]
  health: {
    keys: [
      'alert', 'add_host', 'add_port', 'interval_sec', 'interval_nsec',
    ],
  },
  // plugins/in_http/http.c config_map[]
  http: {
    keys: [
      'add_remote_addr', 'remote_addr_key', 'success_header', 'tag_key',
      'successful_response_code', 'enable_health_endpoint',
    ],
    httpServer: true,
    netServer: true,
  },
  // plugins/in_kafka/in_kafka.c config_map[]
  kafka: {
    keys: [
      'poll_ms', 'topics', 'format', 'brokers', 'client_id', 'group_id', 'buffer_max_size',
      'poll_timeout_ms', 'enable_auto_commit', 'aws_msk_iam_cluster_arn', 'aws_msk_iam',
    ],
    prefixes: ['rdkafka.'],
  },
  // plugins/in_kmsg/in_kmsg.c config_map[]
  kmsg: {
    keys: [
      'prio_level',
    ],
  },
  // plugins/in_kubernetes_events/kubernetes_events.c config_map[]
  kubernetes_events: {
    keys: [
      'kube_url', 'interval_sec', 'interval_nsec', 'kube_watch_timeout', 'tls.debug', 'tls.verify',
      'tls.vhost', 'kube_ca_file', 'kube_ca_path', 'kube_token_file', 'kube_token_ttl',
      'kube_request_limit', 'kube_retention_time', 'kube_namespace', 'db', 'db.sync', 'db.locking',
      'db.journal_mode',
    ],
  },
  // plugins/in_lib/in_lib.c (registers no config map: Fluent Bit accepts any key)
  lib: {
    keys: null,
  },
  // plugins/in_mem/mem.c config_map[]
  mem: {
    keys: [
      'interval_sec', 'interval_nsec', 'pid',
    ],
  },
  // plugins/in_mqtt/mqtt.c config_map[]
  mqtt: {
    keys: [
      'payload_key', 'buffer_size',
    ],
    netServer: true,
  },
  // plugins/in_netif/in_netif.c config_map[]
  netif: {
    keys: [
      'interface', 'interval_sec', 'interval_nsec', 'verbose', 'test_at_init',
    ],
  },
  // plugins/in_nginx_exporter_metrics/nginx.c config_map[]
  nginx_metrics: {
    keys: [
      'status_url', 'scrape_interval', 'nginx_plus',
    ],
  },
  // plugins/in_node_exporter_metrics/ne.c config_map[]
  node_exporter_metrics: {
    keys: [
      'scrape_interval', 'collector.cpu.scrape_interval', 'collector.cpufreq.scrape_interval',
      'collector.meminfo.scrape_interval', 'collector.diskstats.scrape_interval',
      'collector.filesystem.scrape_interval', 'collector.uname.scrape_interval',
      'collector.stat.scrape_interval', 'collector.time.scrape_interval',
      'collector.timex.scrape_interval', 'collector.loadavg.scrape_interval',
      'collector.vmstat.scrape_interval', 'collector.netdev.scrape_interval',
      'collector.netstat.scrape_interval', 'collector.sockstat.scrape_interval',
      'collector.filefd.scrape_interval', 'collector.textfile.scrape_interval',
      'collector.systemd.scrape_interval', 'collector.processes.scrape_interval',
      'collector.thermalzone.scrape_interval', 'collector.nvme.scrape_interval',
      'collector.hwmon.scrape_interval', 'metrics', 'collector.textfile.path', 'path.rootfs',
      'path.procfs', 'path.sysfs', 'systemd_service_restart_metrics',
      'systemd_unit_start_time_metrics', 'systemd_include_service_task_metrics',
      'systemd_include_pattern', 'systemd_exclude_pattern', 'filesystem.ignore_mount_point_regex',
      'filesystem.ignore_filesystem_type_regex', 'diskstats.ignore_device_regex',
      'collector.hwmon.chip-include', 'collector.hwmon.chip-exclude',
      'collector.hwmon.sensor-include', 'collector.hwmon.sensor-exclude',
    ],
  },
  // plugins/in_opentelemetry/opentelemetry.c config_map[]
  opentelemetry: {
    keys: [
      'profiles_support', 'encode_profiles_as_log', 'tag_key', 'tag_from_uri',
      'successful_response_code', 'raw_traces', 'logs_metadata_key', 'logs_body_key',
    ],
    httpServer: true,
    netServer: true,
  },
  // plugins/in_podman_metrics/podman_metrics.h config_map[]
  podman_metrics: {
    keys: [
      'scrape_interval', 'scrape_on_start', 'path.config', 'path.sysfs', 'path.procfs',
    ],
  },
  // plugins/in_proc/in_proc.c config_map[]
  proc: {
    keys: [
      'interval_sec', 'interval_nsec', 'alert', 'mem', 'fd', 'proc_name',
    ],
  },
  // plugins/in_process_exporter_metrics/pe.c config_map[]
  process_exporter_metrics: {
    keys: [
      'scrape_interval', 'path.procfs', 'process_include_pattern', 'process_exclude_pattern',
      'metrics',
    ],
  },
  // plugins/in_prometheus_remote_write/prom_rw.c config_map[]
  prometheus_remote_write: {
    keys: [
      'uri', 'tag_from_uri', 'successful_response_code',
    ],
    httpServer: true,
    netServer: true,
  },
  // plugins/in_prometheus_scrape/prom_scrape.c config_map[]
  prometheus_scrape: {
    keys: [
      'scrape_interval', 'buffer_max_size', 'metrics_path', 'http_user', 'http_passwd',
      'bearer_token',
    ],
  },
  // plugins/in_prometheus_textfile/prometheus_textfile.c config_map[]
  prometheus_textfile: {
    keys: [
      'path', 'scrape_interval',
    ],
  },
  // plugins/in_random/random.c config_map[]
  random: {
    keys: [
      'samples', 'interval_sec', 'interval_nsec',
    ],
  },
  // plugins/in_serial/in_serial.c config_map[]
  serial: {
    keys: [
      'file', 'bitrate', 'separator', 'format', 'min_bytes',
    ],
  },
  // plugins/in_splunk/splunk.c config_map[]
  splunk: {
    keys: [
      'success_header', 'splunk_token', 'store_token_in_metadata', 'splunk_token_key', 'tag_key',
      'add_remote_addr', 'remote_addr_key',
    ],
    httpServer: true,
    netServer: true,
  },
  // plugins/in_statsd/statsd.c config_map[]
  statsd: {
    keys: [
      'metrics',
    ],
    netServer: true,
  },
  // plugins/in_stdin/in_stdin.c config_map[]
  stdin: {
    keys: [
      'parser', 'buffer_size',
    ],
  },
  // plugins/in_syslog/syslog.c config_map[]
  syslog: {
    keys: [
      'mode', 'path', 'unix_perm', 'buffer_chunk_size', 'buffer_max_size', 'parser',
      'receive_buffer_size', 'raw_message_key', 'source_address_key', 'format',
    ],
    netServer: true,
  },
  // plugins/in_systemd/systemd.c config_map[]
  systemd: {
    keys: [
      'path', 'max_fields', 'max_entries', 'systemd_filter_type', 'systemd_filter',
      'read_from_tail', 'lowercase', 'strip_underscores', 'db.sync', 'db',
    ],
  },
  // plugins/in_tail/tail.c config_map[]
  tail: {
    keys: [
      'path', 'exclude_path', 'key', 'read_from_head', 'read_newly_discovered_files_from_head',
      'refresh_interval', 'watcher_interval', 'progress_check_interval',
      'progress_check_interval_nsec', 'rotate_wait', 'docker_mode', 'docker_mode_flush',
      'docker_mode_parser', 'path_key', 'offset_key', 'ignore_older', 'ignore_active_older_files',
      'buffer_chunk_size', 'buffer_max_size', 'static_batch_size', 'event_batch_size',
      'skip_long_lines', 'exit_on_eof', 'skip_empty_lines', 'truncate_long_lines',
      'file_cache_advise', 'inotify_watcher', 'windows.path_encoding', 'parser', 'tag_regex', 'db',
      'db.sync', 'db.locking', 'db.journal_mode', 'db.compare_filename', 'multiline',
      'multiline_flush', 'parser_firstline', 'multiline.parser', 'unicode.encoding',
      'generic.encoding',
    ],
    prefixes: ['parser_'],
  },
  // plugins/in_tcp/tcp.c config_map[]
  tcp: {
    keys: [
      'format', 'separator', 'parser', 'chunk_size', 'buffer_size', 'source_address_key',
      'workers',
    ],
    netServer: true,
  },
  // plugins/in_thermal/in_thermal.c config_map[]
  thermal: {
    keys: [
      'interval_sec', 'interval_nsec', 'name_regex', 'type_regex',
    ],
  },
  // plugins/in_udp/udp.c config_map[]
  udp: {
    keys: [
      'format', 'separator', 'parser', 'chunk_size', 'buffer_size', 'source_address_key',
      'workers',
    ],
    netServer: true,
  },
  // plugins/in_unix_socket/unix_socket.c config_map[]
  unix_socket: {
    keys: [
      'socket_mode', 'socket_path', 'socket_permissions', 'format', 'separator', 'chunk_size',
      'buffer_size',
    ],
    netServer: true,
    notInImage: 'off by default (cmake/plugins_options.cmake)',
  },
  // plugins/in_windows_exporter_metrics/we.c config_map[]
  windows_exporter_metrics: {
    keys: [
      'scrape_interval', 'enable_collector', 'collector.cpu.scrape_interval',
      'collector.net.scrape_interval', 'collector.logical_disk.scrape_interval',
      'collector.cs.scrape_interval', 'collector.os.scrape_interval',
      'collector.cache.scrape_interval', 'collector.thermalzone.scrape_interval',
      'collector.cpu_info.scrape_interval', 'collector.logon.scrape_interval',
      'collector.system.scrape_interval', 'collector.service.scrape_interval',
      'collector.memory.scrape_interval', 'collector.paging_file.scrape_interval',
      'collector.process.scrape_interval', 'collector.tcp.scrape_interval',
      'collector.performancecounter.scrape_interval', 'metrics',
      'we.logical_disk.allow_disk_regex', 'we.logical_disk.deny_disk_regex',
      'we.net.allow_nic_regex', 'we.service.where', 'we.service.include', 'we.service.exclude',
      'we.process.allow_process_regex', 'we.process.deny_process_regex', 'performancecounter',
    ],
    notInImage: 'Windows only (plugins/CMakeLists.txt)',
  },
  // plugins/in_winevtlog/in_winevtlog.c config_map[]
  winevtlog: {
    keys: [
      'channels', 'db', 'interval_sec', 'interval_nsec', 'string_inserts', 'event_data_as_map',
      'event_template_cache_size', 'read_existing_events', 'render_event_as_xml',
      'render_event_as_text', 'render_event_text_key', 'use_ansi', 'ignore_missing_channels',
      'event_query', 'read_limit_per_cycle', 'remote.server', 'remote.domain', 'remote.username',
      'remote.password', 'reconnect.base_ms', 'reconnect.max_ms', 'reconnect.multiplier',
      'reconnect.jitter_pct', 'reconnect.max_retries',
    ],
    notInImage: 'Windows only (plugins/CMakeLists.txt)',
  },
  // plugins/in_winlog/in_winlog.c config_map[]
  winlog: {
    keys: [
      'channels', 'db', 'interval_sec', 'interval_nsec', 'string_inserts', 'use_ansi',
    ],
    notInImage: 'Windows only (plugins/CMakeLists.txt)',
  },
  // plugins/in_winstat/winstat.c config_map[]
  winstat: {
    keys: [
      'interval_sec', 'interval_nsec',
    ],
    notInImage: 'Windows only (plugins/CMakeLists.txt)',
  },
};

/** [FILTER] plugins (plugins/filter_*). */
export const FILTER_PLUGINS: Readonly<Record<string, PluginSpec>> = {
  // plugins/filter_alter_size/alter_size.c config_map[]
  alter_size: {
    keys: [
      'add', 'remove',
    ],
  },
  // plugins/filter_aws/aws.c config_map[]
  aws: {
    keys: [
      'imds_version', 'az', 'ec2_instance_id', 'ec2_instance_type', 'private_ip', 'vpc_id',
      'ami_id', 'account_id', 'hostname', 'tags_enabled', 'tags_include', 'tags_exclude',
      'retry_interval_s', 'enable_entity',
    ],
  },
  // plugins/filter_checklist/checklist.c config_map[]
  checklist: {
    keys: [
      'file', 'mode', 'print_query_time', 'ignore_case', 'lookup_key', 'record',
    ],
  },
  // plugins/filter_ecs/ecs.c config_map[]
  ecs: {
    keys: [
      'add', 'ecs_tag_prefix', 'cluster_metadata_only', 'ecs_meta_cache_ttl', 'ecs_meta_host',
      'ecs_meta_port', 'agent_endpoint_retries',
    ],
  },
  // plugins/filter_expect/expect.c config_map[]
  expect: {
    keys: [
      'key_exists', 'key_not_exists', 'key_val_is_null', 'key_val_is_not_null', 'key_val_eq',
      'action', 'result_key',
    ],
  },
  // plugins/filter_geoip2/geoip2.c config_map[]
  geoip2: {
    keys: [
      'database', 'lookup_key', 'record',
    ],
  },
  // plugins/filter_grep/grep.c config_map[]
  grep: {
    keys: [
      'regex', 'exclude', 'logical_op',
    ],
  },
  // plugins/filter_kubernetes/kubernetes.c config_map[]
  kubernetes: {
    keys: [
      'buffer_size', 'tls.debug', 'tls.verify', 'tls.vhost', 'tls.verify_hostname', 'merge_log',
      'merge_parser', 'merge_log_key', 'merge_log_trim', 'keep_log', 'kube_url',
      'kube_meta_preload_cache_dir', 'kube_ca_file', 'kube_ca_path', 'kube_tag_prefix',
      'kube_namespace_file', 'kube_token_file', 'kube_token_command', 'labels', 'annotations',
      'owner_references', 'namespace_labels', 'namespace_annotations', 'namespace_metadata_only',
      'k8s-logging.parser', 'k8s-logging.exclude', 'use_journal', 'regex_parser', 'dummy_meta',
      'dns_retries', 'dns_wait_time', 'cache_use_docker_id', 'use_tag_for_meta', 'use_kubelet',
      'kubelet_host', 'kubelet_port', 'kube_token_ttl', 'kube_meta_cache_ttl',
      'kube_meta_namespace_cache_ttl', 'aws_use_pod_association', 'use_pod_association',
      'aws_pod_association_host', 'aws_pod_association_endpoint', 'aws_pod_association_port',
      'aws_pod_service_map_ttl', 'aws_pod_service_map_refresh_interval',
      'aws_pod_service_preload_cache_dir', 'aws_pod_association_host_server_ca_file',
      'aws_pod_association_host_client_cert_file', 'aws_pod_association_host_client_key_file',
      'aws_pod_association_host_tls_debug', 'aws_pod_association_host_tls_verify', 'set_platform',
    ],
  },
  // plugins/filter_log_to_metrics/log_to_metrics.c config_map[]
  log_to_metrics: {
    keys: [
      'regex', 'exclude', 'metric_mode', 'value_field', 'metric_name', 'metric_namespace',
      'metric_subsystem', 'metric_description', 'kubernetes_mode', 'add_label', 'label_field',
      'bucket', 'tag', 'emitter_name', 'emitter_mem_buf_limit', 'flush_interval_sec',
      'flush_interval_nsec', 'discard_logs',
    ],
  },
  // plugins/filter_lua/lua.c config_map[]
  lua: {
    keys: [
      'script', 'code', 'call', 'type_int_key', 'type_array_key', 'protected_mode',
      'time_as_table', 'enable_flb_null',
    ],
  },
  // plugins/filter_modify/modify.c config_map[]
  modify: {
    keys: [
      'set', 'add', 'remove', 'remove_wildcard', 'remove_regex', 'move_to_start', 'move_to_end',
      'rename', 'hard_rename', 'copy', 'hard_copy', 'condition',
    ],
  },
  // plugins/filter_multiline/ml.c config_map[]
  multiline: {
    keys: [
      'debug_flush', 'buffer', 'mode', 'flush_ms', 'multiline.parser', 'multiline.key_content',
      'emitter_name', 'emitter_storage.type', 'emitter_mem_buf_limit',
    ],
  },
  // plugins/filter_nest/nest.c config_map[]
  nest: {
    keys: [
      'operation', 'wildcard', 'nest_under', 'nested_under', 'add_prefix', 'remove_prefix',
    ],
  },
  // plugins/filter_nightfall/nightfall.c config_map[]
  nightfall: {
    keys: [
      'nightfall_api_key', 'policy_id', 'sampling_rate', 'tls.debug', 'tls.verify', 'tls.vhost',
      'tls.ca_path',
    ],
  },
  // plugins/filter_parser/filter_parser.c config_map[]
  parser: {
    keys: [
      'key_name', 'parser', 'preserve_key', 'reserve_data', 'unescape_key',
    ],
    deprecated: ['unescape_key'],
  },
  // plugins/filter_record_modifier/filter_modifier.c config_map[]
  record_modifier: {
    keys: [
      'record', 'remove_key', 'allowlist_key', 'whitelist_key', 'uuid_key',
    ],
  },
  // plugins/filter_rewrite_tag/rewrite_tag.c config_map[]
  rewrite_tag: {
    keys: [
      'rule', 'emitter_name', 'emitter_storage.type', 'emitter_mem_buf_limit',
    ],
  },
  // plugins/filter_stdout/stdout.c config_map[]
  stdout: {
    keys: [

    ],
  },
  // plugins/filter_sysinfo/sysinfo.c config_map[]
  sysinfo: {
    keys: [
      'fluentbit_version_key', 'os_name_key', 'hostname_key', 'os_version_key',
      'kernel_version_key',
    ],
  },
  // plugins/filter_tensorflow/tensorflow.c config_map[]
  tensorflow: {
    keys: [
      'model_file', 'input_field', 'include_input_fields', 'normalization_value',
    ],
    notInImage: 'off by default (cmake/plugins_options.cmake)',
  },
  // plugins/filter_throttle/throttle.c config_map[]
  throttle: {
    keys: [
      'rate', 'window', 'print_status', 'interval',
    ],
  },
  // plugins/filter_throttle_size/throttle_size.c (registers no config map: Fluent Bit accepts any key)
  throttle_size: {
    keys: null,
    notInImage: 'off by default (cmake/plugins_options.cmake)',
  },
  // plugins/filter_type_converter/type_converter.c config_map[]
  type_converter: {
    keys: [
      'int_key', 'uint_key', 'float_key', 'str_key',
    ],
  },
  // plugins/filter_wasm/filter_wasm.c config_map[]
  wasm: {
    keys: [
      'event_format', 'wasm_path', 'accessible_paths', 'function_name', 'wasm_heap_size',
      'wasm_stack_size',
    ],
  },
};

/** [OUTPUT] plugins (plugins/out_*). */
export const OUTPUT_PLUGINS: Readonly<Record<string, PluginSpec>> = {
  // plugins/out_azure/azure.c config_map[]
  azure: {
    keys: [
      'customer_id', 'shared_key', 'log_type', 'log_type_key', 'time_key', 'time_generated',
    ],
  },
  // plugins/out_azure_blob/azure_blob.c config_map[]
  azure_blob: {
    keys: [
      'account_name', 'container_name', 'auto_create_container', 'blob_type', 'compress',
      'compress_blob', 'emulator_mode', 'shared_key', 'endpoint', 'path', 'date_key', 'auth_type',
      'sas_token', 'database_file', 'part_size', 'file_delivery_attempt_limit',
      'part_delivery_attempt_limit', 'upload_parts_timeout', 'upload_part_freshness_limit',
      'configuration_endpoint_url', 'configuration_endpoint_username',
      'configuration_endpoint_password', 'configuration_endpoint_bearer_token',
      'buffering_enabled', 'buffer_dir', 'upload_timeout', 'upload_file_size',
      'azure_blob_buffer_key', 'store_dir_limit_size', 'buffer_file_delete_early',
      'blob_uri_length', 'unify_tag', 'scheduler_max_retries', 'delete_on_max_upload_error',
      'io_timeout',
    ],
  },
  // plugins/out_azure_kusto/azure_kusto.c config_map[]
  azure_kusto: {
    keys: [
      'tenant_id', 'client_id', 'client_secret', 'workload_identity_token_file', 'auth_type',
      'ingestion_endpoint', 'database_name', 'table_name', 'ingestion_mapping_reference',
      'log_key', 'include_tag_key', 'tag_key', 'include_time_key', 'time_key',
      'ingestion_endpoint_connect_timeout', 'compression_enabled',
      'ingestion_resources_refresh_interval', 'buffering_enabled', 'buffer_dir', 'upload_timeout',
      'upload_file_size', 'azure_kusto_buffer_key', 'store_dir_limit_size',
      'buffer_file_delete_early', 'unify_tag', 'blob_uri_length', 'scheduler_max_retries',
      'delete_on_max_upload_error', 'io_timeout',
    ],
  },
  // plugins/out_azure_logs_ingestion/azure_logs_ingestion.c config_map[]
  azure_logs_ingestion: {
    keys: [
      'tenant_id', 'client_id', 'client_secret', 'auth_url', 'dce_url', 'dcr_id', 'table_name',
      'time_key', 'time_generated', 'compress',
    ],
  },
  // plugins/out_bigquery/bigquery.c config_map[]
  bigquery: {
    keys: [
      'google_service_credentials', 'enable_identity_federation', 'aws_region', 'project_number',
      'pool_id', 'provider_id', 'google_service_account', 'service_account_email',
      'service_account_secret', 'project_id', 'dataset_id', 'table_id', 'skip_invalid_rows',
      'ignore_unknown_values',
    ],
  },
  // plugins/out_chronicle/chronicle.c config_map[]
  chronicle: {
    keys: [
      'google_service_credentials', 'service_account_email', 'service_account_secret',
      'project_id', 'customer_id', 'log_type', 'region', 'log_key', 'namespace', 'namespace_key',
      'label',
    ],
  },
  // plugins/out_cloudwatch_logs/cloudwatch_logs.c config_map[]
  cloudwatch_logs: {
    keys: [
      'region', 'log_group_name', 'log_stream_name', 'log_stream_prefix', 'log_group_template',
      'log_stream_template', 'log_key', 'extra_user_agent', 'log_format', 'role_arn',
      'auto_create_group', 'auto_retry_requests', 'log_retention_days', 'endpoint', 'sts_endpoint',
      'external_id', 'metric_namespace', 'metric_dimensions', 'profile', 'log_group_class',
      'add_entity',
    ],
  },
  // plugins/out_counter/counter.c config_map[]
  counter: {
    keys: [

    ],
  },
  // plugins/out_datadog/datadog.c config_map[]
  datadog: {
    keys: [
      'compress', 'header', 'apikey', 'dd_service', 'dd_source', 'dd_tags', 'dd_hostname', 'proxy',
      'include_tag_key', 'tag_key', 'dd_message_key', 'provider', 'json_date_key',
    ],
  },
  // plugins/out_es/es.c config_map[]
  es: {
    keys: [
      'index', 'type', 'suppress_type_name', 'http_user', 'http_passwd', 'http_api_key',
      'compress', 'cloud_id', 'cloud_auth', 'upstream', 'aws_auth', 'aws_region',
      'aws_sts_endpoint', 'aws_role_arn', 'aws_external_id', 'aws_service_name', 'aws_profile',
      'logstash_format', 'logstash_prefix', 'logstash_prefix_separator', 'logstash_prefix_key',
      'logstash_dateformat', 'time_key', 'time_key_format', 'time_key_nanos', 'include_tag_key',
      'tag_key', 'buffer_size', 'path', 'pipeline', 'generate_id', 'write_operation', 'id_key',
      'replace_dots', 'current_time_index', 'trace_output', 'trace_error',
    ],
  },
  // plugins/out_exit/exit.c config_map[]
  exit: {
    keys: [
      'flush_count', 'record_count', 'time_count',
    ],
  },
  // plugins/out_file/file.c config_map[]
  file: {
    keys: [
      'path', 'file', 'enable_strftime', 'max_dynamic_files', 'on_missing_field',
      'on_limit_reached', 'fallback_path', 'fallback_file', 'format', 'delimiter',
      'label_delimiter', 'template', 'csv_column_names', 'mkdir', 'rotate', 'rotate_max_size',
      'rotate_max_files', 'rotate_gzip',
    ],
  },
  // plugins/out_flowcounter/out_flowcounter.c config_map[]
  flowcounter: {
    keys: [
      'unit', 'event_based',
    ],
  },
  // plugins/out_forward/forward.c config_map[]
  forward: {
    keys: [
      'time_as_integer', 'retain_metadata_in_forward_mode', 'shared_key', 'self_hostname',
      'empty_shared_key', 'send_options', 'require_ack_response', 'username', 'password',
      'unix_path', 'upstream', 'tag', 'compress', 'fluentd_compat', 'add_option',
    ],
  },
  // plugins/out_gcs/gcs.c config_map[]
  gcs: {
    keys: [
      'bucket', 'gcs_key_format', 'gcs_key_format_tag_delimiters', 'static_file_path',
      'canned_acl', 'upload_timeout', 'send_content_md5', 'preserve_data_ordering',
      'store_chunk_limit', 'store_dir_limit_size', 'content_type', 'google_service_credentials',
      'store_dir', 'compression',
    ],
  },
  // plugins/out_gelf/gelf.c config_map[]
  gelf: {
    keys: [
      'mode', 'gelf_tag_key', 'gelf_short_message_key', 'gelf_timestamp_key', 'gelf_host_key',
      'gelf_full_message_key', 'gelf_level_key', 'packet_size', 'compress',
    ],
  },
  // plugins/out_http/http.c config_map[]
  http: {
    keys: [
      'proxy', 'allow_duplicated_headers', 'log_response_payload', 'http.response_timeout',
      'http.read_idle_timeout', 'http_user', 'http_passwd', 'oauth2.enable', 'oauth2.token_url',
      'oauth2.client_id', 'oauth2.client_secret', 'oauth2.user_agent', 'oauth2.scope',
      'oauth2.audience', 'oauth2.resource', 'oauth2.auth_method', 'oauth2.jwt_key_file',
      'oauth2.jwt_cert_file', 'oauth2.jwt_aud', 'oauth2.jwt_header', 'oauth2.jwt_ttl_seconds',
      'oauth2.refresh_skew_seconds', 'oauth2.timeout', 'oauth2.connect_timeout', 'aws_auth',
      'aws_service', 'header_tag', 'format', 'json_date_format', 'json_date_key', 'compress',
      'header', 'uri', 'http_method', 'gelf_timestamp_key', 'gelf_host_key',
      'gelf_short_message_key', 'gelf_full_message_key', 'gelf_level_key', 'body_key',
      'headers_key',
    ],
  },
  // plugins/out_influxdb/influxdb.c config_map[]
  influxdb: {
    keys: [
      'database', 'bucket', 'org', 'sequence_tag', 'uri', 'http_user', 'http_passwd', 'http_token',
      'http_header', 'auto_tags', 'tag_keys', 'add_integer_suffix',
    ],
  },
  // plugins/out_kafka/kafka.c config_map[]
  kafka: {
    keys: [
      'topic_key', 'dynamic_topic', 'format', 'otlp_logs_partition_by_resource', 'message_key',
      'message_key_field', 'timestamp_key', 'timestamp_format', 'queue_full_retries',
      'gelf_timestamp_key', 'gelf_host_key', 'gelf_short_message_key', 'gelf_full_message_key',
      'gelf_level_key', 'schema_str', 'schema_id', 'schema_registry_url', 'schema.registry.url',
      'schema_registry_subject', 'schema.registry.subject', 'schema_registry_version',
      'schema.registry.version', 'schema_registry_http_user', 'schema.registry.http.user',
      'schema_registry_http_passwd', 'schema.registry.http.password',
      'schema_registry_bearer_token', 'schema.registry.bearer.token', 'schema_registry_framing',
      'serializer.framing', 'topics', 'brokers', 'client_id', 'group_id', 'raw_log_key',
      'aws_msk_iam_cluster_arn', 'aws_msk_iam',
    ],
    prefixes: ['rdkafka.'],
  },
  // plugins/out_kafka_rest/kafka.c config_map[]
  'kafka-rest': {
    keys: [
      'message_key', 'time_key', 'topic', 'url_path', 'partition', 'time_key_format',
      'include_tag_key', 'tag_key', 'avro_http_header',
    ],
  },
  // plugins/out_kinesis_firehose/firehose.c config_map[]
  kinesis_firehose: {
    keys: [
      'region', 'delivery_stream', 'time_key', 'time_key_format', 'role_arn', 'endpoint',
      'sts_endpoint', 'external_id', 'compression', 'log_key', 'auto_retry_requests', 'profile',
      'simple_aggregation',
    ],
  },
  // plugins/out_kinesis_streams/kinesis.c config_map[]
  kinesis_streams: {
    keys: [
      'region', 'stream', 'time_key', 'time_key_format', 'role_arn', 'endpoint', 'sts_endpoint',
      'external_id', 'log_key', 'auto_retry_requests', 'profile', 'simple_aggregation',
      'compression',
    ],
  },
  // plugins/out_lib/out_lib.c config_map[]
  lib: {
    keys: [
      'format', 'max_records', 'data_mode',
    ],
  },
  // plugins/out_logdna/logdna.c config_map[]
  logdna: {
    keys: [
      'logdna_host', 'logdna_port', 'logdna_endpoint', 'api_key', 'hostname', 'mac', 'ip', 'tags',
      'file', 'app', 'exclude_promoted_keys',
    ],
  },
  // plugins/out_loki/loki.c config_map[]
  loki: {
    keys: [
      'uri', 'tenant_id', 'tenant_id_key', 'tenant_id_key_error_handling', 'labels',
      'structured_metadata', 'structured_metadata_map_keys', 'auto_kubernetes_labels',
      'drop_single_key', 'label_keys', 'remove_keys', 'line_format', 'label_map_path', 'http_user',
      'http_passwd', 'buffer_size', 'bearer_token', 'header', 'compress',
    ],
  },
  // plugins/out_nats/nats.c config_map[]
  nats: {
    keys: [

    ],
  },
  // plugins/out_nrlogs/newrelic.c config_map[]
  nrlogs: {
    keys: [
      'base_uri', 'api_key', 'license_key', 'compress',
    ],
  },
  // plugins/out_null/null.c config_map[]
  null: {
    keys: [
      'format', 'json_date_format', 'json_date_key',
    ],
  },
  // plugins/out_opensearch/opensearch.c config_map[]
  opensearch: {
    keys: [
      'index', 'type', 'suppress_type_name', 'http_user', 'http_passwd', 'aws_auth', 'aws_region',
      'aws_profile', 'aws_sts_endpoint', 'aws_role_arn', 'aws_external_id', 'aws_service_name',
      'logstash_format', 'logstash_prefix', 'logstash_prefix_separator', 'logstash_prefix_key',
      'logstash_dateformat', 'time_key', 'time_key_format', 'time_key_nanos', 'include_tag_key',
      'tag_key', 'buffer_size', 'path', 'pipeline', 'generate_id', 'write_operation', 'id_key',
      'replace_dots', 'current_time_index', 'trace_output', 'trace_error', 'compress',
    ],
  },
  // plugins/out_opentelemetry/opentelemetry.c config_map[]
  opentelemetry: {
    keys: [
      'add_label', 'http2', 'grpc', 'proxy', 'http_user', 'http_passwd', 'aws_auth', 'aws_service',
      'header', 'metrics_uri', 'grpc_metrics_uri', 'batch_size', 'compress', 'logs_max_resources',
      'logs_max_scopes', 'logs_uri', 'grpc_logs_uri', 'logs_body_key', 'logs_body_key_attributes',
      'traces_uri', 'grpc_traces_uri', 'profiles_uri', 'grpc_profiles_uri', 'log_response_payload',
      'logs_metadata_key', 'logs_observed_timestamp_metadata_key', 'logs_timestamp_metadata_key',
      'logs_severity_text_metadata_key', 'logs_severity_number_metadata_key',
      'logs_trace_flags_metadata_key', 'logs_span_id_metadata_key', 'logs_trace_id_metadata_key',
      'logs_attributes_metadata_key', 'logs_instrumentation_scope_metadata_key',
      'logs_resource_metadata_key', 'logs_span_id_message_key', 'logs_trace_id_message_key',
      'logs_severity_text_message_key', 'logs_severity_number_message_key',
    ],
  },
  // plugins/out_oracle_log_analytics/oci_logan.c config_map[]
  oracle_log_analytics: {
    keys: [
      'config_file_location', 'profile_name', 'oci_config_in_record', 'uri', 'oci_la_log_group_id',
      'oci_la_log_set_id', 'oci_la_entity_id', 'oci_la_entity_type', 'oci_la_log_source_name',
      'oci_la_log_path', 'oci_la_global_metadata', 'oci_la_metadata', 'namespace', 'proxy',
    ],
  },
  // plugins/out_pgsql/pgsql.c (registers no config map: Fluent Bit accepts any key)
  pgsql: {
    keys: null,
  },
  // plugins/out_plot/plot.c config_map[]
  plot: {
    keys: [
      'key', 'file',
    ],
  },
  // plugins/out_prometheus_exporter/prom.c config_map[]
  prometheus_exporter: {
    keys: [
      'add_timestamp', 'add_label',
    ],
    httpServer: true,
  },
  // plugins/out_prometheus_remote_write/remote_write.c config_map[]
  prometheus_remote_write: {
    keys: [
      'add_label', 'proxy', 'http_user', 'http_passwd', 'compression', 'aws_auth', 'aws_service',
      'header', 'uri', 'log_response_payload',
    ],
  },
  // plugins/out_retry/retry.c config_map[]
  retry: {
    keys: [
      'retry',
    ],
    notInImage: 'off by default (cmake/plugins_options.cmake)',
  },
  // plugins/out_s3/s3.c config_map[]
  s3: {
    keys: [
      'format', 'json_date_format', 'json_date_key', 'total_file_size', 'upload_chunk_size',
      'upload_timeout', 'bucket', 'region', 'role_arn', 'endpoint', 'sts_endpoint', 'canned_acl',
      'compression', 'content_type', 'store_dir', 'store_dir_limit_size',
      'quarantine_dir_limit_size', 's3_key_format', 's3_key_format_tag_delimiters',
      'auto_retry_requests', 'use_put_object', 'send_content_md5', 'preserve_data_ordering',
      'retry_exhausted_action', 'log_key', 'external_id', 'static_file_path', 'storage_class',
      'profile', 'blob_database_file', 'part_size', 'file_delivery_attempt_limit',
      'part_delivery_attempt_limit', 'upload_parts_timeout', 'upload_part_freshness_limit',
      'authorization_endpoint_url', 'authorization_endpoint_username',
      'authorization_endpoint_password', 'authorization_endpoint_bearer_token',
    ],
  },
  // plugins/out_skywalking/skywalking.c config_map[]
  skywalking: {
    keys: [
      'auth_token', 'svc_name', 'svc_inst_name',
    ],
  },
  // plugins/out_slack/slack.c config_map[]
  slack: {
    keys: [
      'webhook',
    ],
  },
  // plugins/out_splunk/splunk.c config_map[]
  splunk: {
    keys: [
      'compress', 'http_user', 'http_passwd', 'http_buffer_size', 'http_debug_bad_request',
      'event_key', 'event_host', 'event_source', 'event_sourcetype', 'event_sourcetype_key',
      'event_index', 'event_index_key', 'event_field', 'splunk_token', 'splunk_send_raw',
      'auto_extract_timestamp', 'channel',
    ],
  },
  // plugins/out_stackdriver/stackdriver.c config_map[]
  stackdriver: {
    keys: [
      'google_service_credentials', 'metadata_server', 'service_account_email',
      'service_account_secret', 'export_to_project_id', 'project_id_key', 'resource',
      'severity_key', 'autoformat_stackdriver_trace', 'trace_key', 'span_id_key',
      'trace_sampled_key', 'log_name_key', 'http_request_key', 'k8s_cluster_name',
      'k8s_cluster_location', 'location', 'namespace', 'node_id', 'job', 'task_id', 'compress',
      'labels', 'labels_key', 'tag_prefix', 'stackdriver_agent', 'custom_k8s_regex',
      'resource_labels', 'text_payload_key', 'test_log_entry_format', 'cloud_logging_base_url',
    ],
  },
  // plugins/out_stdout/stdout.c config_map[]
  stdout: {
    keys: [
      'format', 'json_date_format', 'json_date_key',
    ],
  },
  // plugins/out_syslog/syslog.c config_map[]
  syslog: {
    keys: [
      'mode', 'syslog_format', 'syslog_maxsize', 'syslog_severity_key', 'syslog_severity_preset',
      'syslog_facility_key', 'syslog_facility_preset', 'syslog_hostname_key',
      'syslog_hostname_preset', 'syslog_appname_key', 'syslog_appname_preset', 'syslog_procid_key',
      'syslog_procid_preset', 'syslog_msgid_key', 'syslog_msgid_preset', 'syslog_sd_key',
      'syslog_message_key', 'allow_longer_sd_id',
    ],
  },
  // plugins/out_tcp/tcp.c config_map[]
  tcp: {
    keys: [
      'format', 'json_date_format', 'json_date_key', 'raw_message_key',
    ],
  },
  // plugins/out_td/td.c config_map[]
  td: {
    keys: [
      'api', 'database', 'table', 'region',
    ],
  },
  // plugins/out_udp/udp.c config_map[]
  udp: {
    keys: [
      'format', 'json_date_format', 'json_date_key', 'raw_message_key',
    ],
  },
  // plugins/out_vivo_exporter/vivo.c config_map[]
  vivo_exporter: {
    keys: [
      'empty_stream_on_read', 'stream_queue_size', 'http_cors_allow_origin',
    ],
    httpServer: true,
  },
  // plugins/out_websocket/websocket.c config_map[]
  websocket: {
    keys: [
      'uri', 'format', 'json_date_format', 'json_date_key', 'header',
    ],
  },
};

/** [CUSTOM] plugins (plugins/custom_*). */
export const CUSTOM_PLUGINS: Readonly<Record<string, PluginSpec>> = {
  // plugins/custom_calyptia/calyptia.c config_map[]
  calyptia: {
    keys: [
      'api_key', 'store_path', 'calyptia_host', 'calyptia_port', 'calyptia_tls',
      'calyptia_tls.verify', 'add_label', 'machine_id', 'fleet_id', 'fleet.config_dir',
      'fleet.interval_sec', 'fleet.interval_nsec', 'fleet.max_http_buffer_size', 'fleet_name',
      'pipeline_id', 'register_retry_on_flush', 'fleet_config_legacy_format',
    ],
  },
};
