import { createTwoFilesPatch } from 'diff';
import type { Finding } from './findings';
import { objectRef, formatRef } from './findings';
import { isGenerated } from '../render/header';
import { parseDocuments } from './yaml-documents';

const MAX_DIFF_LINES = 20;

/**
 * Compares a fresh in-memory render with the committed files: one finding per file that differs,
 * naming the objects that changed and showing a short diff.
 */
export function driftFindings(
  outDir: string,
  rendered: ReadonlyMap<string, string>,
  committed: ReadonlyMap<string, string>,
  project: string,
): Finding[] {
  const fix = `run \`nx run ${project}:render\` and commit the result`;
  const findings: Finding[] = [];
  for (const [path, content] of rendered) {
    const current = committed.get(path);
    if (current === content) continue;
    const file = `${outDir}/${path}`;
    if (current === undefined) {
      findings.push({ check: 'drift', severity: 'error', file, message: 'generated file is missing from the repository', fix });
      continue;
    }
    const objects = changedObjects(current, content);
    findings.push({
      check: 'drift',
      severity: 'error',
      file,
      message: `committed file differs from a fresh render${objects.length ? ` (${objects.join(', ')})` : ''}`,
      fix,
      detail: shortDiff(file, current, content),
    });
  }
  for (const [path, content] of committed) {
    if (!rendered.has(path) && isGenerated(content)) {
      findings.push({
        check: 'drift',
        severity: 'error',
        file: `${outDir}/${path}`,
        message: 'generated file is no longer produced by render (stale)',
        fix,
      });
    }
  }
  return findings;
}

function changedObjects(before: string, after: string): string[] {
  const index = (text: string) =>
    new Map(
      parseDocuments(text).objects.map((object) => {
        const ref = objectRef(object);
        return [ref ? formatRef(ref) : String(object['kind'] ?? '?'), JSON.stringify(object)];
      }),
    );
  const old = index(before);
  const current = index(after);
  const names = new Set([...old.keys(), ...current.keys()]);
  return [...names].filter((name) => old.get(name) !== current.get(name)).sort();
}

function shortDiff(file: string, before: string, after: string): string {
  const patch = createTwoFilesPatch(`${file} (committed)`, `${file} (rendered)`, before, after, '', '', { context: 1 });
  const lines = patch.split('\n').slice(2).filter((line) => line !== '' && !line.startsWith('\\'));
  const shown = lines.slice(0, MAX_DIFF_LINES);
  if (lines.length > MAX_DIFF_LINES) shown.push(`... ${lines.length - MAX_DIFF_LINES} more diff lines`);
  return shown.join('\n');
}
