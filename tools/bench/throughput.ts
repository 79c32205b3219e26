/**
 * End-to-end validation throughput beside kubeconform (./throughput-run.ts):
 *   tsx tools/bench/throughput.ts [--objects 10000] [--runs 3] [--json]
 * Prints objects per second on one core for each, as medians of the runs.
 */
import { parseArgs } from 'node:util';
import { measureThroughput } from './throughput-run';

const { values } = parseArgs({ options: { objects: { type: 'string', default: '10000' }, runs: { type: 'string', default: '3' }, json: { type: 'boolean', default: false } } });
const result = measureThroughput(Number(values.objects), Number(values.runs));
if (values.json) {
  console.log(JSON.stringify(result));
  process.exit(0);
}
console.log(`corpus: ${result.objects} objects (${result.kinds} kinds of the fixture cluster), ${result.files} files`);
console.log(`ours (parse + schema + CEL + API rules, positions read for findings only, 1 thread): ${result.ours.toFixed(0)} objects/s`);
if (result.kubeconform) {
  console.log(`kubeconform ${result.kubeconform.version} (-strict -n 1): ${result.kubeconform.rate.toFixed(0)} objects/s`);
  console.log(`ratio ours/kubeconform: ${(result.ours / result.kubeconform.rate).toFixed(2)}x`);
} else {
  console.log('kubeconform: not on PATH (eval "$(bash tools/ci/install-tools.sh)")');
}
