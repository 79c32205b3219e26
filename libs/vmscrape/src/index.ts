/** VictoriaMetrics operator scrape builders. */
export { serviceScrape, type ServiceScrapeOptions } from './service-scrape';
