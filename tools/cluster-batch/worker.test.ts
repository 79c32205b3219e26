/**
 * The batch worker, as the Nx batch executor runs it: several cluster commands in one process give
 * each the output and exit status its own process gives.
 */
import { fork, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { scratchWorkspace } from '../testing/fixture-cluster.test-support';
import { workspaceRoot } from '../workspace';
import type { BatchRequest, BatchTaskResult } from './worker';

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((root) => rmSync(root, { recursive: true, force: true })));
const env = { ...process.env, TSX_TSCONFIG_PATH: join(workspaceRoot, 'tsconfig.json') };

function runBatch(root: string, request: BatchRequest): Promise<BatchTaskResult[]> {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const worker = fork(join(workspaceRoot, 'tools/cluster-batch/worker.ts'), [], { cwd: root, env, execArgv: ['--import', tsx], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const results: BatchTaskResult[] = [];
  worker.on('message', (message: BatchTaskResult) => results.push(message));
  worker.send(request);
  return new Promise((resolve) => worker.on('exit', () => resolve(results)));
}

const own = (root: string, command: string, argv: string[]) => {
  const result = spawnSync(join(workspaceRoot, 'node_modules/.bin/tsx'), ['--tsconfig', join(workspaceRoot, 'tsconfig.json'), join(workspaceRoot, `tools/${command}/main.ts`), ...argv], { cwd: root, encoding: 'utf8' });
  return { stdout: result.stdout, stderr: result.stderr, code: result.status };
};

describe('batch worker', () => {
  it('validates several clusters in one process, each as its own validate process would', async () => {
    const root = scratchWorkspace();
    roots.push(root);
    const tasks = [
      { id: 'ok', argv: ['--cluster', 'fixture'] },
      { id: 'missing', argv: ['--cluster', 'nowhere'] },
      { id: 'usage', argv: ['--cluster', 'fixture', '--format', 'yaml'] },
    ];
    const results = await runBatch(root, { command: 'validate', tasks });
    expect(results.map((r) => r.id)).toEqual(['ok', 'missing', 'usage']);
    for (const { id, argv } of tasks) expect(results.find((r) => r.id === id)!.result, id).toEqual(own(root, 'validate', argv));
    expect(results[0]!.result.code).toBe(0);
    expect(results[1]!.result.code).toBe(1);
    expect(results[2]!.result.code).toBe(2);
  });

  it('renders in a batch as render does (its --check too)', async () => {
    const root = scratchWorkspace({}, { rendered: false });
    roots.push(root);
    const [render, check] = await runBatch(root, { command: 'render', tasks: [{ id: 'r', argv: ['--cluster', 'fixture'] }, { id: 'c', argv: ['--cluster', 'fixture', '--check'] }] });
    expect(render!.result.code).toBe(0);
    expect(render!.result.stdout).toMatch(/clusters-fixture: 12 files in kubernetes\/clusters\/fixture \(12 written, 0 removed, 0 unchanged\)\n$/);
    expect(check!.result).toEqual(own(root, 'render', ['--cluster', 'fixture', '--check']));
  });
});
