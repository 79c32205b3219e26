/**
 * Generates the TypeScript API types (and, later, validation schemas) from the upstream
 * definitions in shared/crds and from our own chart-values schema.
 *
 *   tsx tools/codegen/main.ts          write the generated files
 *   tsx tools/codegen/main.ts --check  exit 1 if a committed generated file is stale
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { generatedFiles } from './targets';
import { writeFileAtomic } from '../fs/write-file-atomic';
import { sharedDir, workspaceRoot } from '../workspace';

const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });

const files = await generatedFiles(sharedDir());
const stale: string[] = [];
for (const file of files) {
  const target = join(workspaceRoot, file.path);
  let current: string | undefined;
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    current = undefined;
  }
  if (current === file.content) continue;
  if (values.check) stale.push(file.path);
  else {
    writeFileAtomic(target, file.content);
    console.log(`codegen: wrote ${relative(workspaceRoot, target)}`);
  }
}
if (stale.length > 0) {
  console.error(`codegen: stale generated files (run \`npm run codegen\`):\n  ${stale.join('\n  ')}`);
  process.exit(1);
}
console.log(`codegen: ${files.length} generated files checked`);
