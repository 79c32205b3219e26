import type { VMServiceScrape } from '@gitops/api-types';

export interface ServiceScrapeOptions {
  name: string;
  namespace: string;
  /** Labels of the Service to scrape (in the scrape's own namespace). */
  serviceLabels: Readonly<Record<string, string>>;
  /** The Service's port name. */
  port: string;
  path: string;
  interval: string;
  scrapeTimeout: string;
}

/** A VictoriaMetrics operator scrape of one Service port. */
export function serviceScrape(options: ServiceScrapeOptions): VMServiceScrape {
  return {
    apiVersion: 'operator.victoriametrics.com/v1beta1',
    kind: 'VMServiceScrape',
    metadata: { name: options.name, namespace: options.namespace },
    spec: {
      selector: { matchLabels: { ...options.serviceLabels } },
      endpoints: [
        {
          port: options.port,
          path: options.path,
          interval: options.interval,
          scrapeTimeout: options.scrapeTimeout,
        },
      ],
    },
  };
}
