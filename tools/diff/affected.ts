/**
 * The clusters a pull request affects, for the PR diff: the `clusters-<name>` projects with a diff
 * target that Nx reports affected, plus clusters whose rendered folder changed (a removed cluster
 * has no project any more, but its removal is a change to show).
 *
 *   npx nx show projects --affected --base=$BASE --head=HEAD --withTarget diff --json > projects.json
 *   git diff --name-only $BASE HEAD > files.txt
 *   tsx tools/diff/affected.ts projects.json files.txt      -> a,b,c
 */
import { readFileSync } from 'node:fs';

export function affectedClusters(projectsJson: string, changedFiles: string): string[] {
  const projects = JSON.parse(projectsJson) as unknown;
  if (!Array.isArray(projects)) throw new Error('expected the JSON list of `nx show projects --json`');
  const fromProjects = projects.filter((name): name is string => typeof name === 'string' && name.startsWith('clusters-')).map((name) => name.slice('clusters-'.length));
  const fromFiles = changedFiles
    .split('\n')
    .map((file) => /^kubernetes\/clusters\/([^/]+)\//.exec(file.trim())?.[1])
    .filter((name): name is string => name !== undefined);
  return [...new Set([...fromProjects, ...fromFiles])].sort();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [projects, files] = process.argv.slice(2);
  if (!projects || !files) {
    console.error('usage: affected.ts <projects.json> <changed-files.txt>');
    process.exit(2);
  }
  process.stdout.write(`${affectedClusters(readFileSync(projects, 'utf8'), readFileSync(files, 'utf8')).join(',')}\n`);
}
