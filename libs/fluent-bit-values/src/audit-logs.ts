import { logFileInput, type LogFileLocation } from './log-file-input';
import type { Parser, TailInput } from './pipeline/model';

export const AUDIT_LOG_TAG = 'audit.*';

/**
 * Kubernetes audit events (one JSON object per line). Event time is `stageTimestamp`
 * (RFC 3339 with microseconds and `Z`; Fluent Bit's `%L` reads up to 9 digits, `%z` accepts `Z`).
 * The name is ours: the image's parsers.conf must not be redefined.
 */
export const auditEventParser: Parser = {
  name: 'k8s-audit-event',
  format: 'json',
  time_key: 'stageTimestamp',
  time_format: '%Y-%m-%dT%H:%M:%S.%L%z',
  time_keep: true,
};

/** kube-apiserver's audit log on Talos control-plane nodes (a 0700 directory of uid 65534, kube-apiserver's user). */
export function auditLogInput({ logDir, stateDir, maxLineSize }: LogFileLocation): TailInput {
  return {
    // The live file only: `*.log` would also match kube-apiserver's rotated backups (10 x 100 MB on
    // Talos) and replay them at first start. Rotation is followed by inode.
    ...logFileInput({ tag: AUDIT_LOG_TAG, logDir, files: 'kube-apiserver.log', stateDir, dbName: 'flb_audit', maxLineSize }),
    parser: auditEventParser.name,
  };
}
