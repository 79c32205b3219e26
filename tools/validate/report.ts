import type { ReportFormat } from './cli';
import type { ClusterReport } from './validate-cluster';
import { formatRef, type Finding } from './findings';

/** `1 error`, `2 errors`. */
export const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

const count = (findings: readonly Finding[], severity: Finding['severity']) => findings.filter((f) => f.severity === severity).length;

/** `file:line:column` where known: editors and terminals open it. */
const position = (finding: Finding): string | undefined =>
  finding.file && (finding.line !== undefined ? `${finding.file}:${finding.line}:${finding.column ?? 1}` : finding.file);

const summary = (report: ClusterReport): string => {
  const kinds = Object.entries(report.objects).map(([kind, n]) => `${n} ${kind}`).join(', ');
  return `${report.cluster}: ${plural(count(report.findings, 'error'), 'error')}, ${plural(count(report.findings, 'warning'), 'warning')}; checked ${kinds || 'no objects'}`;
};

/** What each check ran on: `ran drift on 11 rendered files, ...`. */
const ran = (report: ClusterReport): string => `  ran ${report.coverage.map(({ check, covered }) => `${check} on ${covered}`).join(', ')}`;

/** Human-readable report: a summary line per cluster and what each check covered, then each finding with where and how to fix. */
export function formatText(report: ClusterReport): string {
  const lines = [summary(report), ran(report)];
  for (const finding of report.findings) {
    const where = [position(finding), finding.object && formatRef(finding.object), finding.path].filter(Boolean).join(' ');
    lines.push(`  ${finding.severity} [${finding.check}] ${where}`);
    lines.push(`    ${finding.message}`);
    lines.push(`    fix: ${finding.fix}`);
    if (finding.detail) lines.push(...finding.detail.split('\n').map((line) => `      ${line}`));
  }
  return `${lines.join('\n')}\n`;
}

export const formatJson = (report: ClusterReport): string =>
  `${JSON.stringify({ ...report, errors: count(report.findings, 'error'), warnings: count(report.findings, 'warning') }, null, 2)}\n`;

/** GitHub Actions workflow commands escape these in data and in properties. */
const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * GitHub Actions annotations (`::error file=,line=,col=,title=::message`), one per finding, so
 * findings show on the pull request's diff; the summary line last, as a notice.
 */
export function formatGithub(report: ClusterReport): string {
  const lines = report.findings.map((finding) => {
    const properties = [
      finding.file && `file=${escapeProperty(finding.file)}`,
      finding.line !== undefined && `line=${finding.line}`,
      finding.column !== undefined && `col=${finding.column}`,
      `title=${escapeProperty(`${report.cluster} [${finding.check}]${finding.object ? ` ${formatRef(finding.object)}` : ''}${finding.path ? ` ${finding.path}` : ''}`)}`,
    ].filter(Boolean);
    return `::${finding.severity} ${properties.join(',')}::${escapeData(`${finding.message}\nfix: ${finding.fix}${finding.detail ? `\n${finding.detail}` : ''}`)}`;
  });
  return `${[...lines, `::notice title=${escapeProperty(`validate ${report.cluster}`)}::${escapeData(summary(report))}`].join('\n')}\n`;
}

export function formatReport(report: ClusterReport, format: ReportFormat): string {
  return format === 'json' ? formatJson(report) : format === 'github' ? formatGithub(report) : formatText(report);
}
