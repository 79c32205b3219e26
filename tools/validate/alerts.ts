/**
 * Whether a Fluent Bit release is watched: its VMServiceScrape reads the metrics endpoint that has
 * the storage and output metrics, a VMRule alerts on them, and every VMRule expression parses.
 */
import { promqlLabelMatchers, promqlMetricNames, promqlSyntaxErrors } from '@gitops/vmrule';
import type { ClusterModel } from './cluster-model';
import { namespaceOf, ofKind } from './cluster-model';
import { fluentBitReleases } from './cross-references';
import { crossReference as finding, type Finding } from './findings';
import { fullname, releaseName, serviceLabels, type FluentBitValues } from './fluent-bit-chart';
import type { BuiltObject } from './flux-build';
import { selects, type LabelSelector } from './selectors';

/** Fluent Bit 5.1.1's Prometheus endpoint with storage and output metrics (src/http_server/api/v2/metrics.c). */
export const FLUENT_BIT_METRICS_PATH = '/api/v2/metrics/prometheus';
const V1_METRICS_PATH = '/api/v1/metrics/prometheus';

/**
 * What a platform team must hear about, and the metrics an alert on it reads: a rule covers a
 * concern when its expression selects all metrics of one of the alternatives.
 */
export const REQUIRED_FLUENT_BIT_ALERTS: ReadonlyArray<{ concern: string; metrics: ReadonlyArray<readonly string[]> }> = [
  { concern: 'failed retries (chunks given up after retry_limit)', metrics: [['fluentbit_output_retries_failed_total']] },
  { concern: 'dropped records (evictions under storage.total_limit_size included)', metrics: [['fluentbit_output_dropped_records_total']] },
  { concern: 'a filesystem queue above 80% of storage.total_limit_size', metrics: [['fluentbit_output_chunk_available_capacity_percent']] },
  { concern: 'an output delivering nothing while its inputs read', metrics: [['fluentbit_output_proc_records_total', 'fluentbit_input_records_total']] },
  { concern: 'a collector pod not ready (kube-state-metrics)', metrics: [['kube_daemonset_status_number_unavailable'], ['kube_pod_status_ready']] },
];

interface Rule { alert?: string; record?: string; expr?: unknown }
interface RuleGroup { name?: string; rules?: Rule[] }


const groupsOf = (rule: BuiltObject): RuleGroup[] => {
  const groups = (rule.object['spec'] as { groups?: unknown } | undefined)?.groups;
  return Array.isArray(groups) ? (groups as RuleGroup[]) : [];
};

export function alertFindings(model: ClusterModel): Finding[] {
  return [...expressionFindings(model), ...fluentBitReleases(model).flatMap((release) => [...metricsPathFindings(model, release), ...coverageFindings(model, release)])];
}

/** (a) Every rule's expression parses (by the Prometheus grammar; vmalert reads MetricsQL, its superset). */
function expressionFindings(model: ClusterModel): Finding[] {
  const findings: Finding[] = [];
  for (const vmrule of ofKind(model.built, 'VMRule')) {
    groupsOf(vmrule).forEach((group, g) =>
      (group.rules ?? []).forEach((rule, r) => {
        const path = `spec.groups[${g}].rules[${r}].expr`;
        const name = rule.alert ?? rule.record ?? `rule ${r}`;
        if (typeof rule.expr !== 'string' || rule.expr.trim() === '') {
          findings.push(finding(vmrule, path, `${name} in group ${JSON.stringify(group.name)} has no expression: vmalert rejects the group`, 'write the PromQL expression in expr'));
          return;
        }
        const [error] = promqlSyntaxErrors(rule.expr);
        if (error) {
          findings.push(
            finding(vmrule, path, `${name} in group ${JSON.stringify(group.name)}: expr does not parse as PromQL at column ${error.offset + 1} (near ${JSON.stringify(error.near)}): vmalert rejects the group and none of its rules is evaluated`, 'correct the expression (MetricsQL-only syntax is not read by this check: write it in PromQL)'),
          );
        }
      }),
    );
  }
  return findings;
}

/** (c) The scrape of the release's Service reads the v2 endpoint. */
function metricsPathFindings(model: ClusterModel, release: BuiltObject): Finding[] {
  const values = ((release.object['spec'] as { values?: FluentBitValues } | undefined)?.values ?? {}) as FluentBitValues;
  const name = releaseName(release.object as { metadata: { name: string } });
  const labels = serviceLabels(values, name);
  const namespace = namespaceOf(release.object);
  const findings: Finding[] = [];
  for (const scrape of ofKind(model.built, 'VMServiceScrape').filter((s) => namespaceOf(s.object) === namespace)) {
    const spec = scrape.object['spec'] as { selector?: LabelSelector; endpoints?: Array<{ path?: string }> } | undefined;
    if (!selects(spec?.selector, labels)) continue;
    (spec?.endpoints ?? []).forEach((endpoint, index) => {
      if (endpoint.path === FLUENT_BIT_METRICS_PATH) return;
      const path = `spec.endpoints[${index}].path`;
      const service = fullname(values, name);
      findings.push(
        endpoint.path === V1_METRICS_PATH
          ? finding(scrape, path, `scrapes ${V1_METRICS_PATH} of Service ${service}: Fluent Bit 5.1.1's v1 endpoint has no storage metrics (fluentbit_storage_*, fluentbit_input_storage_*) and no fluentbit_output_chunk_available_capacity_percent, so the queue alerts never fire`, `use path: ${FLUENT_BIT_METRICS_PATH}`)
          : finding(scrape, path, `scrapes ${endpoint.path ?? '/metrics (the default)'} of Service ${service}: Fluent Bit 5.1.1 serves Prometheus metrics at ${FLUENT_BIT_METRICS_PATH}`, `use path: ${FLUENT_BIT_METRICS_PATH}`),
      );
    });
  }
  return findings;
}

/** Labels that name a workload: a rule selecting one of them watches only the release it names. */
const WORKLOAD_LABELS = new Set(['service', 'job', 'daemonset', 'owner_name']);

/**
 * Whether a rule watches the release whose Service and DaemonSet are `fullname`: a positive
 * matcher on a workload label names it, or the rule names no workload at all (then it watches
 * every one).
 */
function watches(expr: string, fullname: string): boolean {
  const matchers = promqlLabelMatchers(expr).filter((m) => WORKLOAD_LABELS.has(m.label) && (m.operator === '=' || m.operator === '=~'));
  if (matchers.length === 0) return true;
  return matchers.some(({ operator, value }) => {
    if (operator === '=') return value === fullname;
    try {
      return new RegExp(`^(?:${value})$`).test(fullname);
    } catch {
      return true; // a regex JavaScript cannot read: give it the benefit of the doubt
    }
  });
}

/** (b) Some VMRule group alerts on each required concern, for this release. */
function coverageFindings(model: ClusterModel, release: BuiltObject): Finding[] {
  const values = ((release.object['spec'] as { values?: FluentBitValues } | undefined)?.values ?? {}) as FluentBitValues;
  const service = fullname(values, releaseName(release.object as { metadata: { name: string } }));
  const rules = ofKind(model.built, 'VMRule').flatMap((vmrule) =>
    groupsOf(vmrule).flatMap((group, g) =>
      (group.rules ?? []).flatMap((rule) =>
        rule.alert && typeof rule.expr === 'string' && watches(rule.expr, service) ? [{ vmrule, group: g, metrics: new Set(promqlMetricNames(rule.expr)) }] : [],
      ),
    ),
  );
  const missing = REQUIRED_FLUENT_BIT_ALERTS.filter(({ metrics }) => !rules.some((rule) => metrics.some((all) => all.every((metric) => rule.metrics.has(metric)))));
  if (missing.length === 0) return [];
  const describe = (required: (typeof REQUIRED_FLUENT_BIT_ALERTS)[number]) => `${required.concern}: ${required.metrics.map((all) => all.join(' with ')).join(' or ')}`;
  const fix = `render the log-collection app (its vmrule.yaml), or add alerting rules on these metrics selecting service="${service}"`;
  const fluentBitRule = rules.find((rule) => [...rule.metrics].some((metric) => metric.startsWith('fluentbit_')));
  const where = `${namespaceOf(release.object)}/${String((release.object['metadata'] as { name?: unknown }).name)}`;
  if (!fluentBitRule) {
    return [finding(release, 'metadata.name', `no VMRule group alerts on Fluent Bit release ${where}: missing ${missing.map(describe).join('; ')}`, fix)];
  }
  return missing.map((required) =>
    finding(fluentBitRule.vmrule, `spec.groups[${fluentBitRule.group}]`, `no alerting rule for Fluent Bit release ${where} on ${describe(required)}`, fix),
  );
}
