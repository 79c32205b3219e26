import { describe, expect, it } from 'vitest';
import { IMAGE_PARSERS } from '@gitops/fluent-bit-lint';
import { logShippingPipeline } from './log-shipping';
import { containerLogsOnly as options, withAuditLogs as withAudit } from './pipeline-options.test-support';
import { toClassicConfig } from './pipeline/classic';

describe('log shipping pipeline (corrections to the story)', () => {
  const pipeline = logShippingPipeline(options);
  const [tail] = pipeline.inputs;
  const [output] = pipeline.outputs;

  it('sends JSON lines, which /insert/jsonline accepts (the story`s `json` sends one array: 400, dropped)', () => {
    expect(output!.format).toBe('json_lines');
    expect(output!.json_date_key).toBe('_time');
    expect(output!.json_date_format).toBe('iso8601');
  });

  it('tells VictoriaLogs where the message is and which fields make a stream', () => {
    const uri = new URL(output!.uri, 'http://sink');
    expect(uri.pathname).toBe('/insert/jsonline');
    expect(uri.searchParams.get('_msg_field')).toBe('log,message,msg');
    expect(uri.searchParams.get('_stream_fields')).toBe('cluster,k8s_namespace_name,k8s_pod_name,k8s_container_name');
  });

  it('sets the tenant with AccountID/ProjectID headers, not X-Scope-OrgID', () => {
    expect(output!.header).toEqual({ AccountID: '0', ProjectID: '0' });
  });

  it('logs warnings and errors only, not a line per successful request that the node would then ship', () => {
    expect(output!.log_level).toBe('warn');
  });

  it('never drops a chunk after a few retries, and caps the backoff', () => {
    expect(output!.retry_limit).toBe('no_limits');
    expect(pipeline.service['scheduler.cap']).toBe(30);
  });

  it('buffers on the filesystem, so the output queue limit applies and a restart loses nothing', () => {
    expect(tail!['storage.type']).toBe('filesystem');
    expect(pipeline.service['storage.path']).toBe('/var/fluent-bit/state/flb-storage/');
    expect(output!['storage.total_limit_size']).toBe('864M');
    expect(pipeline.service['storage.max_chunks_up']).toBe(16);
  });

  it('reads each CRI line as a record of its own: joining partial lines has no size bound in 5.1.1', () => {
    expect(tail!.buffer_max_size).toBe('32k');
    expect(tail!.db).toBe('/var/fluent-bit/state/flb_kube.db');
    expect(tail!['multiline.parser']).toBeUndefined();
    expect(tail!.parser).toBe('cri-log');
    const parser = pipeline.parsers.find((p) => p.name === 'cri-log')!;
    const fields = new RegExp(parser.regex!.replace(/\(\?<(\w+)>/g, '(?<$1>')).exec('2026-12-01T03:22:21.123456789Z stderr P {"msg":"a b"}')?.groups;
    expect(fields).toEqual({ time: '2026-12-01T03:22:21.123456789Z', stream: 'stderr', logtag: 'P', log: '{"msg":"a b"}' });
  });

  it('reads files that exist at first start from the beginning (the position DB prevents re-reads)', () => {
    expect(tail!.read_from_head).toBe(true);
    expect(logShippingPipeline(withAudit).inputs[1]!.read_from_head).toBe(true);
  });

  it('loads parsers by absolute path and defines no parser the image already has (fatal on 5.1)', () => {
    expect(pipeline.service.parsers_file).toEqual(['/fluent-bit/etc/parsers.conf', '/fluent-bit/etc/conf/custom_parsers.conf']);
    // The image's parsers.conf, as generated from shared/fluent-bit by codegen (sha256-pinned).
    const builtIn = IMAGE_PARSERS;
    expect(builtIn).toContain('docker');
    expect(builtIn).toContain('cri');
    for (const parser of logShippingPipeline(withAudit).parsers) {
      expect(builtIn).not.toContain(parser.name.toLowerCase());
    }
  });

  it('stamps cluster and environment with `set`, then lifts Kubernetes metadata to k8s_*', () => {
    expect(pipeline.filters.map((filter) => filter.name)).toEqual(['kubernetes', 'modify', 'nest']);
    expect(pipeline.filters[1]).toMatchObject({ set: { cluster: 'infra', environment: 'production' } });
    expect(pipeline.filters[0]).toMatchObject({ merge_log: true, keep_log: false, labels: true, annotations: false });
  });

  it('ships only the streams asked for, and refuses a pipeline with none', () => {
    const { containerLogs: _, ...auditOnly } = withAudit;
    expect(logShippingPipeline(auditOnly).inputs.map((input) => input.tag)).toEqual(['audit.*']);
    expect(logShippingPipeline(auditOnly).filters.map((filter) => filter.name)).toEqual(['modify']);
    const { auditLogs: __, ...neither } = auditOnly;
    expect(() => logShippingPipeline(neither)).toThrow(/no stream to ship/);
  });

  it('collects no audit logs unless asked, and with audit every output has an input that feeds it', () => {
    expect(pipeline.inputs).toHaveLength(1);
    const audited = logShippingPipeline(withAudit);
    expect(audited.inputs.map((input) => [input.tag, input.path])).toEqual([
      ['kube.*', '/var/log/containers/*.log'],
      ['audit.*', '/var/log/audit/kube/kube-apiserver.log'],
    ]);
    const tags = new Set(audited.inputs.map((input) => input.tag));
    for (const section of [...audited.filters, ...audited.outputs]) expect(tags).toContain(section.match);
    const audit = audited.outputs.find((o) => o.match === 'audit.*')!;
    expect(audit.header).toEqual({ AccountID: '1', ProjectID: '0' });
    expect(audited.filters.at(-1)).toMatchObject({ match: 'audit.*', set: { log_type: 'audit' } });
    expect(audited.service.parsers_file).toContain('/fluent-bit/etc/conf/custom_parsers.conf');
  });

  it('serialises to classic config without template markers Helm `tpl` would evaluate', () => {
    const text = Object.values(toClassicConfig(logShippingPipeline(withAudit))).join('');
    expect(text).not.toContain('{{');
  });
});
