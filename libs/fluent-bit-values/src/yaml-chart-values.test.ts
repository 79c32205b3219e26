import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { IMAGE_PARSERS, VICTORIA_LOGS_DEFAULT_MAX_LINE_BYTES, chartConfigFiles, lintPipeline } from '@gitops/fluent-bit-lint';
import { validateFluentBitChartValues } from '@gitops/k8s-schemas';
import { EVERY_NODE, fluentBitChartValues, type FluentBitChartOptions } from './chart-values';
import { TALOS_HOST_PATHS } from './paths';
import { logShippingPipeline } from './log-shipping';
import { containerLogsOnly, withAuditLogs } from './pipeline-options.test-support';
import { toYamlConfig } from './pipeline/yaml';
import { YAML_CONFIG_FILE, fluentBitYamlChartValues } from './yaml-chart-values';

const pipeline = logShippingPipeline(withAuditLogs);
const options: FluentBitChartOptions = {
  name: 'fluent-bit',
  pipeline,
  resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '200m', memory: '128Mi' } },
  reads: [
    { volume: 'containerlogs', path: TALOS_HOST_PATHS.containerLogs, type: 'Directory' },
    { volume: 'podlogs', path: TALOS_HOST_PATHS.podLogs, type: 'Directory' },
    { volume: 'auditlogs', path: TALOS_HOST_PATHS.auditLogs, type: 'Directory' },
  ],
  stateDir: TALOS_HOST_PATHS.state,
  runAs: { user: 0, group: 0 },
  placement: EVERY_NODE,
  kubernetesApi: true,
};

describe('fluent-bit chart values with a YAML configuration', () => {
  const values = fluentBitYamlChartValues(options);
  const yaml = values.config.extraFiles![YAML_CONFIG_FILE]!;

  it('mounts the YAML as extraFiles fluent-bit.yaml and starts Fluent Bit with it, workdir kept', () => {
    expect(values.args).toEqual(['--workdir=/fluent-bit/etc', '--config=/fluent-bit/etc/conf/fluent-bit.yaml']);
    expect(values).not.toHaveProperty('command'); // the chart's /fluent-bit/bin/fluent-bit
    expect(Object.keys(values.config.extraFiles!)).toEqual(['fluent-bit.yaml']);
  });

  it('passes our closed chart-values schema (args are values the chart honours)', () => {
    expect(validateFluentBitChartValues(values)).toEqual([]);
  });

  it('empties the classic config keys, so the ConfigMap holds no second pipeline (the chart`s default es outputs)', () => {
    expect(values.config).toMatchObject({ service: '', inputs: '', filters: '', outputs: '', customParsers: '' });
  });

  it('defines the parsers inline and does not load the (empty) custom_parsers.conf', () => {
    expect(yaml).not.toContain('custom_parsers.conf');
    expect(yaml).toContain('  parsers_file: /fluent-bit/etc/parsers.conf\n');
    expect(yaml).toContain('parsers:\n  - name: cri-log\n');
    const service = { ...pipeline.service, parsers_file: ['/fluent-bit/etc/parsers.conf'] };
    expect(yaml).toBe(toYamlConfig({ ...pipeline, service }));
    expect(parseDocument(yaml, { uniqueKeys: false }).errors).toEqual([]);
  });

  it('keeps everything else of the classic values', () => {
    const classic = fluentBitChartValues(options);
    const { args: _args, config: _config, ...rest } = values;
    const { config: _classicConfig, ...classicRest } = classic;
    expect(rest).toEqual(classicRest);
  });

  it.each([
    ['container logs only', containerLogsOnly],
    ['with audit logs', withAuditLogs],
  ])('passes the pipeline lint on the files the chart mounts, read from fluent-bit.yaml, records within VictoriaLogs` default line limit (%s)', (_, pipelineOptions) => {
    const chart = fluentBitYamlChartValues({ ...options, pipeline: logShippingPipeline(pipelineOptions) });
    const files = chartConfigFiles({ ...chart.config, extraFiles: { [YAML_CONFIG_FILE]: chart.config.extraFiles![YAML_CONFIG_FILE]! } });
    expect(Object.keys(files).sort()).toEqual(['custom_parsers.conf', 'fluent-bit.conf', 'fluent-bit.yaml']);
    const mounts = chart.daemonSetVolumeMounts!.map((mount) => ({ mountPath: mount.mountPath, readOnly: mount.readOnly ?? false }));
    // The entry point is the file the container's args start Fluent Bit with.
    const entryPoint = chart.args!.find((arg) => arg.startsWith('--config='))!.split('/').pop()!;
    expect(lintPipeline({ files, entryPoint, mounts, imageParsers: IMAGE_PARSERS, sinkMaxLineBytes: VICTORIA_LOGS_DEFAULT_MAX_LINE_BYTES })).toEqual([]);
  });

  it('refuses "{{", which the chart`s Helm tpl would evaluate', () => {
    const templated = { ...pipeline, filters: [{ name: 'modify' as const, match: 'kube.*', set: { cluster: '{{ .Release.Name }}' } }] };
    expect(() => fluentBitYamlChartValues({ ...options, pipeline: templated })).toThrow(/Helm tpl/);
  });
});
