import { CUSTOM_PARSERS_FILE, IMAGE_PARSERS_FILE } from './paths';
import type { Service } from './pipeline/model';

export const METRICS_PORT = 2020;

/** A filesystem chunk held in memory is ~2 MB (buffering.md "Chunks"). */
const CHUNK_BYTES = 2 * 2 ** 20;
/** Fluent Bit itself besides chunks (measured peak RSS ~30 MB at 7k lines/s, memory buffering). */
const BASELINE_BYTES = 32 * 2 ** 20;

/** Memory a Fluent Bit needs to hold `storage.max_chunks_up` chunks. */
export const memoryForChunks = (chunks: number): number => chunks * CHUNK_BYTES + BASELINE_BYTES;

export interface ServiceOptions {
  /** Host directory for the filesystem buffer (under it: `flb-storage/`). */
  stateDir: string;
  /** Upper bound in seconds of the wait between two retries (Fluent Bit's default is 2000). */
  retryBackoffCap: number;
  /** Filesystem chunks held in memory at once (~2 MB each); must fit the memory limit. */
  maxChunksInMemory: number;
  /** Whether to load the chart's custom_parsers.conf (only when we define parsers). */
  customParsers: boolean;
}

export function serviceSection({ stateDir, retryBackoffCap, maxChunksInMemory, customParsers }: ServiceOptions): Service {
  return {
    // Flush 5 with a 5 MB memory buffer capped a node at ~1.5k lines/s (measured); 1 is the chart default.
    flush: 1,
    daemon: false,
    log_level: 'info',
    // Absolute paths: relative ones resolve against --workdir, which is fragile.
    parsers_file: [IMAGE_PARSERS_FILE, ...(customParsers ? [CUSTOM_PARSERS_FILE] : [])],
    http_server: true,
    http_listen: '0.0.0.0',
    http_port: METRICS_PORT,
    // The chart's readiness probe reads /api/v2/health. Retries do not count against it, only
    // chunks dropped (4xx, e.g. a 401 from vmauth), which is data loss worth surfacing.
    health_check: true,
    // UTF-8 as it is: escaping it as \uXXXX (the default) can triple a JSON record's size on its
    // way to the sink's line limit (src/flb_utils.c); VictoriaLogs reads UTF-8 JSON.
    'json.escape_unicode': false,
    'scheduler.base': 5,
    'scheduler.cap': retryBackoffCap,
    'storage.path': `${stateDir}/flb-storage/`,
    // The documented defaults, stated: `normal` leaves fsync to the OS (`full` syncs every write),
    // no CRC on chunks, and 5M of backlog chunks in memory when replaying after a restart.
    'storage.sync': 'normal',
    'storage.checksum': false,
    'storage.max_chunks_up': maxChunksInMemory,
    'storage.backlog.mem_limit': '5M',
  };
}
