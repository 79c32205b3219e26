/** Paths the fluent-bit chart (0.58.x) uses, and the section kinds of Fluent Bit 5.1.1 classic mode. */

/** Where the chart mounts its ConfigMap. */
export const CONFIG_DIR = '/fluent-bit/etc/conf';
/** The chart's `--workdir`: relative paths are looked up here first. */
export const WORK_DIR = '/fluent-bit/etc';
/** The image's parsers file. */
export const IMAGE_PARSERS_FILE = '/fluent-bit/etc/parsers.conf';
/** The file Fluent Bit is started with, in CONFIG_DIR. */
export const ENTRY_POINT = 'fluent-bit.conf';

export const MAIN_KINDS = ['SERVICE', 'INPUT', 'FILTER', 'OUTPUT', 'CUSTOM', 'ENV'];
export const PARSER_FILE_KINDS = ['PARSER', 'MULTILINE_PARSER'];
const UPSTREAM_FILE_KINDS = ['UPSTREAM', 'NODE'];
const OTHER_KINDS = ['PLUGINS', 'STREAM_TASK', 'STREAM_PROCESSOR', 'UPSTREAM_SERVERS'];
export const ALL_KINDS = [...MAIN_KINDS, ...PARSER_FILE_KINDS, ...UPSTREAM_FILE_KINDS, ...OTHER_KINDS];

/** in_tail's default buffer_chunk_size and buffer_max_size, in bytes (plugins/in_tail/tail.h FLB_TAIL_CHUNK). */
export const TAIL_BUFFER_DEFAULT = 32_768;
