import type { ClusterReport } from './validate-cluster';
import { formatRef, type Finding } from './findings';

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

const count = (findings: readonly Finding[], severity: Finding['severity']) => findings.filter((f) => f.severity === severity).length;

/** Human-readable report: a summary line per cluster, then each finding with where and how to fix. */
export function formatText(report: ClusterReport): string {
  const kinds = Object.entries(report.objects).map(([kind, n]) => `${n} ${kind}`).join(', ');
  const lines = [
    `${report.cluster}: ${plural(count(report.findings, 'error'), 'error')}, ${plural(count(report.findings, 'warning'), 'warning')}; checked ${kinds || 'no objects'}`,
  ];
  for (const finding of report.findings) {
    const where = [finding.file, finding.object && formatRef(finding.object), finding.path].filter(Boolean).join(' ');
    lines.push(`  ${finding.severity} [${finding.check}] ${where}`);
    lines.push(`    ${finding.message}`);
    lines.push(`    fix: ${finding.fix}`);
    if (finding.detail) lines.push(...finding.detail.split('\n').map((line) => `      ${line}`));
  }
  return `${lines.join('\n')}\n`;
}

export const formatJson = (report: ClusterReport): string =>
  `${JSON.stringify({ ...report, errors: count(report.findings, 'error'), warnings: count(report.findings, 'warning') }, null, 2)}\n`;
