import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspaceRoot } from '../workspace';
import { githubOutputs, readAffected, setting, validatePlan } from './validate-plan';

const clusters = (n: number) => Array.from({ length: n }, (_, i) => `clusters-c${String(i).padStart(3, '0')}`);

describe('CI validate plan', () => {
  it('keeps validation in the main job up to the threshold, and counts only cluster projects', () => {
    expect(validatePlan(['tools', 'netpol', ...clusters(3)], 40)).toEqual({ split: false, chunks: [], count: 3 });
    expect(validatePlan(clusters(40), 40).split).toBe(false);
  });

  it('splits above the threshold into balanced chunks, every cluster once, at most the maximum runners', () => {
    const plan = validatePlan(['tools', ...clusters(200)], 40, 4);
    expect(plan.split).toBe(true);
    expect(plan.chunks).toHaveLength(4);
    expect(plan.chunks.flat().sort()).toEqual(clusters(200));
    expect(Math.max(...plan.chunks.map((c) => c.length)) - Math.min(...plan.chunks.map((c) => c.length))).toBeLessThanOrEqual(1);
    expect(validatePlan(clusters(41), 40, 4).chunks).toHaveLength(3);
    expect(validatePlan(clusters(5), 2, 10).chunks.length).toBeLessThanOrEqual(5);
  });

  it('does not split with one runner allowed', () => {
    expect(validatePlan(clusters(100), 10, 1).split).toBe(false);
  });

  it('writes GitHub outputs a matrix job reads with fromJSON', () => {
    const text = githubOutputs(validatePlan(clusters(3), 1, 2));
    const matrix = JSON.parse(text.split('\n').find((line) => line.startsWith('matrix='))!.slice('matrix='.length));
    expect(text).toContain('split=true\n');
    expect(matrix).toEqual({ include: [{ chunk: 1, projects: 'clusters-c000,clusters-c002' }, { chunk: 2, projects: 'clusters-c001' }] });
  });

  it('refuses bad input with a clear message', () => {
    expect(() => readAffected('NX   something went wrong')).toThrow(/expected the JSON list/);
    expect(() => readAffected('{"a":1}')).toThrow(/JSON array/);
    expect(setting('', 40, 'X')).toBe(40);
    expect(setting(' 12 ', 40, 'X')).toBe(12);
    expect(() => setting('ten', 40, 'X')).toThrow(/X must be a whole number/);
  });

  it('runs as the workflow calls it: stdin in, outputs out, exit 1 and one line on bad input', () => {
    const run = (input: string, env: Record<string, string> = {}) =>
      spawnSync(join(workspaceRoot, 'node_modules/.bin/tsx'), [join(workspaceRoot, 'tools/ci/validate-plan.ts')], { input, encoding: 'utf8', env: { ...process.env, ...env } });
    const ok = run(JSON.stringify(clusters(5)), { VALIDATE_SPLIT_THRESHOLD: '2', VALIDATE_MAX_RUNNERS: '2' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^split=true\ncount=5\nmatrix=\{"include":\[\{"chunk":1,/);
    const bad = run('oops');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^validate-plan: expected the JSON list/);
    expect(bad.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
