/** VictoriaMetrics operator alerting-rule builders, and a PromQL syntax check for their expressions. */
export { alertingRules, type AlertRule, type AlertingRulesOptions, type RuleGroup, type Severity } from './vmrule';
export { promqlLabelMatchers, promqlMetricNames, promqlSyntaxErrors, type PromqlLabelMatcher, type PromqlSyntaxError } from './promql';
