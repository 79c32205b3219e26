import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { editYaml, scratchFixture, summary, validateScratch } from './validate.test-support';

/** validate's helm-values check on the fluent-bit chart values a user sets (schema: libs/fluent-bit-values/schema). */

const VALUES = 'observability/fluent-bit/app/helmrelease.yaml';
let root: string;
beforeEach(() => {
  root = scratchFixture();
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const findingsAfter = (edit: (values: any) => void) => {
  editYaml(root, VALUES, ([release]) => edit(release.spec.values));
  return validateScratch(root).findings;
};

describe('validate: fluent-bit chart values', () => {
  it('passes the values a user needs, as the chart honours them', () => {
    const findings = findingsAfter((values) => {
      values.image = { repository: 'cr.fluentbit.io/fluent/fluent-bit', tag: '5.1.1', digest: `sha256:${'ab'.repeat(32)}`, pullPolicy: 'IfNotPresent' };
      values.imagePullSecrets = [{ name: 'registry-credentials' }];
      values.podAnnotations = { 'fluentbit.io/exclude': 'true' };
      values.podLabels = { team: 'platform' };
      values.nodeSelector = { 'kubernetes.io/os': 'linux' };
      values.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '10%' } };
      values.terminationGracePeriodSeconds = 60;
      values.readinessProbe = { tcpSocket: { port: 'http' }, httpGet: null };
      values.serviceAccount = { create: true, annotations: { 'example.com/owner': 'platform' } };
      values.rbac = { create: true, nodeAccess: false };
    });
    expect(findings).toEqual([]);
  });

  it('explains a value the chart mishandles or ignores, in the chart`s terms, with the fix', () => {
    const findings = findingsAfter((values) => {
      values.terminationGracePeriodSeconds = 0;
      values.serviceMonitor.jobLabel = 'fluent-bit';
    });
    expect(summary(findings)).toEqual([
      {
        check: 'helm-values',
        severity: 'error',
        path: 'spec.values.terminationGracePeriodSeconds',
        message:
          'fluent-bit chart 0.58 values: the chart drops terminationGracePeriodSeconds: 0 (`{{- with .Values.terminationGracePeriodSeconds }}`, _pod.tpl L17, is false for 0), so pods get the default 30 s',
      },
      {
        check: 'helm-values',
        severity: 'error',
        path: 'spec.values.serviceMonitor.jobLabel',
        message: 'fluent-bit chart 0.58 values: the chart has no serviceMonitor.jobLabel: servicemonitor.yaml L13 hard-codes `jobLabel: app.kubernetes.io/instance`',
      },
    ]);
    expect(findings.map((f) => f.fix)).toEqual([
      'set 1 or more (1 is the shortest the chart can render), or leave it unset for the default 30 s',
      "remove it: the job label is the release's app.kubernetes.io/instance label",
    ]);
    // Located on the offending line of the HelmRelease.
    expect(findings.every((f) => f.file?.endsWith(VALUES) && typeof f.line === 'number')).toBe(true);
  });

  it('keeps the plain message and fix where the schema explains nothing', () => {
    const [finding] = findingsAfter((values) => (values.volumes = []));
    expect(finding).toMatchObject({ message: 'fluent-bit chart 0.58 values: unknown field `volumes`', fix: 'the chart ignores this key: host paths go in daemonSetVolumes/daemonSetVolumeMounts' });
  });
});
