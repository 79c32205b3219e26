/**
 * Benchmarks of the main jobs, in-process (no tsx/Nx start-up): `npm run bench`.
 * Prints the median and spread of each over repeated runs; figures go to BENCHMARKS.md.
 */
import { performance } from 'node:perf_hooks';
import { validateObject } from '@gitops/k8s-schemas';
import apps from '../../clusters/apps/src/index';
import infra from '../../clusters/infra/src/index';
import { workspaceRoot } from '../workspace';
import { renderedFiles } from '../render/rendered-files';
import { validateCluster } from '../validate/validate-cluster';
import { parseDocuments } from '../validate/yaml-documents';

function measure(name: string, runs: number, task: () => void): void {
  task(); // warm-up: module loading and JIT
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    task();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(2);
  console.log(`${name.padEnd(48)} median ${at(0.5)} ms  p10 ${at(0.1)}  p90 ${at(0.9)}  (${runs} runs)`);
}

measure('render infra in memory (settings -> YAML text)', 200, () => renderedFiles('clusters-infra', infra));
measure('render apps in memory', 200, () => renderedFiles('clusters-apps', apps));

const objects = [...renderedFiles('clusters-infra', infra).files.values()]
  .flatMap((text) => parseDocuments(text).objects)
  .filter((object) => validateObject(object) !== 'no-schema');
measure(`schema-validate infra's ${objects.length} objects (compiled Ajv)`, 2000, () => objects.forEach((o) => validateObject(o)));

const target = (cluster: string) => ({
  cluster,
  repoRoot: workspaceRoot,
  folders: [`kubernetes/clusters/${cluster}`],
  external: { kustomizations: ['observability-victoria-logs'], namespaces: [] },
});
measure('validate infra (all checks, kubectl kustomize)', 10, () => validateCluster(target('infra')));
measure('validate apps (all checks, kubectl kustomize)', 10, () => validateCluster(target('apps')));
