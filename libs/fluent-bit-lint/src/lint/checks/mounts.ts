/** 8. tail/systemd DB and [SERVICE] storage.path outside a writable mount; tail Path outside any mount. */
import type { ConfigProperty, ConfigSection } from '../../types';
import { isUnder, normalizeDir, staticPrefix } from '../../util';
import { WORK_DIR } from '../constants';
import { at, type LintContext } from '../context';
import { hasEnv, pluginName, prop } from '../sections';

function mountFor(ctx: LintContext, path: string): { mountPath: string; readOnly: boolean } | undefined {
  let best: { mountPath: string; readOnly: boolean } | undefined;
  for (const mount of ctx.input.mounts) {
    if (!isUnder(path, mount.mountPath)) continue;
    if (!best || normalizeDir(mount.mountPath).length > normalizeDir(best.mountPath).length) best = mount;
  }
  return best;
}

function checkWritable(
  ctx: LintContext,
  section: ConfigSection,
  property: ConfigProperty,
  what: string,
  directory: string,
): void {
  const mount = mountFor(ctx, directory);
  if (!mount) {
    at(
      ctx,
      section,
      property,
      'error',
      `${what} ${property.value} is not under any volume mount: with a read-only root filesystem it cannot be created (Fluent Bit does not start), otherwise it is lost with the container`,
      `mount a writable hostPath volume at ${directory} or a parent (daemonSetVolumeMounts), or move ${property.key} under a writable mount`,
    );
  } else if (mount.readOnly) {
    at(
      ctx,
      section,
      property,
      'error',
      `${what} ${property.value} is on the read-only mount ${mount.mountPath}: Fluent Bit cannot write it`,
      `mount a writable volume at ${directory} or make ${mount.mountPath} writable`,
    );
  }
}

function checkReadable(ctx: LintContext, section: ConfigSection, property: ConfigProperty, what: string): void {
  for (const raw of property.value.split(',')) {
    const path = raw.trim();
    if (path === '' || hasEnv(path)) continue;
    const absolute = path.startsWith('/') ? path : `${WORK_DIR}/${path}`;
    const prefix = staticPrefix(absolute);
    if (mountFor(ctx, prefix) || ctx.input.mounts.some((mount) => isUnder(mount.mountPath, prefix))) continue;
    at(
      ctx,
      section,
      property,
      'error',
      `${what} ${path} is not under any volume mount, so Fluent Bit finds nothing there`,
      `mount the host directory (e.g. hostPath ${prefix}) into the container (daemonSetVolumeMounts)`,
    );
  }
}

export function checkMounts(
  ctx: LintContext,
  service: ConfigSection[],
  inputs: ConfigSection[],
  storagePath: ConfigProperty | undefined,
): void {
  if (storagePath && storagePath.value !== '' && !hasEnv(storagePath.value)) {
    const section = service.find((candidate) => candidate.properties.includes(storagePath))!;
    const path = storagePath.value.startsWith('/') ? storagePath.value : `${WORK_DIR}/${storagePath.value}`;
    checkWritable(ctx, section, storagePath, 'storage.path', normalizeDir(path));
  }
  for (const input of inputs) {
    const name = pluginName(input);
    if (name !== 'tail' && name !== 'systemd') continue;
    const db = prop(input, 'db');
    if (db && db.value !== '' && !hasEnv(db.value)) {
      const path = db.value.startsWith('/') ? db.value : `${WORK_DIR}/${db.value}`;
      const directory = path.slice(0, path.lastIndexOf('/')) || '/';
      checkWritable(ctx, input, db, 'DB', directory);
    }
    const path = prop(input, 'path');
    if (path && path.value !== '') checkReadable(ctx, input, path, name === 'tail' ? 'Path' : 'journal Path');
  }
}
