/**
 * A log collector's container runs next to host paths it mounts: an added capability or no
 * seccomp profile turns a compromise of Fluent Bit into one of the node. With CAP_DAC_READ_SEARCH
 * and a seccomp profile that allows open_by_handle_at (containerd's default does when that
 * capability is present), a container can open any file of a mounted filesystem by handle (the
 * "Shocker" escape): on a Talos control plane, /var holds etcd's data.
 */
import type { BuiltObject } from './flux-build';
import { located, type Finding } from './findings';
import type { FluentBitValues } from './fluent-bit-chart';

type Release = BuiltObject & { object: { spec?: { values?: FluentBitValues } } };

const CONFINED = new Set(['RuntimeDefault', 'Localhost']);

/** Errors for a collector container with added capabilities, privileged mode or no seccomp profile. */
export function collectorPrivilegeFindings(release: Release): Finding[] {
  const values = release.object.spec?.values ?? {};
  const container = values.securityContext ?? {};
  const at = (path: string, message: string, fix: string) => located('helm-values', release, path, message, fix);
  const findings: Finding[] = [];

  const added = Array.isArray(container.capabilities?.add) ? (container.capabilities.add as unknown[]).map(String) : [];
  if (added.length > 0) {
    findings.push(
      at('spec.values.securityContext.capabilities.add', `the collector container adds ${added.join(', ')}: a long-running container with host log mounts needs none${added.some((c) => /DAC_READ_SEARCH|DAC_OVERRIDE/i.test(c)) ? ' (DAC_READ_SEARCH with a hostPath is the "Shocker" escape: open_by_handle_at reads any file of the node\'s filesystem)' : ''}`,
        'remove capabilities.add; read files as their owner (runAsUser/runAsGroup), and let a short-lived init container with only CAP_CHOWN prepare a state directory'),
    );
  }
  if (container.privileged === true) {
    findings.push(at('spec.values.securityContext.privileged', 'the collector container is privileged: every capability and every device of the node', 'set privileged: false'));
  }
  const seccomp = container.seccompProfile?.type ?? values.podSecurityContext?.seccompProfile?.type;
  if (typeof seccomp !== 'string' || !CONFINED.has(seccomp)) {
    findings.push(
      at('spec.values.securityContext', `the collector container runs ${seccomp === undefined ? 'without a seccomp profile (Unconfined unless the kubelet\'s seccompDefault is on)' : `with seccomp ${String(seccomp)}`}: every syscall of the node's kernel is open to it`,
        'set seccompProfile: { type: RuntimeDefault } in securityContext (or podSecurityContext)'),
    );
  }
  return findings;
}
