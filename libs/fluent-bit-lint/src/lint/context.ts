/** The state the loader and the checks share: the input, what has been loaded, and the findings. */
import { sectionLabel } from '../parse';
import type { ConfigProperty, ConfigSection, PipelineFinding, PipelineInput } from '../types';
import { ENTRY_POINT } from './constants';

export interface LintContext {
  readonly input: PipelineInput;
  /** the file Fluent Bit is started with (input.entryPoint, else fluent-bit.conf) */
  readonly entryPoint: string;
  /** findings in the order they were reported */
  readonly findings: PipelineFinding[];
  /** loaded files in load order (findings are sorted by it) */
  readonly fileOrder: string[];
  /** files parsed so far */
  readonly loaded: Set<string>;
  /** files something loads (the entry point always) */
  readonly referenced: Set<string>;
  /** `@SET` variables of every loaded file */
  readonly variables: Map<string, string>;
  /** the sections of every loaded file, in load order */
  readonly allSections: ConfigSection[];
}

export function createContext(input: PipelineInput): LintContext {
  const entryPoint = input.entryPoint ?? ENTRY_POINT;
  return {
    input,
    entryPoint,
    findings: [],
    fileOrder: [],
    loaded: new Set<string>(),
    referenced: new Set<string>([entryPoint]),
    variables: new Map<string, string>(),
    allSections: [],
  };
}

export function report(ctx: LintContext, finding: PipelineFinding): void {
  ctx.findings.push(finding);
}

/** Reports a finding at a property of a section, or at the section itself. */
export function at(
  ctx: LintContext,
  section: ConfigSection,
  property: ConfigProperty | undefined,
  severity: 'error' | 'warning',
  message: string,
  fix: string,
): void {
  report(ctx, {
    severity,
    file: section.file,
    line: property?.line ?? section.line,
    section: sectionLabel(section),
    ...(property ? { property: property.key } : {}),
    message,
    fix,
  });
}

/** The findings by file (in load order, unloaded files last), then line, then report order. */
export function sortedFindings(ctx: LintContext): PipelineFinding[] {
  const order = (file: string) => {
    const index = ctx.fileOrder.indexOf(file);
    return index < 0 ? Number.MAX_SAFE_INTEGER : index;
  };
  return ctx.findings
    .map((finding, index) => ({ finding, index }))
    .sort(
      (a, b) =>
        order(a.finding.file) - order(b.finding.file) ||
        (a.finding.line ?? 0) - (b.finding.line ?? 0) ||
        a.index - b.index,
    )
    .map(({ finding }) => finding);
}
