import { escapeFactor, KUBERNETES_METADATA_BYTES, largestRecordBytes, longestFittingLine } from '@gitops/fluent-bit-lint';
import type { Size } from '@gitops/fluent-bit-values';
import type { Outage } from './generated/log-collection-settings';

/**
 * Bytes one container log record takes once enriched with Kubernetes metadata: about 800 B of
 * JSON per ~200 B CRI line (measured on Fluent Bit 5.1.1, shared/research/fluent-bit-measured.md).
 */
export const ENRICHED_RECORD_BYTES = 800;

/**
 * Bytes of one API audit event at Talos' default `Metadata` level (user, verb, objectRef, times,
 * annotations): an estimate of 1-1.5 KB per event, not a measurement; the upper end is used.
 */
export const AUDIT_EVENT_BYTES = 1500;

/** Node disk one stream's queue may take (on Talos, /var is shared with images and pod logs). */
export const MAX_QUEUE_BYTES = 20 * 2 ** 30;

/** Bytes of `outage.minutes` of a node's logs at `outage.linesPerSecond`. */
export const queueBytes = (outage: Outage, recordBytes: number): number =>
  outage.minutes * 60 * outage.linesPerSecond * recordBytes;

/** The on-disk queue that holds the stated outage (Fluent Bit sizes are decimal: M = 10^6 B, flb_utils.c). */
export const queueLimitFor = (outage: Outage, recordBytes: number): Size =>
  `${Math.ceil(queueBytes(outage, recordBytes) / 1e6)}M`;

/**
 * containerd splits a container's output into lines of at most 16 KiB (MaxContainerLogLineSize,
 * containerd internal/cri/config/config_unix.go; Talos does not change it), so a CRI line with its
 * prefix fits 32k (32,000 bytes: Fluent Bit sizes are decimal).
 */
export const CONTAINER_LINE_BYTES = 32_000;
/** What our filters stamp on a record besides Kubernetes metadata (cluster, environment, log_type). */
const STAMPED_FIELDS_BYTES = 512;

/** The largest container log record: a CRI line read as text (escaped), Kubernetes metadata, our fields. */
export const CONTAINER_RECORD_BYTES = largestRecordBytes({
  lineBytes: CONTAINER_LINE_BYTES,
  parsedAsJson: false,
  escapeUnicode: false,
  addedBytes: KUBERNETES_METADATA_BYTES + STAMPED_FIELDS_BYTES,
});

/**
 * The longest audit event line shipped: as long as the sink takes. Events are parsed as JSON and
 * written back with UTF-8 unescaped (json.escape_unicode false), so they do not grow; longer ones
 * are skipped and counted (fluentbit_input_long_line_skipped_total).
 */
export const auditLineBuffer = (maxLineBytes: number): Size =>
  `${Math.floor(longestFittingLine(maxLineBytes, escapeFactor(true, false), STAMPED_FIELDS_BYTES) / 1000)}k`;
