import { describe, expect, it } from 'vitest';
import type { VMRule, VMServiceScrape } from '@gitops/api-types';
import { substituteObject } from '@gitops/flux-envsubst';
import type { ManifestFile } from '@gitops/manifest';
import { promqlMetricNames, promqlSyntaxErrors } from '@gitops/vmrule';
import { FLUENT_BIT_ALERTS } from './alerts';
import { renderDemo as render, validSettings } from './fixture.test-support';

const APP = 'observability/fluent-bit/app';
const documentAt = <T>(files: ManifestFile[], path: string): T => {
  const file = files.find((f) => f.path === path);
  if (!file) throw new Error(`no ${path} among ${files.map((f) => f.path).join(', ')}`);
  return file.documents[0] as T;
};
const rulesOf = (files: ManifestFile[]) => documentAt<VMRule>(files, `${APP}/vmrule.yaml`).spec.groups.flatMap((g) => g.rules);
const exprOf = (files: ManifestFile[], alert: string) => rulesOf(files).find((r) => r.alert === alert)!.expr!;

/**
 * Fluent Bit 5.1.1's families on /api/v2/metrics/prometheus that the rules may read (measured:
 * /work/scratch/metrics-v2.txt; sources fluent/fluent-bit@v5.1.1 src/flb_output.c L1500-1620,
 * src/flb_input.c L1603-1824), kube-state-metrics' and vmagent's `up`.
 */
const FLUENT_BIT_V2 = [
  'fluentbit_input_long_line_skipped_total',
  'fluentbit_input_records_total',
  'fluentbit_output_chunk_available_capacity_percent',
  'fluentbit_output_dropped_records_total',
  'fluentbit_output_proc_records_total',
  'fluentbit_output_retries_failed_total',
];
const KUBE_STATE_METRICS = ['kube_daemonset_status_number_unavailable', 'kube_pod_owner', 'kube_pod_status_ready'];

describe('the Fluent Bit alerting rules', () => {
  const files = render();
  const rules = rulesOf(files);

  it('are listed in the app kustomization', () => {
    expect(documentAt<{ resources: string[] }>(files, `${APP}/kustomization.yaml`).resources).toContain('vmrule.yaml');
  });

  it('hold every alert validate requires, in one group', () => {
    const vmrule = documentAt<VMRule>(files, `${APP}/vmrule.yaml`);
    expect(vmrule.metadata).toEqual({ name: 'fluent-bit', namespace: 'observability' });
    expect(vmrule.spec.groups.map((g) => g.name)).toEqual(['fluent-bit']);
    expect(rules.map((r) => r.alert).sort()).toEqual(Object.values(FLUENT_BIT_ALERTS).sort());
  });

  it.each(Object.values(FLUENT_BIT_ALERTS))('%s parses as PromQL, has for, a severity, a summary and a description naming the pod', (alert) => {
    const rule = rules.find((r) => r.alert === alert)!;
    expect(promqlSyntaxErrors(rule.expr!)).toEqual([]);
    expect(rule.for).toMatch(/^\d+m$/);
    expect(['critical', 'warning']).toContain(rule.labels?.['severity']);
    expect(rule.annotations?.['summary']).toBeTruthy();
    expect(rule.annotations?.['description']).toBeTruthy();
    expect(`${rule.annotations?.['summary']} ${rule.annotations?.['description']}`).toMatch(/\{\{ \$labels\.pod \}\}|daemonset fluent-bit/);
  });

  it('read only metrics Fluent Bit 5.1.1 serves on /api/v2/metrics/prometheus, kube-state-metrics or up', () => {
    const used = new Set(rules.flatMap((r) => promqlMetricNames(r.expr!)));
    expect([...used].filter((name) => ![...FLUENT_BIT_V2, ...KUBE_STATE_METRICS, 'up'].includes(name))).toEqual([]);
    expect([...used].sort()).toEqual([...FLUENT_BIT_V2, ...KUBE_STATE_METRICS, 'up'].sort());
  });

  it('select the release`s own series: its namespace and Service, or its DaemonSet', () => {
    for (const rule of rules) expect(rule.expr).toMatch(/namespace="observability"/);
    expect(exprOf(files, FLUENT_BIT_ALERTS.droppedRecords)).toContain('service="fluent-bit"');
    expect(exprOf(files, FLUENT_BIT_ALERTS.podNotReady)).toContain('owner_kind="DaemonSet", owner_name="fluent-bit"');
    expect(exprOf(files, FLUENT_BIT_ALERTS.daemonSetUnavailable)).toContain('daemonset="fluent-bit"');
  });

  it('pair each output with the inputs its Match routes to it (Fluent Bit names them <plugin>.<n>)', () => {
    const stalled = exprOf(files, FLUENT_BIT_ALERTS.outputStalled);
    expect(stalled).toContain('fluentbit_output_proc_records_total{namespace="observability", service="fluent-bit", name="http.0"}[10m]');
    expect(stalled).toContain('fluentbit_input_records_total{namespace="observability", service="fluent-bit", name="tail.0"}[10m]');
    expect(stalled).not.toContain('http.1');
    // The audit collector's own rules, on its own Service.
    const audit = (files.find((f) => f.path === `${APP}/vmrule.yaml`)!.documents[1] as VMRule).spec.groups.flatMap((g) => g.rules);
    const auditStalled = audit.find((r) => r.alert === FLUENT_BIT_ALERTS.outputStalled)!.expr!;
    expect(auditStalled).toContain('fluentbit_output_proc_records_total{namespace="observability", service="fluent-bit-audit", name="http.0"}[10m]');
    expect(auditStalled).toContain('fluentbit_input_records_total{namespace="observability", service="fluent-bit-audit", name="tail.0"}[10m]');
    const containersOnly = exprOf(render({ ...validSettings(), auditLogs: { enabled: false } }), FLUENT_BIT_ALERTS.outputStalled);
    expect(containersOnly).toContain('name="http.0"');
    expect(containersOnly).not.toContain('http.1');
    expect(promqlSyntaxErrors(containersOnly)).toEqual([]);
  });

  it('alert on a queue more than 80% full', () => {
    expect(exprOf(files, FLUENT_BIT_ALERTS.queueNearlyFull)).toMatch(/fluentbit_output_chunk_available_capacity_percent\{[^}]*\}\) < 20$/);
  });

  it('come through Flux substitution unchanged (vmalert templates are not Flux variables)', () => {
    const vmrule = documentAt<VMRule>(files, `${APP}/vmrule.yaml`);
    expect(substituteObject(vmrule as unknown as Record<string, unknown>, {}, { strict: true })).toEqual(vmrule);
  });
});

describe('the VMServiceScrape', () => {
  it('reads /api/v2/metrics/prometheus, which carries the storage and output queue metrics (v1 has none)', () => {
    expect(documentAt<VMServiceScrape>(render(), `${APP}/vmservicescrape.yaml`).spec.endpoints?.map((e) => e.path)).toEqual(['/api/v2/metrics/prometheus']);
  });
});
