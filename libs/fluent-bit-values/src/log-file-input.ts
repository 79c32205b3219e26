import type { Size, TailInput } from './pipeline/model';

export interface LogFileInputOptions {
  tag: string;
  logDir: string;
  /** File name or glob in logDir. */
  files: string;
  /** Folder of the position DB (`<dbName>.db`), on a host path that outlives the pod. */
  stateDir: string;
  dbName: string;
  /** Longest single line kept; longer lines are skipped, not allowed to stall the file. */
  maxLineSize: Size;
}

/** Where a log input reads and keeps its position, and its longest line. */
export type LogFileLocation = Pick<LogFileInputOptions, 'logDir' | 'stateDir' | 'maxLineSize'>;

/**
 * Tails log files without losing lines: buffered on the filesystem (with memory buffering a
 * restart lost every line already read, measured: 0 of 100 delivered, because the position DB had
 * moved past them), and read from the head at first start (a real run skipped lines otherwise; the
 * DB keeps restarts from reading them again).
 */
export function logFileInput(options: LogFileInputOptions): TailInput {
  return {
    name: 'tail',
    tag: options.tag,
    path: `${options.logDir}/${options.files}`,
    db: `${options.stateDir}/${options.dbName}.db`,
    // SQLite synchronous=normal (the default): positions survive a pod restart, not a power cut.
    'db.sync': 'normal',
    'storage.type': 'filesystem',
    read_from_head: true,
    // Reads start at 16k and grow up to the longest line. The chunk default is 32768 bytes while
    // `32k` is 32,000 (sizes are decimal): left at its default, a 32k maximum stops Fluent Bit at
    // start-up, "buffer_max_size must be >= buffer_chunk" (in_tail tail_config.c; measured on 5.1.1).
    buffer_chunk_size: '16k',
    buffer_max_size: options.maxLineSize,
    skip_long_lines: true,
    // Look for new files (new pods) every 10 s instead of the default 60 s.
    refresh_interval: 10,
  };
}
