import type { VMRule } from '@gitops/api-types';

/** How urgently a platform team acts: `critical` pages, `warning` is a ticket. */
export type Severity = 'critical' | 'warning' | 'info';

/** One alerting rule: what fires, for how long first, and what the people it reaches read. */
export interface AlertRule {
  alert: string;
  /** PromQL (vmalert evaluates MetricsQL, a superset): keep to PromQL so it can be checked. */
  expr: string;
  /** How long `expr` must hold before the alert fires (a duration: `10m`). */
  for: string;
  severity: Severity;
  /** One line; may use the series' labels, e.g. `{{ $labels.pod }}`. */
  summary: string;
  /** What happened, why it matters and where to look first. */
  description: string;
  /** Further labels (routing). `severity` is set from `severity`. */
  labels?: Readonly<Record<string, string>>;
  /** Further annotations, e.g. `runbook_url`. */
  annotations?: Readonly<Record<string, string>>;
}

export interface RuleGroup {
  name: string;
  /** Evaluation interval; vmalert's `-evaluationInterval` when unset. */
  interval?: string;
  rules: readonly AlertRule[];
}

export interface AlertingRulesOptions {
  name: string;
  namespace: string;
  labels?: Readonly<Record<string, string>>;
  groups: readonly RuleGroup[];
}

/** A VMRule of alerting rules; the VictoriaMetrics operator hands it to vmalert. */
export function alertingRules(options: AlertingRulesOptions): VMRule {
  return {
    apiVersion: 'operator.victoriametrics.com/v1beta1',
    kind: 'VMRule',
    metadata: {
      name: options.name,
      namespace: options.namespace,
      ...(options.labels && { labels: { ...options.labels } }),
    },
    spec: {
      groups: options.groups.map((group) => ({
        name: group.name,
        ...(group.interval && { interval: group.interval }),
        rules: group.rules.map((rule) => ({
          alert: rule.alert,
          expr: rule.expr,
          for: rule.for,
          labels: { ...rule.labels, severity: rule.severity },
          annotations: { ...rule.annotations, summary: rule.summary, description: rule.description },
        })),
      })),
    },
  };
}
