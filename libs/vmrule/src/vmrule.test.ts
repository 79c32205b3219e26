import { describe, expect, it } from 'vitest';
import { alertingRules, promqlLabelMatchers, promqlMetricNames, promqlSyntaxErrors } from './index';

describe('alertingRules', () => {
  it('builds a VMRule with severity as a label and summary/description as annotations', () => {
    const rule = alertingRules({
      name: 'fluent-bit',
      namespace: 'observability',
      groups: [
        {
          name: 'fluent-bit',
          rules: [
            { alert: 'Down', expr: 'up == 0', for: '5m', severity: 'critical', summary: '{{ $labels.pod }} down', description: 'gone', labels: { team: 'platform' } },
          ],
        },
      ],
    });
    expect(rule.apiVersion).toBe('operator.victoriametrics.com/v1beta1');
    expect(rule.kind).toBe('VMRule');
    expect(rule.metadata).toEqual({ name: 'fluent-bit', namespace: 'observability' });
    expect(rule.spec.groups).toEqual([
      {
        name: 'fluent-bit',
        rules: [
          {
            alert: 'Down',
            expr: 'up == 0',
            for: '5m',
            labels: { team: 'platform', severity: 'critical' },
            annotations: { summary: '{{ $labels.pod }} down', description: 'gone' },
          },
        ],
      },
    ]);
  });
});

describe('promqlSyntaxErrors', () => {
  it.each([
    'up == 0',
    'sum by (namespace, pod, name) (increase(fluentbit_output_dropped_records_total{namespace="observability"}[5m])) > 0',
    'a == 0 and on (pod) b > 0 or c',
    'max_over_time(x[10m]) < 20',
  ])('accepts %s', (expr) => expect(promqlSyntaxErrors(expr)).toEqual([]));

  it.each([
    ['sum(rate(x[5m]) > ', 18],
    ['up ==', 5],
    ['rate(x[5m]', 10],
    ['x{a="b"', 7],
    ['', 0],
  ])('rejects %j at offset %i', (expr, offset) => expect(promqlSyntaxErrors(expr)[0]?.offset).toBe(offset));
});

describe('promqlMetricNames', () => {
  it('lists the metrics selected by name, not functions, labels or aggregations', () => {
    expect(
      promqlMetricNames('sum by (pod) (increase(b_total{name="a_total"}[10m])) == 0 and on (pod) a == 0 or absent(b_total) or {__name__="c"}'),
    ).toEqual(['a', 'b_total']);
  });
});

describe('promqlLabelMatchers', () => {
  it('lists the selectors` label matchers with their operator and unquoted value, not grouping labels', () => {
    expect(promqlLabelMatchers(`sum by (service) (x{service="fluent-bit", name=~'a|b'}) and on (pod) y{daemonset!=\`q"r\`, job="a\\"b"}`)).toEqual([
      { label: 'service', operator: '=', value: 'fluent-bit' },
      { label: 'name', operator: '=~', value: 'a|b' },
      { label: 'daemonset', operator: '!=', value: 'q"r' },
      { label: 'job', operator: '=', value: 'a"b' },
    ]);
    expect(promqlLabelMatchers('up == 0')).toEqual([]);
  });
});
