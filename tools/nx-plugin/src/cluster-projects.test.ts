import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CreateNodesContextV2 } from '@nx/devkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNodesV2 } from './cluster-projects';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'nx-plugin-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A fixture workspace with these files (each a stub), and what the plugin infers from it. */
async function inferred(files: string[]) {
  for (const file of files) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), 'export default {};\n');
  }
  const [glob, createNodes] = createNodesV2;
  const context: CreateNodesContextV2 = { workspaceRoot: root, nxJsonConfiguration: {} };
  const matched = files.filter((file) => /^clusters\/[^/]+\/cluster\.ts$/.test(file));
  return { glob, results: await createNodes(matched, undefined, context) };
}

const projectsOf = (results: Awaited<ReturnType<typeof inferred>>['results']) =>
  Object.assign({}, ...results.map(([, result]) => result.projects ?? {}));

describe('cluster projects inferred from clusters/<name>/cluster.ts', () => {
  it('matches cluster definitions only', async () => {
    expect((await inferred([])).glob).toBe('clusters/*/cluster.ts');
  });

  it('makes each cluster folder the project clusters-<name> with typecheck, render, validate and diff', async () => {
    const { results } = await inferred(['clusters/alpha/cluster.ts', 'clusters/beta/cluster.ts']);
    const projects = projectsOf(results);
    expect(Object.keys(projects).sort()).toEqual(['clusters/alpha', 'clusters/beta']);
    const alpha = projects['clusters/alpha'];
    expect(alpha).toMatchObject({ name: 'clusters-alpha', root: 'clusters/alpha', projectType: 'application', tags: ['type:cluster'] });
    expect(Object.keys(alpha.targets)).toEqual(['typecheck', 'render', 'validate', 'diff']);
    expect(alpha.targets.typecheck).toMatchObject({ command: 'tsx tools/nx-plugin/src/typecheck-folder.ts clusters/alpha', cache: true });
    expect(alpha.targets.render).toMatchObject({ executor: '@gitops/nx-plugin:render', options: { cluster: 'alpha' }, cache: false });
    expect(alpha.targets.validate).toMatchObject({ executor: '@gitops/nx-plugin:validate', options: { cluster: 'alpha' }, cache: true, outputs: [] });
    // The diff reads git history, which no cache input covers: never cached.
    expect(alpha.targets.diff).toEqual({ command: 'tsx tools/diff/main.ts --cluster alpha', cache: false });
  });

  it('caches validate on the cluster`s own rendered folder and the toolkit it runs, nothing of other clusters', async () => {
    const { results } = await inferred(['clusters/alpha/cluster.ts']);
    const alpha = projectsOf(results)['clusters/alpha'];
    expect(alpha.targets.validate.inputs).toContain('{workspaceRoot}/kubernetes/clusters/alpha/**/*');
    expect(alpha.targets.validate.inputs).toContain('^production');
    expect(JSON.stringify(alpha.targets.validate.inputs)).not.toMatch(/clusters\/(?!alpha)/);
    // render and validate run tools/ and the plugin: a change there reaches every cluster.
    expect(alpha.implicitDependencies).toEqual(['tools', 'nx-plugin']);
  });

  it('adds a test target only to a cluster whose folder has tests', async () => {
    const { results } = await inferred(['clusters/alpha/cluster.ts', 'clusters/beta/cluster.ts', 'clusters/beta/checks/policy.test.ts']);
    const projects = projectsOf(results);
    expect(projects['clusters/alpha'].targets.test).toBeUndefined();
    expect(projects['clusters/beta'].targets.test).toEqual({});
  });

  it('leaves alone a folder whose name cannot be a cluster', async () => {
    const { results } = await inferred(['clusters/Not_A_Name/cluster.ts']);
    expect(projectsOf(results)).toEqual({});
  });
});
