import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REQUIRED_FLUENT_BIT_ALERTS } from './alerts';
import { editYaml, scratchFixture, summary, validateScratch } from './validate.test-support';
import { validateCluster } from './validate-cluster';

const APP = 'observability/fluent-bit/app';
const roots: string[] = [];
const scratch = () => {
  const root = scratchFixture();
  roots.push(root);
  return root;
};
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

/** The fixture cluster, rendered, with one edit to its VMRule (or other app file), then validated. */
const validateEdited = (file: string, edit: (documents: any[]) => void) => {
  const root = scratch();
  editYaml(root, file, edit);
  return validateScratch(root).findings;
};
const errors = (findings: ReturnType<typeof validateEdited>) => summary(findings).filter((f) => f.severity === 'error');
const alertNames = (documents: any[]): string[] => documents[0].spec.groups.flatMap((g: any) => g.rules.map((r: any) => r.alert));

describe('validate: the Fluent Bit release is watched', () => {
  it('stays quiet on the valid render (VMRule schema-checked, exprs parse, v2 path, every concern covered)', () => {
    const report = validateScratch(scratch());
    expect(summary(report.findings)).toEqual([]);
    // One VMRule per collector: the node collector's and the audit collector's.
    expect(report.objects['VMRule']).toBe(2);
  });

  it('reports an expr that does not parse, naming the rule and where', () => {
    const findings = validateEdited(`${APP}/vmrule.yaml`, (documents) => {
      documents[0].spec.groups[0].rules[1].expr = 'sum by (pod) (increase(fluentbit_output_dropped_records_total[10m]) > 0';
    });
    expect(errors(findings)).toEqual([
      expect.objectContaining({
        check: 'cross-reference',
        path: 'spec.groups[0].rules[1].expr',
        message: expect.stringMatching(/^FluentBitOutputDroppedRecords in group "fluent-bit": expr does not parse as PromQL at column \d+/),
      }),
    ]);
    const located = findings.find((f) => f.path === 'spec.groups[0].rules[1].expr')!;
    expect(located.file).toBe(join('kubernetes/clusters/fixture', APP, 'vmrule.yaml'));
    expect(located.object).toEqual({ kind: 'VMRule', namespace: 'observability', name: 'fluent-bit' });
  });

  it('reports a rule without an expression', () => {
    const findings = validateEdited(`${APP}/vmrule.yaml`, (documents) => {
      delete documents[0].spec.groups[0].rules[0].expr;
    });
    expect(errors(findings)).toContainEqual(expect.objectContaining({ path: 'spec.groups[0].rules[0].expr', message: expect.stringContaining('has no expression') }));
  });

  it('reports a cluster whose VMRule group is missing, naming every missing alert', () => {
    const root = scratch();
    // vmrule.yaml no longer listed in the app's kustomization: Flux applies no VMRule.
    editYaml(root, `${APP}/kustomization.yaml`, (documents) => {
      documents[0].resources = documents[0].resources.filter((r: string) => r !== 'vmrule.yaml');
    });
    const findings = validateScratch(root).findings;
    expect(summary(findings)).toContainEqual(expect.objectContaining({ severity: 'warning', message: expect.stringContaining('nothing applies it') }));
    const found = errors(findings);
    expect(found.map((f) => f.message.split(':')[0])).toEqual([
      'no VMRule group alerts on Fluent Bit release observability/fluent-bit',
      'no VMRule group alerts on Fluent Bit release observability/fluent-bit-audit',
    ]);
    expect(found[0]).toMatchObject({ check: 'cross-reference', path: 'metadata.name' });
    for (const { concern } of REQUIRED_FLUENT_BIT_ALERTS) expect(found[0]!.message).toContain(concern);
  });

  it('reports one collector`s missing alert group, even with the other collector`s rules in place', () => {
    const findings = validateEdited(`${APP}/vmrule.yaml`, (documents) => documents.splice(1, 1));
    expect(errors(findings)).toEqual([
      expect.objectContaining({ check: 'cross-reference', path: 'metadata.name', message: expect.stringContaining('no VMRule group alerts on Fluent Bit release observability/fluent-bit-audit: missing') }),
    ]);
  });

  it('reports each alert missing from the group', () => {
    const findings = validateEdited(`${APP}/vmrule.yaml`, (documents) => {
      const group = documents[0].spec.groups[0];
      group.rules = group.rules.filter((r: any) => !['FluentBitOutputQueueNearlyFull', 'FluentBitOutputStalled'].includes(r.alert));
      expect(alertNames(documents)).toHaveLength(6);
    });
    expect(errors(findings).map((f) => [f.path, f.message])).toEqual([
      ['spec.groups[0]', 'no alerting rule for Fluent Bit release observability/fluent-bit on a filesystem queue above 80% of storage.total_limit_size: fluentbit_output_chunk_available_capacity_percent'],
      ['spec.groups[0]', 'no alerting rule for Fluent Bit release observability/fluent-bit on an output delivering nothing while its inputs read: fluentbit_output_proc_records_total with fluentbit_input_records_total'],
    ]);
  });

  it('accepts either kube-state-metrics signal for a collector pod not ready', () => {
    const findings = validateEdited(`${APP}/vmrule.yaml`, (documents) => {
      const group = documents[0].spec.groups[0];
      group.rules = group.rules.filter((r: any) => r.alert !== 'FluentBitPodNotReady');
    });
    expect(errors(findings)).toEqual([]);
  });

  it('reports the v1 metrics path: no storage metrics', () => {
    const findings = validateEdited(`${APP}/vmservicescrape.yaml`, (documents) => {
      documents[0].spec.endpoints[0].path = '/api/v1/metrics/prometheus';
    });
    expect(errors(findings)).toEqual([
      {
        check: 'cross-reference',
        severity: 'error',
        path: 'spec.endpoints[0].path',
        message: expect.stringContaining("scrapes /api/v1/metrics/prometheus of Service fluent-bit: Fluent Bit 5.1.1's v1 endpoint has no storage metrics"),
      },
    ]);
  });

  it('reports a scrape without a path (the default /metrics, which Fluent Bit does not serve)', () => {
    const findings = validateEdited(`${APP}/vmservicescrape.yaml`, (documents) => {
      delete documents[0].spec.endpoints[0].path;
    });
    expect(errors(findings)).toContainEqual(expect.objectContaining({ path: 'spec.endpoints[0].path', message: expect.stringContaining('/metrics (the default)') }));
  });

  it('reports an unknown field in a rule by the VMRule schema', () => {
    const findings = validateEdited(`${APP}/vmrule.yaml`, (documents) => {
      documents[0].spec.groups[0].rules[0].severity = 'critical';
    });
    expect(errors(findings)).toContainEqual(expect.objectContaining({ check: 'schema', message: expect.stringContaining('severity') }));
  });

  it('reports the story`s manifests: a fluent-bit release with no VMRule, scraped on the v1 path', () => {
    const report = validateCluster({
      cluster: 'story',
      repoRoot: join(import.meta.dirname, 'fixtures/story'),
      folders: ['kubernetes'],
      external: { kustomizations: ['observability-victoria-logs'], namespaces: [] },
    });
    expect(summary(report.findings)).toContainEqual(expect.objectContaining({ message: expect.stringContaining('no VMRule group alerts on Fluent Bit release observability/fluent-bit') }));
    expect(summary(report.findings)).toContainEqual(expect.objectContaining({ path: 'spec.endpoints[0].path', message: expect.stringContaining('v1 endpoint has no storage metrics') }));
  });
});
