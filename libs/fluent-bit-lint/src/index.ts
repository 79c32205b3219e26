/**
 * Parser and linter for Fluent Bit 5.1.1 configuration, classic mode and YAML, as the fluent-bit
 * Helm chart 0.58.x mounts it (/fluent-bit/etc/conf, workdir /fluent-bit/etc). The entry point is
 * `PipelineInput.entryPoint` (fluent-bit.conf by default); `*.yaml`/`*.yml` files are read in the
 * YAML format (parseYamlConfig) into the same sections, so every check below applies to both.
 *
 * lintPipeline reports (errors unless noted):
 *  1. syntax problems, and @INCLUDE / Parsers_File targets that do not exist;
 *  2. unknown section kinds, plugins and property keys (tables in ./fluent-bit-5.1.1.ts), with the
 *     closest known key as the fix;
 *  3. FILTER/OUTPUT Match / Match_Regex that match no INPUT tag; an INPUT no OUTPUT matches (warning);
 *  4. [PARSER] names already defined by the image's parsers.conf or defined twice; references to
 *     parsers and multiline parsers defined nowhere;
 *  5. storage.total_limit_size on an output no filesystem-buffered input feeds; storage.type
 *     filesystem without [SERVICE] storage.path;
 *  6. http outputs to VictoriaLogs /insert/jsonline without Format json_lines or _msg_field;
 *     X-Scope-OrgID without both AccountID and ProjectID, only one of them, or one not a uint32;
 *  7. modify rules (Add, Set, Rename, Copy, Hard_rename, Hard_copy, Remove...) with the wrong
 *     number of words, record_modifier Record without KEY VALUE;
 *  8. tail/systemd DB and [SERVICE] storage.path outside a writable mount; tail Path outside any mount;
 *  9. Retry_Limit syntax, and small Retry_Limit values (warning); a tail buffer_chunk_size above
 *     buffer_max_size (Fluent Bit does not start);
 * 10. `${VAR}` left in a value after Flux substitution (warning);
 * 11. a credential (password, secret, token, API key) written inline instead of `${VAR}` from env;
 * 12. a tail input whose largest record (line buffer or multiline join, JSON escaping, what filters
 *     add; ./record-size.ts) is above the sink's line limit (`sinkMaxLineBytes`, when given);
 * plus files in `files` that nothing loads (warning).
 */
export type {
  ConfigDirective,
  ConfigProperty,
  ConfigSection,
  ParsedClassicConfig,
  PipelineFinding,
  PipelineInput,
} from './types';
export { parseClassicConfig, parserNames, sectionLabel } from './parse';
export { parseYamlConfig, isYamlFile } from './parse-yaml';
export { pluginName, prop, serviceValue } from './lint/sections';
export { globsIntersect, sizeInBytes } from './util';
export { lintPipeline, pipelineSections, CONFIG_DIR, WORK_DIR, IMAGE_PARSERS_FILE } from './lint';
export * from './record-size';
export { chartConfigFiles, chartConfigLocation, CHART_DEFAULT_MOUNTS, type ChartConfigValues } from './chart';
export { IMAGE_PARSERS } from './generated/image-parsers';
