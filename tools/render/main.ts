/**
 * Renders one cluster's manifests into its folder under kubernetes/clusters.
 *
 *   tsx tools/render/main.ts --cluster infra [--check]
 *
 * The cluster is the folder clusters/<name> (its cluster.ts); it renders to kubernetes/clusters/<name>.
 * --check writes nothing and exits 1 when the committed files differ from a fresh render.
 * Many clusters in one process: tools/cluster-batch.
 */
import { exitWith } from '../cluster-batch/command-result';
import { renderCommand } from './render-command';

exitWith(await renderCommand(process.cwd(), process.argv.slice(2)));
