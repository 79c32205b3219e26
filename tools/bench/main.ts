/**
 * Benchmarks of the main jobs, in-process (no tsx/Nx start-up): `npm run bench:in-process`.
 * Prints the median and spread of each over repeated runs; figures go to BENCHMARKS.md.
 */
import { performance } from 'node:perf_hooks';
import { validateObject } from '@gitops/k8s-schemas';
import { FIXTURE, FIXTURE_DIR, fixtureCluster, scratchWorkspace } from '../testing/fixture-cluster.test-support';
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

// The toolkit's fixture cluster (audit logs on), not the fleet: figures stay comparable across edits of clusters/.
const fixture = fixtureCluster();
const noAudit = fixtureCluster({ logCollection: { auditLogs: { enabled: false } } });
measure('render a cluster in memory (settings -> YAML text)', 200, () => renderedFiles(FIXTURE, fixture));
measure('render a cluster without audit logs in memory', 200, () => renderedFiles(FIXTURE, noAudit));

const objects = [...renderedFiles(FIXTURE, fixture).files.values()]
  .flatMap((text) => parseDocuments(text).objects)
  .filter((object) => validateObject(object) !== 'no-schema');
measure(`schema-validate a cluster's ${objects.length} objects (compiled Ajv)`, 2000, () => objects.forEach((o) => validateObject(o)));

const root = scratchWorkspace();
const target = {
  cluster: FIXTURE,
  repoRoot: root,
  folders: [FIXTURE_DIR],
  external: { kustomizations: ['observability-victoria-logs'], namespaces: [] },
};
measure('validate a cluster (all checks, kubeconform included)', 10, () => validateCluster(target));
