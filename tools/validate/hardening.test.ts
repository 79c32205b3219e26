/**
 * The log pipeline's hardening, as validate enforces it on a copy of the rendered fixture cluster:
 * each defect gives exactly one finding, and the valid render gives none.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { editFluentBitConfig, editYaml, FLUENT_BIT_CONFIG_PATH, scratchFixture, scratchTarget, summary } from './validate.test-support';
import { validateCluster } from './validate-cluster';

const APP = 'observability/fluent-bit/app';
const RELEASES = `${APP}/helmrelease.yaml`;
const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

/** The fixture cluster with one edit to one file, validated against its sink's stated limits. */
const findingsAfter = (file: string, edit: (documents: any[]) => void, maxLineBytes = 256 * 1024) => {
  const root = scratchFixture();
  roots.push(root);
  editYaml(root, file, edit);
  const target = scratchTarget(root);
  return summary(validateCluster({ ...target, network: { ...target.network!, logSink: { ...target.network!.logSink!, maxLineBytes } } }).findings);
};


describe('validate: least privilege for the collectors', () => {
  it('passes the rendered collectors: no capability, seccomp RuntimeDefault, no API path for the audit collector', () => {
    expect(findingsAfter(RELEASES, () => undefined)).toEqual([]);
  });

  it('reports an added capability, naming the Shocker escape for DAC_READ_SEARCH', () => {
    const findings = findingsAfter(RELEASES, ([node]) => (node.spec.values.securityContext.capabilities.add = ['DAC_READ_SEARCH']));
    expect(findings).toEqual([
      expect.objectContaining({ check: 'helm-values', severity: 'error', path: 'spec.values.securityContext.capabilities.add', message: expect.stringContaining('adds DAC_READ_SEARCH') }),
    ]);
    expect(findings[0]!.message).toContain('"Shocker" escape');
  });

  it('reports a collector without a seccomp profile', () => {
    const findings = findingsAfter(RELEASES, ([, audit]) => {
      delete audit.spec.values.securityContext.seccompProfile;
      delete audit.spec.values.podSecurityContext;
    });
    expect(findings).toEqual([expect.objectContaining({ check: 'helm-values', path: 'spec.values.securityContext', message: expect.stringContaining('without a seccomp profile') })]);
  });

  it('reports a privileged collector', () => {
    const findings = findingsAfter(RELEASES, ([node]) => (node.spec.values.securityContext.privileged = true));
    expect(findings).toEqual([expect.objectContaining({ path: 'spec.values.securityContext.privileged', message: expect.stringContaining('privileged') })]);
  });

  it('still requires the API server path for the collector that runs the kubernetes filter', () => {
    const findings = findingsAfter(`${APP}/networkpolicy.yaml`, ([node]) => node.spec.egress.splice(1, 1));
    expect(findings).toEqual([expect.objectContaining({ check: 'cross-reference', message: expect.stringContaining('the Kubernetes API server') })]);
  });
});

describe('validate: no record above the sink`s line limit', () => {
  it('reports a line buffer whose records exceed the limit, with the buffer that fits', () => {
    const findings = findingsAfter(RELEASES, ([node]) => editFluentBitConfig(node, (yaml) => yaml.replace('buffer_max_size: 32k', 'buffer_max_size: 256k')));
    expect(findings).toEqual([
      expect.objectContaining({ check: 'pipeline', severity: 'error', path: FLUENT_BIT_CONFIG_PATH, message: expect.stringMatching(/^\[INPUT\] tail \(tag kube\.\*\): buffer_max_size: a record can reach 1.?\d\d\d KiB .* above the sink's 256 KiB line limit/) }),
    ]);
  });

  it('reports CRI partial lines joined by the built-in multiline parser: no size bound in 5.1.1', () => {
    const findings = findingsAfter(RELEASES, ([node]) => editFluentBitConfig(node, (yaml) => yaml.replace('parser: cri-log', 'multiline.parser: docker, cri')));
    expect(findings).toEqual([expect.objectContaining({ check: 'pipeline', message: expect.stringContaining('multiline.parser docker joins partial lines into one record with no size bound') })]);
  });

  it('reports the audit collector when the sink takes shorter lines than its buffer (JSON lines grow by escaping Unicode)', () => {
    const lowered = findingsAfter(RELEASES, () => undefined, 240 * 1024);
    expect(lowered).toEqual([expect.objectContaining({ message: expect.stringMatching(/^\[INPUT\] tail \(tag audit\.\*\): buffer_max_size: a record can reach 255 KiB/) })]);
    const escaped = findingsAfter(RELEASES, ([, audit]) => editFluentBitConfig(audit, (yaml) => yaml.replace('json.escape_unicode: false', 'json.escape_unicode: true')));
    expect(escaped).toEqual([expect.objectContaining({ message: expect.stringContaining('up to 3x in JSON escaping') })]);
  });

  it('stays quiet on kubernetes annotations off, and reports them on: up to 256 KiB more per record', () => {
    const findings = findingsAfter(RELEASES, ([node]) => editFluentBitConfig(node, (yaml) => yaml.replace('annotations: false', 'annotations: true')));
    expect(findings).toEqual([expect.objectContaining({ message: expect.stringContaining('288 KiB added by filters') })]);
  });
});
