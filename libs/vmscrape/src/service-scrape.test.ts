import { describe, expect, it } from 'vitest';
import { serviceScrape } from './service-scrape';

describe('serviceScrape', () => {
  it('scrapes the named port of the Services with the given labels', () => {
    const scrape = serviceScrape({
      name: 'fluent-bit',
      namespace: 'observability',
      serviceLabels: { 'app.kubernetes.io/name': 'fluent-bit' },
      port: 'http',
      path: '/api/v1/metrics/prometheus',
      interval: '30s',
      scrapeTimeout: '10s',
    });
    expect(scrape.apiVersion).toBe('operator.victoriametrics.com/v1beta1');
    expect(scrape.spec.selector).toEqual({ matchLabels: { 'app.kubernetes.io/name': 'fluent-bit' } });
    expect(scrape.spec.endpoints).toEqual([
      { port: 'http', path: '/api/v1/metrics/prometheus', interval: '30s', scrapeTimeout: '10s' },
    ]);
  });
});
