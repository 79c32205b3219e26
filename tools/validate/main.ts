/**
 * Validates one cluster offline: drift against a fresh render, kustomize builds, Flux builds with
 * post-build substitution, strict schemas, chart values, the Fluent Bit pipeline, cross-references.
 *
 *   tsx tools/validate/main.ts --cluster infra [--format text|json|github] [--output-file f] [--flux]
 *
 * Options and exit codes: ./cli.ts (`--help`). Many clusters in one process: tools/cluster-batch.
 */
import { exitWith } from '../cluster-batch/command-result';
import { validateCommand } from './validate-command';

exitWith(await validateCommand(process.cwd(), process.argv.slice(2)));
