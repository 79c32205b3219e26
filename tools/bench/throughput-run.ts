/**
 * End-to-end validation throughput beside kubeconform, on the same corpus in the same run. The
 * corpus is the fixture cluster's rendered objects, copied under distinct names, 100 a file,
 * written as render writes manifests, in a temporary folder. Ours: read + parse (positions kept
 * for findings: locate re-reads a file with findings) + strict schema + CEL + API rules, one
 * thread. kubeconform: the real binary (PATH) with one worker (-n 1), against the same schemas.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { toYaml } from '@gitops/manifest';
import { validateObject } from '@gitops/k8s-schemas';
import { renderedFiles } from '../render/rendered-files';
import { FIXTURE, fixtureCluster } from '../testing/fixture-cluster.test-support';
import { schemaLocations, toolVersion } from '../validate/external-tools';
import { schemaFindings } from '../validate/schema-check';
import { parseDocuments } from '../validate/yaml-documents';
import { workspaceRoot } from '../workspace';

const PER_FILE = 100;

export interface Throughput {
  objects: number;
  kinds: number;
  files: number;
  /** Objects per second on one core, medians of the runs. */
  ours: number;
  kubeconform?: { version: string; rate: number };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function seconds(runs: number, task: () => unknown): number {
  task(); // warm-up
  return median(
    Array.from({ length: runs }, () => {
      const start = performance.now();
      task();
      return (performance.now() - start) / 1000;
    }),
  );
}

/** Writes the corpus, measures both, removes the corpus. */
export function measureThroughput(total: number, runs: number): Throughput {
  const templates = [...renderedFiles(FIXTURE, fixtureCluster()).files.values()]
    .flatMap((text) => parseDocuments(text).objects)
    .filter((object) => validateObject(object) !== 'no-schema');
  const dir = mkdtempSync(join(tmpdir(), 'throughput-'));
  try {
    for (let file = 0; file * PER_FILE < total; file += 1) {
      const documents = [];
      for (let i = file * PER_FILE; i < Math.min(total, (file + 1) * PER_FILE); i += 1) {
        const object = structuredClone(templates[i % templates.length]!) as { metadata: { name: string } };
        object.metadata.name = `${object.metadata.name}-${i}`;
        documents.push(object);
      }
      writeFileSync(join(dir, `objects-${String(file).padStart(5, '0')}.yaml`), toYaml(documents, 'throughput corpus'));
    }
    /** Validate's schema stage (strict schema, CEL rules, names, sizes) on every object read. */
    const ours = () => {
      let objects = 0;
      for (const name of readdirSync(dir).sort()) {
        const read = parseDocuments(readFileSync(join(dir, name))).objects;
        schemaFindings(read.map((object) => ({ object })));
        objects += read.length;
      }
      return objects;
    };
    const checked = ours();
    if (checked !== total) throw new Error(`read ${checked} objects, wrote ${total}`);
    const result: Throughput = { objects: total, kinds: templates.length, files: Math.ceil(total / PER_FILE), ours: total / seconds(runs, ours) };
    const version = toolVersion('kubeconform');
    if (version !== undefined) {
      const args = ['-strict', '-n', '1', '-summary', '-kubernetes-version', '1.36.0'];
      for (const location of schemaLocations(workspaceRoot)) args.push('-schema-location', location);
      result.kubeconform = { version, rate: total / seconds(runs, () => execFileSync('kubeconform', [...args, dir], { stdio: 'ignore' })) };
    }
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
