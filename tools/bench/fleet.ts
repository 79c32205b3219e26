/**
 * The fleet benchmark, `npm run bench` (several minutes; not part of npm test). On synthetic fleets
 * of N copies of the fixture cluster in temporary workspace copies (./fleet-workspace.ts), through
 * Nx as CI runs it: render, cold and warm validate, `nx affected -t validate` after touching one
 * cluster; then validation throughput on one core beside kubeconform on a 50,000-object corpus,
 * and the cold validate of 52 clusters, one process per cluster (--batch=false) vs batched.
 *
 *   tsx tools/bench/fleet.ts [--sizes 1,10,50,200] [--objects 50000] [--runs 3]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { clusterDefinitionPath } from '@gitops/cluster';
import { toolVersion } from '../validate/external-tools';
import { fleetClusterName, fleetWorkspace } from './fleet-workspace';
import type { Throughput } from './throughput-run';
import { workspaceRoot } from '../workspace';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1,10,50,200' }, objects: { type: 'string', default: '50000' }, runs: { type: 'string', default: '3' }, compare: { type: 'string', default: '52' } } });
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);

// Nx as in CI: no daemon, no cloud, plain output.
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', NX_SKIP_NX_CACHE: undefined };

/** Runs nx in the workspace; wall seconds and its output. A failing command stops the benchmark. */
function nx(root: string, ...args: string[]): { seconds: number; output: string } {
  const start = performance.now();
  const result = spawnSync(join(root, 'node_modules/.bin/nx'), [...args, '--outputStyle=static'], { cwd: root, env, encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
  const seconds = (performance.now() - start) / 1000;
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0) throw new Error(`nx ${args.join(' ')} failed in ${root}:\n${output.slice(-2000)}`);
  return { seconds, output };
}

/** Tasks Nx ran (not read from its cache) in a run's output: `> nx run p:t` lines without a cache note. */
function tasksRun(output: string): number {
  const ran = new Set<string>();
  for (const match of output.matchAll(/^> nx run (\S+)( +\[.*\])?$/gm)) if (!match[2]) ran.add(match[1]!);
  return ran.size;
}

/** The run with the median time of `runs` runs. */
function repeat(run: (index: number) => { seconds: number; output: string }) {
  const results = Array.from({ length: runs }, (_, index) => run(index));
  return [...results].sort((a, b) => a.seconds - b.seconds)[Math.floor(results.length / 2)]!;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const s = (seconds: number) => `${seconds.toFixed(1)} s`;
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const version = (command: string, args: string[]) => {
  try {
    return execFileSync(command, args, { encoding: 'utf8' }).trim().split('\n').join('; ');
  } catch {
    return 'not found';
  }
};

console.log(`machine: ${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${version('kubectl', ['version', '--client'])}, kubeconform ${toolVersion('kubeconform') ?? 'not on PATH'}; load ${load()} at the start`);

const rows: string[] = [];
for (const size of sizes) {
  const root = fleetWorkspace(size);
  try {
    nx(root, 'show', 'projects'); // the project graph, computed once before timing
    // Medians of `runs`: render is never cached; the first validate fills the cache, the other
    // cold ones skip it; warm ones read it.
    const render = repeat(() => nx(root, 'run-many', '-t', 'render'));
    const cold = repeat((run) => nx(root, 'run-many', '-t', 'validate', ...(run > 0 ? ['--skip-nx-cache'] : [])));
    const warm = repeat(() => nx(root, 'run-many', '-t', 'validate'));
    appendFileSync(join(root, clusterDefinitionPath(fleetClusterName(1))), '// touched\n');
    const affected = nx(root, 'affected', '-t', 'validate', '--base=HEAD');
    const row = `| ${size} | ${s(render.seconds)} | ${s(cold.seconds)} (${tasksRun(cold.output)} tasks run) | ${s(warm.seconds)} (${tasksRun(warm.output)} tasks run) | ${s(affected.seconds)} (${tasksRun(affected.output)} task${tasksRun(affected.output) === 1 ? '' : 's'} run) |`;
    rows.push(row);
    console.log(`N=${size}: ${row} load ${load()}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

console.log(`\nMedians of ${runs} runs (affected: one run):\n\n| clusters | render (batch) | cold validate | warm validate | affected -t validate after touching one cluster |`);
console.log('| --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);

// In a process of its own, as `npm run bench:throughput` runs it: not in this one's heap, grown by the fleets.
const measured = spawnSync(join(workspaceRoot, 'node_modules/.bin/tsx'), [join(workspaceRoot, 'tools/bench/throughput.ts'), '--objects', values.objects, '--runs', String(runs), '--json'], { encoding: 'utf8' });
if (measured.status !== 0) throw new Error(`throughput failed: ${measured.stderr}`);
const throughput = JSON.parse(measured.stdout.trim().split('\n').pop()!) as Throughput;
const theirs = throughput.kubeconform;
console.log(`\nthroughput on ${throughput.objects} objects (${throughput.files} files), one core, medians of ${runs}: ours ${throughput.ours.toFixed(0)} objects/s` +
  (theirs ? `, kubeconform ${theirs.version} ${theirs.rate.toFixed(0)} objects/s: ${(throughput.ours / theirs.rate).toFixed(1)}x` : ', kubeconform not on PATH') + `; load ${load()}`);

const compared = Number(values.compare);
const root = fleetWorkspace(compared);
try {
  nx(root, 'show', 'projects');
  const batched: number[] = [];
  const perProcess = nx(root, 'run-many', '-t', 'validate', '--skip-nx-cache', '--batch=false').seconds;
  for (let run = 0; run < runs; run += 1) batched.push(nx(root, 'run-many', '-t', 'validate', '--skip-nx-cache').seconds);
  console.log(`\ncold validate of ${compared} clusters: one process per cluster ${s(perProcess)} (${(perProcess / compared).toFixed(2)} s a cluster), batched ${s(median(batched))} (median of ${runs}: ${batched.map(s).join(', ')}): ${(median(batched) / perProcess * 100).toFixed(0)} % of the per-process time; load ${load()}`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
