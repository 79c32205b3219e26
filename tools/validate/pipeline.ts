import { IMAGE_PARSERS, lintPipeline, serviceValue, VICTORIA_LOGS_DEFAULT_MAX_LINE_BYTES } from '@gitops/fluent-bit-lint';
import { memoryForChunks } from '@gitops/fluent-bit-values';
import { validateFluentBitChartValues } from '@gitops/k8s-schemas';
import { quantityValue } from '@gitops/manifest';
import type { BuiltObject } from './flux-build';
import type { Finding } from './findings';
import { objectRef } from './findings';
import type { NetworkFacts } from './cluster-model';
import { configFiles, containerMounts, entryPoint, fileLocation, httpOutputs, mainSections, sectionLocation, type FluentBitValues } from './fluent-bit-chart';

type Release = BuiltObject & { object: { spec?: { values?: FluentBitValues } } };

/** Ports the http outputs send to (numbers only, after substitution). */
export function outputPorts(values: FluentBitValues): number[] {
  return [...new Set(httpOutputs(values).map(({ port }) => port).filter((port) => Number.isInteger(port)))];
}

/**
 * The values against our closed schema of the chart: a key the chart ignores is an error, and so is
 * a value it mishandles, explained in the chart's terms by the schema's `x-message`/`x-fix`.
 */
export function chartValuesFindings(release: Release): Finding[] {
  const ref = objectRef(release.object);
  return validateFluentBitChartValues(release.object.spec?.values ?? {}).map((violation) => ({
    check: 'helm-values',
    severity: 'error',
    ...(release.file && { file: release.file }),
    ...(ref && { object: ref }),
    path: `spec.values${violation.path === '' || violation.path.startsWith('[') ? violation.path : `.${violation.path}`}`,
    message: `fluent-bit chart 0.58 values: ${violation.explanation ?? violation.message}`,
    fix: violation.fix ?? (!violation.message.includes('unknown field')
      ? 'fix the value to match the chart'
      : /^(volumes|volumeMounts)$/.test(violation.path)
        ? 'the chart ignores this key: host paths go in daemonSetVolumes/daemonSetVolumeMounts'
        : 'the chart ignores this key: remove it or use the key the chart reads (values.yaml)'),
  }));
}


/**
 * Lints the Fluent Bit configuration inside the values (already substituted by Flux), from the
 * file `args` starts Fluent Bit with, against the sink's line limit when the cluster states it.
 */
export function pipelineFindings(release: Release, sink?: NetworkFacts['logSink']): Finding[] {
  const values = release.object.spec?.values ?? {};
  const ref = objectRef(release.object);
  const findings: Finding[] = lintPipeline({
    files: configFiles(values),
    entryPoint: entryPoint(values),
    mounts: containerMounts(values),
    imageParsers: IMAGE_PARSERS,
    environment: (values.env ?? []).map((variable) => variable.name),
    // The cluster's stated sink limit, else VictoriaLogs' default: every release ships to some sink.
    sinkMaxLineBytes: sink?.maxLineBytes ?? VICTORIA_LOGS_DEFAULT_MAX_LINE_BYTES,
  }).map((f) => ({
    check: 'pipeline',
    severity: f.severity,
    ...(release.file && { file: release.file }),
    ...(ref && { object: ref }),
    // The values key holding the finding's line, and the line within that text (for file:line:column).
    ...fileLocation(values, f.file, f.line),
    message: `${f.section ? `${f.section}: ` : ''}${f.property ? `${f.property}: ` : ''}${f.message}`,
    fix: f.fix,
  }));

  // The last value wins across [SERVICE] sections, as in Fluent Bit; unset, its default 128.
  const service = mainSections(values).filter((s) => s.kind === 'SERVICE');
  const serviceAt = service.length > 0 ? sectionLocation(values, service[service.length - 1]!) : { path: 'spec.values.config' };
  const chunks = Number(serviceValue(service, 'storage.max_chunks_up')?.value || 128);
  const limit = values.resources?.limits?.memory;
  const limitBytes = limit === undefined ? undefined : quantityValue(limit);
  if (limitBytes !== undefined && memoryForChunks(chunks) > limitBytes) {
    findings.push({
      check: 'pipeline',
      severity: 'error',
      ...(release.file && { file: release.file }),
      ...(ref && { object: ref }),
      ...serviceAt,
      message: `storage.max_chunks_up ${chunks} (~${memoryForChunks(chunks) / 2 ** 20} MiB with Fluent Bit itself) does not fit the memory limit ${limit}`,
      fix: `lower storage.max_chunks_up to ${Math.max(1, Math.floor((limitBytes - memoryForChunks(0)) / (memoryForChunks(1) - memoryForChunks(0))))} or raise resources.limits.memory`,
    });
  }
  return findings;
}
