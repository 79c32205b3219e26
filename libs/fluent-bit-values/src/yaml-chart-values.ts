import { collectorValues, refuseHelmTemplates, type FluentBitChartOptions } from './chart-values';
import type { FluentBitChartValues } from './generated/chart-values';
import { CHART_CONFIG_DIR, CUSTOM_PARSERS_FILE } from './paths';
import type { Pipeline } from './pipeline/model';
import { toYamlConfig } from './pipeline/yaml';

/** The `config.extraFiles` key of the YAML configuration: /fluent-bit/etc/conf/fluent-bit.yaml in the pod. */
export const YAML_CONFIG_FILE = 'fluent-bit.yaml';

/**
 * The chart's default `args` (values.yaml) are `--workdir=/fluent-bit/etc` and
 * `--config=/fluent-bit/etc/conf/fluent-bit.conf`; Helm replaces a list as a whole, so both are
 * given, with `--config` pointing at the YAML file. `command` stays the chart's default
 * (`/fluent-bit/bin/fluent-bit`).
 */
export const YAML_CONFIG_ARGS: readonly [string, ...string[]] = ['--workdir=/fluent-bit/etc', `--config=${CHART_CONFIG_DIR}/${YAML_CONFIG_FILE}`];

/** Chart values whose container `args` start Fluent Bit with the YAML configuration. */
export type FluentBitYamlChartValues = FluentBitChartValues & { args: [string, ...string[]] };

/**
 * The YAML configuration defines the pipeline's parsers inline, so it does not load the chart's
 * custom_parsers.conf (which is left empty): loading a file that defines them too would be a
 * duplicate ("parser named ... already exists") and Fluent Bit would not start.
 */
function withoutChartParsersFile(pipeline: Pipeline): Pipeline {
  // Rebuilt key by key: the service keeps its order, parsers_file in its place or gone.
  const entries = Object.entries(pipeline.service).flatMap(([key, value]: [string, unknown]) => {
    if (key !== 'parsers_file') return [[key, value]];
    const files = (value as readonly string[] | undefined)?.filter((file) => file !== CUSTOM_PARSERS_FILE) ?? [];
    return files.length > 0 ? [[key, files]] : [];
  });
  return { ...pipeline, service: Object.fromEntries(entries) as Pipeline['service'] };
}

/**
 * Values for the fluent-bit chart 0.58.x running the pipeline from Fluent Bit's YAML
 * configuration: the collector's values (chart-values.ts), the pipeline
 * `config.extraFiles['fluent-bit.yaml']` (mounted at /fluent-bit/etc/conf/fluent-bit.yaml) and
 * `args` start Fluent Bit with it.
 *
 * The chart's ConfigMap always has `fluent-bit.conf` (config.service + inputs + filters +
 * outputs) and `custom_parsers.conf` (config.customParsers); their defaults are a tail input, the
 * kubernetes filter and two `es` outputs. They are set to empty strings, so the ConfigMap holds no
 * second, contradictory pipeline: `fluent-bit.conf` is blank and nothing loads it.
 *
 */
export function fluentBitYamlChartValues(options: FluentBitChartOptions): FluentBitYamlChartValues {
  const pipeline = withoutChartParsersFile(options.pipeline);
  const yaml = toYamlConfig(pipeline);
  refuseHelmTemplates(yaml);
  return {
    ...collectorValues(options),
    args: [...YAML_CONFIG_ARGS],
    config: { service: '', inputs: '', filters: '', outputs: '', customParsers: '', extraFiles: { [YAML_CONFIG_FILE]: yaml } },
  };
}
