/**
 * End-to-end validation throughput beside kubeconform, on the same corpus in the same run:
 *   tsx tools/bench/throughput.ts [--objects 10000] [--runs 3]
 * The corpus is the fixture cluster's rendered objects, copied under distinct names, 100 a file,
 * in a temporary folder. Ours: read + parse (positions kept) + strict schema + CEL + API rules, one
 * thread. kubeconform: the real binary (PATH) with one worker (-n 1), against the same schemas.
 * Prints objects per second on one core for each, as medians of the runs.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { toYaml } from '@gitops/manifest';
import { validateObject } from '@gitops/k8s-schemas';
import { renderedFiles } from '../render/rendered-files';
import { FIXTURE, fixtureCluster } from '../testing/fixture-cluster.test-support';
import { schemaLocations, toolVersion } from '../validate/external-tools';
import { schemaFindings } from '../validate/schema-check';
import { parseDocuments } from '../validate/yaml-documents';
import { workspaceRoot } from '../workspace';

const { values } = parseArgs({ options: { objects: { type: 'string', default: '10000' }, runs: { type: 'string', default: '3' } } });
const total = Number(values.objects);
const runs = Number(values.runs);

const templates = [...renderedFiles(FIXTURE, fixtureCluster()).files.values()]
  .flatMap((text) => parseDocuments(text).objects)
  .filter((object) => validateObject(object) !== 'no-schema');

const dir = mkdtempSync(join(tmpdir(), 'throughput-'));
const PER_FILE = 100;
for (let file = 0; file * PER_FILE < total; file += 1) {
  const documents = [];
  for (let i = file * PER_FILE; i < Math.min(total, (file + 1) * PER_FILE); i += 1) {
    const object = structuredClone(templates[i % templates.length]!) as { metadata: { name: string } };
    object.metadata.name = `${object.metadata.name}-${i}`;
    documents.push(object);
  }
  // Written as render writes manifests (YAML 1.1 quoting, no line folding).
  writeFileSync(join(dir, `objects-${String(file).padStart(5, '0')}.yaml`), toYaml(documents, 'throughput corpus'));
}

/** Validate's schema stage (strict schema, CEL rules, names, sizes) on every object read. */
function ours(): number {
  let objects = 0;
  for (const name of readdirSync(dir).sort()) {
    const read = parseDocuments(readFileSync(join(dir, name))).objects;
    schemaFindings(read.map((object) => ({ object })));
    objects += read.length;
  }
  return objects;
}

function kubeconform(): void {
  const args = ['-strict', '-n', '1', '-summary', '-kubernetes-version', '1.36.0'];
  for (const location of schemaLocations(workspaceRoot)) args.push('-schema-location', location);
  execFileSync('kubeconform', [...args, dir], { stdio: 'ignore' });
}

const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
function time(task: () => unknown): number[] {
  task(); // warm-up
  return Array.from({ length: runs }, () => {
    const start = performance.now();
    task();
    return (performance.now() - start) / 1000;
  });
}

try {
  const checked = ours();
  if (checked !== total) throw new Error(`read ${checked} objects, wrote ${total}`);
  const oursSeconds = median(time(ours));
  console.log(`corpus: ${total} objects (${templates.length} kinds of the fixture cluster), ${Math.ceil(total / PER_FILE)} files`);
  console.log(`ours (parse with positions + schema + CEL + API rules, 1 thread): ${(total / oursSeconds).toFixed(0)} objects/s (median ${oursSeconds.toFixed(2)} s of ${runs})`);
  const version = toolVersion('kubeconform');
  if (version === undefined) {
    console.log('kubeconform: not on PATH (eval "$(bash tools/ci/install-tools.sh)")');
  } else {
    const theirs = median(time(kubeconform));
    console.log(`kubeconform ${version} (-strict -n 1): ${(total / theirs).toFixed(0)} objects/s (median ${theirs.toFixed(2)} s of ${runs})`);
    console.log(`ratio ours/kubeconform: ${(theirs / oursSeconds).toFixed(2)}x`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
