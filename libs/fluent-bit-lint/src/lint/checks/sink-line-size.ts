/** 12. Records larger than the sink's line limit: VictoriaLogs drops them and answers 200. */
import {
  escapeFactor,
  KUBERNETES_ANNOTATIONS_BYTES,
  KUBERNETES_METADATA_BYTES,
  largestRecordBytes,
  longestFittingLine,
} from '../../record-size';
import type { ConfigSection } from '../../types';
import { sizeInBytes } from '../../util';
import { TAIL_BUFFER_DEFAULT } from '../constants';
import { at, type LintContext } from '../context';
import type { LoadedParsers } from '../load';
import { matchesTag, type Producer } from '../producers';
import { lower, pluginName, prop, props, serviceValue, victoriaLogsJsonLinesPath } from '../sections';

/**
 * Built-in multiline parsers that join lines with no size bound in 5.1.1: cri (FLB_ML_EQ) and
 * docker (FLB_ML_ENDSWITH) concatenate without multiline_buffer_limit (src/multiline/flb_ml.c;
 * fluent/fluent-bit#9097, fix open as PR #12289). Measured: 200 CRI P lines became one 3.2 MB record.
 */
const UNBOUNDED_MULTILINE = new Set(['cri', 'docker']);
/** The service's multiline_buffer_limit default (include/fluent-bit/multiline/flb_ml.h), for regex multiline parsers. */
const MULTILINE_BUFFER_DEFAULT = '2MB';

const TRUE = new Set(['on', 'true', 'yes', '1']);
const isOn = (value: string | undefined, byDefault: boolean) => (value === undefined ? byDefault : TRUE.has(lower(value)));
const kib = (bytes: number) => `${Math.round(bytes / 1024)} KiB`;


export function checkSinkLineSize(
  ctx: LintContext,
  producers: Producer[],
  filters: ConfigSection[],
  outputs: ConfigSection[],
  service: ConfigSection[],
  parsers: LoadedParsers,
): void {
  // Only against a stated limit: the lint does not know the sink (validate states the cluster's, or VictoriaLogs' default).
  const limit = ctx.input.sinkMaxLineBytes;
  // The outputs to VictoriaLogs' JSON-lines endpoint: the sink whose line limit applies.
  const sinkOutputs = outputs.filter((output) => victoriaLogsJsonLinesPath(output) !== undefined);
  if (limit === undefined || sinkOutputs.length === 0) return;
  const escapeUnicode = isOn(serviceValue(service, 'json.escape_unicode')?.value, true);
  for (const producer of producers) {
    const input = producer.section;
    if (input.kind !== 'INPUT' || pluginName(input) !== 'tail') continue;
    if (!sinkOutputs.some((output) => matchesTag(output, producer) !== false)) continue;

    const multiline = prop(input, 'multiline.parser');
    const joiners = (multiline?.value ?? '').split(',').map((name) => lower(name.trim())).filter(Boolean);
    const unbounded = joiners.find((name) => UNBOUNDED_MULTILINE.has(name));
    if (multiline && unbounded) {
      at(ctx, input, multiline, 'error',
        `multiline.parser ${unbounded} joins partial lines into one record with no size bound in Fluent Bit 5.1.1 (multiline_buffer_limit is not applied to it, fluent/fluent-bit#9097): a record above the sink's ${kib(limit)} line limit is dropped by VictoriaLogs, which still answers 200`,
        'parse each line on its own (a regex parser on the CRI line, `parser`), and leave partial (P) lines unjoined');
      continue;
    }
    const buffer = prop(input, 'buffer_max_size');
    const lineBytes = joiners.length > 0
      ? sizeInBytes(serviceValue(service, 'multiline_buffer_limit')?.value ?? MULTILINE_BUFFER_DEFAULT)
      : buffer ? sizeInBytes(buffer.value) : TAIL_BUFFER_DEFAULT;
    if (!Number.isFinite(lineBytes)) continue; // ${VAR} or a malformed size, reported elsewhere

    const parserName = prop(input, 'parser')?.value;
    const parser = parsers.parsers.find((p) => parserName !== undefined && lower(p.name) === lower(parserName));
    const parsedAsJson = parser?.section !== undefined && lower(prop(parser.section, 'format')?.value ?? '') === 'json';
    const added = filters
      .filter((filter) => matchesTag(filter, producer) !== false)
      .reduce((sum, filter) => sum + addedBytes(filter), 0);
    const largest = largestRecordBytes({ lineBytes, parsedAsJson, escapeUnicode, addedBytes: added });
    if (largest <= limit) continue;

    const factor = escapeFactor(parsedAsJson, escapeUnicode);
    // Fluent Bit sizes are decimal: 1k = 1000 bytes (src/flb_utils.c flb_utils_size_to_bytes).
    const fitting = Math.floor(longestFittingLine(limit, factor, added) / 1000);
    at(ctx, input, joiners.length > 0 ? multiline : buffer, 'error',
      `a record can reach ${kib(largest)} (lines up to ${kib(lineBytes)}${factor > 1 ? `, up to ${factor}x in JSON escaping` : ''}${added > 0 ? `, ${kib(added)} added by filters` : ''}), above the sink's ${kib(limit)} line limit: VictoriaLogs drops a longer line with only a warning of its own and answers 200, so Fluent Bit counts it delivered`,
      fitting > 0
        ? `lower buffer_max_size to ${fitting}k (longer lines are then skipped and counted in fluentbit_input_long_line_skipped_total), or raise VictoriaLogs' -insert.maxLineSizeBytes and the sink limit with it`
        : 'drop what the filters add (e.g. kubernetes annotations), or raise VictoriaLogs\' -insert.maxLineSizeBytes');
  }
}

/** Bytes a filter adds to a record at most: Kubernetes metadata, or the text of the fields it sets. */
function addedBytes(filter: ConfigSection): number {
  switch (pluginName(filter)) {
    case 'kubernetes':
      // annotations default to on (plugins/filter_kubernetes/kubernetes.c config map).
      return KUBERNETES_METADATA_BYTES + (isOn(prop(filter, 'annotations')?.value, true) ? KUBERNETES_ANNOTATIONS_BYTES : 0);
    case 'modify':
    case 'record_modifier':
      return [...props(filter, 'set'), ...props(filter, 'add'), ...props(filter, 'record')].reduce((sum, p) => sum + p.value.length + 8, 0);
    default:
      return 0;
  }
}
