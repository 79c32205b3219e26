/**
 * Lints a Fluent Bit 5.1.1 pipeline as the fluent-bit Helm chart (0.58.x) mounts it: every file in
 * /fluent-bit/etc/conf/, fluent-bit.conf (or `entryPoint`) as the entry point, the process started
 * with `--workdir=/fluent-bit/etc` (so relative paths are tried in /fluent-bit/etc first). Files
 * named `*.yaml`/`*.yml` are read in the YAML format (./parse-yaml.ts) into the same sections, so
 * the same checks run on both formats.
 *
 * This module runs the loader (./lint/load.ts) and the checks (./lint/checks/) in order; they share
 * one LintContext (./lint/context.ts).
 */
import { checkCredentials } from './lint/checks/credentials';
import { checkEnvReferences } from './lint/checks/env-references';
import { checkMainKinds, checkPlugin, checkServiceKeys } from './lint/checks/keys';
import { checkModify, checkRecordModifier } from './lint/checks/modify';
import { checkMounts } from './lint/checks/mounts';
import { checkParsers, checkParsersFilePaths } from './lint/checks/parsers';
import { checkRetryLimit } from './lint/checks/retry-limit';
import { checkRouting } from './lint/checks/routing';
import { checkSinkLineSize } from './lint/checks/sink-line-size';
import { checkTailBuffers, checkTailLosses } from './lint/checks/silent-losses';
import { checkStorage } from './lint/checks/storage';
import { checkUnusedFiles } from './lint/checks/unused-files';
import { checkVictoriaLogs } from './lint/checks/victoria-logs';
import { createContext, sortedFindings } from './lint/context';
import { loadEntryPoint, loadParsers, loadUpstreams } from './lint/load';
import { collectProducers } from './lint/producers';
import { pluginName, serviceValue } from './lint/sections';
import { isYamlFile } from './parse-yaml';
import { PARSER_FILE_KINDS } from './lint/constants';
import type { ConfigSection, PipelineFinding, PipelineInput } from './types';

export { CONFIG_DIR, WORK_DIR, IMAGE_PARSERS_FILE } from './lint/constants';

/**
 * The sections Fluent Bit runs: the entry point's and those of the files it includes, in load
 * order (parsers files not included). For checks outside the lint that read the configuration.
 */
export function pipelineSections(input: Pick<PipelineInput, 'files' | 'entryPoint'>): ConfigSection[] {
  const ctx = createContext({ mounts: [], imageParsers: [], ...input });
  return loadEntryPoint(ctx) ?? [];
}

/** Lints a pipeline (the checks are listed in the package index). */
export function lintPipeline(input: PipelineInput): PipelineFinding[] {
  const ctx = createContext(input);

  // 1. parse the entry point and its @INCLUDEs
  const loaded = loadEntryPoint(ctx);
  if (!loaded) return ctx.findings;
  // YAML files may define parsers inline (flb_config.c: "Yaml allow parsers definitions in any Yaml file").
  const isInlineParser = (section: ConfigSection) => isYamlFile(section.file) && PARSER_FILE_KINDS.includes(section.kind);
  const inlineParsers = loaded.filter(isInlineParser);
  const main = loaded.filter((section) => !isInlineParser(section));
  checkMainKinds(ctx, main);
  const service = main.filter((section) => section.kind === 'SERVICE');
  const inputs = main.filter((section) => section.kind === 'INPUT');
  const filters = main.filter((section) => section.kind === 'FILTER');
  const outputs = main.filter((section) => section.kind === 'OUTPUT');
  const customs = main.filter((section) => section.kind === 'CUSTOM');

  // 1 + 4. parsers files
  const parsers = loadParsers(ctx, service, inlineParsers);

  // 2. known plugins and keys
  checkServiceKeys(ctx, service);
  for (const section of [...customs, ...inputs, ...filters, ...outputs]) checkPlugin(ctx, section);
  loadUpstreams(ctx, [...outputs]);

  // 3 + 5. routing and buffering
  const storagePath = serviceValue(service, 'storage.path');
  const producers = collectProducers(inputs, filters);
  checkRouting(ctx, producers, filters, outputs);
  checkStorage(ctx, inputs, outputs, producers, storagePath);

  // 4. parser names
  checkParsers(ctx, parsers, inputs, filters);

  // 6 - 9. plugin-specific checks
  for (const output of outputs) {
    if (pluginName(output) === 'http') checkVictoriaLogs(ctx, output);
    checkRetryLimit(ctx, output);
  }
  for (const input of inputs) {
    if (pluginName(input) !== 'tail') continue;
    checkTailLosses(ctx, input);
    checkTailBuffers(ctx, input);
  }
  checkParsersFilePaths(ctx, service);
  for (const filter of filters) {
    if (pluginName(filter) === 'modify') checkModify(ctx, filter);
    if (pluginName(filter) === 'record_modifier') checkRecordModifier(ctx, filter);
  }
  checkMounts(ctx, service, inputs, storagePath);

  // 12. records within the sink's line limit
  checkSinkLineSize(ctx, producers, filters, outputs, service, parsers);

  // 10. ${VAR} left for Fluent Bit
  checkEnvReferences(ctx);

  // 11. credentials only through the environment
  checkCredentials(ctx, ctx.allSections);

  checkUnusedFiles(ctx);
  return sortedFindings(ctx);
}
