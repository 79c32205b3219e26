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
