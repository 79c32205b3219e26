import type { VMRule } from '@gitops/api-types';
import { globsIntersect } from '@gitops/fluent-bit-lint';
import type { Pipeline } from '@gitops/fluent-bit-values';
import { alertingRules, type AlertRule } from '@gitops/vmrule';

/**
 * Alerting rules for the Fluent Bit DaemonSet, on the metrics Fluent Bit 5.1.1 serves at
 * /api/v2/metrics/prometheus (names and labels from fluent/fluent-bit@v5.1.1 src/flb_output.c,
 * src/flb_input.c, src/flb_engine.c; measured on a 5.1.1 build) and kube-state-metrics.
 *
 * Fluent Bit labels each input and output series `name`: the instance's alias, else
 * `<plugin>.<n>` with n its place among the inputs (outputs) of the configuration, which is how
 * `instanceNames` names them. The VM operator's VMServiceScrape (endpoints role) relabels each
 * target with `namespace`, `service`, `pod`, `container` and `endpoint`, and `job` = the Service
 * (VictoriaMetrics/operator internal/controller/operator/factory/config/scrape/service.go).
 */
export interface FluentBitAlertsOptions {
  /** The VMRule's name, and the chart's fullname: the DaemonSet and the Service scraped. */
  name: string;
  namespace: string;
  pipeline: Pipeline;
}

/** The alerts validate requires of a cluster with a fluent-bit release (tools/validate/alerts.ts). */
export const FLUENT_BIT_ALERTS = {
  retriesFailed: 'FluentBitOutputRetriesFailed',
  droppedRecords: 'FluentBitOutputDroppedRecords',
  queueNearlyFull: 'FluentBitOutputQueueNearlyFull',
  outputStalled: 'FluentBitOutputStalled',
  longLinesSkipped: 'FluentBitLongLinesSkipped',
  podNotReady: 'FluentBitPodNotReady',
  daemonSetUnavailable: 'FluentBitDaemonSetPodsUnavailable',
  scrapeFailing: 'FluentBitMetricsScrapeFailing',
} as const;

/** Below this much of `storage.total_limit_size` left, the next outage minutes start evicting chunks. */
const QUEUE_AVAILABLE_PERCENT = 20;
/** An output that delivered nothing for this long while its inputs read is stuck. */
const STALL_WINDOW = '10m';

export function fluentBitAlerts({ name, namespace, pipeline }: FluentBitAlertsOptions): VMRule {
  const scraped = `namespace="${namespace}", service="${name}"`;
  const byOutput = 'sum by (namespace, pod, name)';
  const where = 'pod {{ $labels.namespace }}/{{ $labels.pod }}, output {{ $labels.name }}';
  const inputs = instanceNames(pipeline.inputs);
  const outputs = instanceNames(pipeline.outputs);
  // Per output, the inputs whose records it receives (its Match against their Tag).
  const stalled = pipeline.outputs
    .map((output, i) => {
      const fed = pipeline.inputs.flatMap((input, j) => (globsIntersect(output.match, input.tag) ? [inputs[j]!] : []));
      if (fed.length === 0) return undefined;
      // A PromQL string takes Go escapes: the regex's backslashes are doubled.
      const inputSelector = fed.length === 1 ? `name="${fed[0]}"` : `name=~"${fed.map(escapeRegex).join('|').replaceAll('\\', '\\\\')}"`;
      return (
        `(${byOutput} (increase(fluentbit_output_proc_records_total{${scraped}, name="${outputs[i]}"}[${STALL_WINDOW}])) == 0` +
        ` and on (namespace, pod) sum by (namespace, pod) (increase(fluentbit_input_records_total{${scraped}, ${inputSelector}}[${STALL_WINDOW}])) > 0)`
      );
    })
    .filter((clause): clause is string => clause !== undefined);

  const rules: AlertRule[] = [
    {
      alert: FLUENT_BIT_ALERTS.retriesFailed,
      // Never counts with retry_limit no_limits (ours): then a failing sink shows as a stall and a full queue.
      expr: `${byOutput} (increase(fluentbit_output_retries_failed_total{${scraped}}[10m])) > 0`,
      for: '0m',
      severity: 'critical',
      summary: `Fluent Bit gave up retrying chunks: ${where}`,
      description:
        `{{ $value | humanize }} chunks of ${where} were abandoned in the last 10 minutes after their last retry (retry_limit); their records are lost. ` +
        'Check the output\'s errors in the pod log ("[output:...]") and that the log sink (vmauth, VictoriaLogs) accepts writes.',
    },
    {
      alert: FLUENT_BIT_ALERTS.droppedRecords,
      expr: `${byOutput} (increase(fluentbit_output_dropped_records_total{${scraped}}[10m])) > 0`,
      for: '0m',
      severity: 'critical',
      summary: `Fluent Bit dropped log records: ${where}`,
      description:
        `${where} dropped {{ $value | humanize }} records in the last 10 minutes: chunks evicted from a full filesystem queue (storage.total_limit_size, "evicted from output queue" in the pod log), ` +
        'rejected by the sink without retry (4xx), or out of retries. Those records never reach VictoriaLogs. Restore the sink, or size the queue (outage settings) for the outage.',
    },
    {
      alert: FLUENT_BIT_ALERTS.queueNearlyFull,
      // Fluent Bit updates this gauge when a task of the output finishes (delivered, retried or
      // dropped; src/flb_engine.c), so it follows the queue while the output is retrying but
      // keeps its last value when no task ends at all: the stall alert covers that case.
      expr: `min by (namespace, pod, name) (fluentbit_output_chunk_available_capacity_percent{${scraped}}) < ${QUEUE_AVAILABLE_PERCENT}`,
      for: '5m',
      severity: 'warning',
      summary: `Fluent Bit filesystem queue over ${100 - QUEUE_AVAILABLE_PERCENT}% full: ${where}`,
      description:
        `Only {{ $value | humanize }}% of storage.total_limit_size is left for ${where}: the sink is not keeping up or is down. ` +
        'At 0% Fluent Bit evicts the oldest chunks (dropped records). Check the sink and the output\'s retries in the pod log.',
    },
    ...(stalled.length > 0
      ? [
          {
            alert: FLUENT_BIT_ALERTS.outputStalled,
            expr: stalled.join(' or '),
            for: '1m',
            severity: 'critical' as const,
            summary: `Fluent Bit output delivered nothing for ${STALL_WINDOW} while its inputs read: ${where}`,
            description:
              `${where} has delivered no record in ${STALL_WINDOW} although the inputs routed to it read new ones: logs queue on the node and are lost once the queue is full. ` +
              'Look for retries and connection errors in the pod log and check the sink (vmauth, VictoriaLogs) and the NetworkPolicy.',
          },
        ]
      : []),
    {
      alert: FLUENT_BIT_ALERTS.longLinesSkipped,
      // in_tail counts each line longer than buffer_max_size it skips (plugins/in_tail/tail_config.c);
      // the buffer is sized to the sink's line limit, so these are the records it could not take.
      expr: `sum by (namespace, pod, name) (increase(fluentbit_input_long_line_skipped_total{${scraped}}[1h])) > 0`,
      for: '0m',
      severity: 'warning',
      summary: 'Fluent Bit skipped lines longer than its buffer: pod {{ $labels.namespace }}/{{ $labels.pod }}, input {{ $labels.name }}',
      description:
        '{{ $labels.namespace }}/{{ $labels.pod }} skipped {{ $value | humanize }} lines in the last hour that were longer than buffer_max_size of input {{ $labels.name }}, which is sized to the log sink\'s line limit: they are not in VictoriaLogs. ' +
        'For audit events, lower the audit policy level of the requests that produce them, or raise VictoriaLogs\' -insert.maxLineSizeBytes and logSink.maxLineBytes together.',
    },
    {
      alert: FLUENT_BIT_ALERTS.podNotReady,
      // kube-state-metrics, scraped with honorLabels so `namespace`/`pod` are the pod's.
      expr:
        `sum by (namespace, pod) (kube_pod_status_ready{namespace="${namespace}", condition="true"}) == 0` +
        ` and on (namespace, pod) kube_pod_owner{namespace="${namespace}", owner_kind="DaemonSet", owner_name="${name}"}`,
      for: '10m',
      severity: 'critical',
      summary: 'Fluent Bit pod {{ $labels.namespace }}/{{ $labels.pod }} not ready',
      description:
        'Fluent Bit pod {{ $labels.namespace }}/{{ $labels.pod }} has not been ready for 10 minutes: its node\'s logs are not shipped, and lines rotated away meanwhile are lost. ' +
        `Check its events and log (kubectl -n ${namespace} describe pod {{ $labels.pod }}). Needs kube-state-metrics.`,
    },
    {
      alert: FLUENT_BIT_ALERTS.daemonSetUnavailable,
      // Also counts nodes where no pod could be created at all (no kube_pod_status_ready series).
      expr: `max by (namespace, daemonset) (kube_daemonset_status_number_unavailable{namespace="${namespace}", daemonset="${name}"}) > 0`,
      for: '15m',
      severity: 'warning',
      summary: `DaemonSet ${namespace}/${name}: {{ $value }} nodes without an available Fluent Bit pod`,
      description:
        `{{ $value }} nodes that should run Fluent Bit have had no available pod for 15 minutes (rollout stuck, pod not created or not scheduled): their logs are not collected. ` +
        `Check kubectl -n ${namespace} describe daemonset ${name} and its events. Needs kube-state-metrics.`,
    },
    {
      alert: FLUENT_BIT_ALERTS.scrapeFailing,
      expr: `max by (namespace, pod) (up{${scraped}}) == 0`,
      for: '10m',
      severity: 'warning',
      summary: 'Fluent Bit metrics of {{ $labels.namespace }}/{{ $labels.pod }} cannot be scraped',
      description:
        'vmagent has failed to scrape /api/v2/metrics/prometheus of {{ $labels.namespace }}/{{ $labels.pod }} for 10 minutes: the other Fluent Bit alerts cannot fire for this pod. ' +
        'Check the pod (http_server, port 2020) and the VMServiceScrape.',
    },
  ];

  return alertingRules({ name, namespace, groups: [{ name, rules }] });
}

/** Fluent Bit's instance names (`flb_input_name()`/`flb_output_name()`; our model sets no alias): `<plugin>.<n>`. */
function instanceNames(instances: ReadonlyArray<{ name: string }>): string[] {
  return instances.map((instance, index) => `${instance.name}.${index}`);
}

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
