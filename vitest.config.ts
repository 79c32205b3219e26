import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Resolve the workspace's `@gitops/*` imports from tsconfig.base.json, the one place they are declared.
const root = fileURLToPath(new URL('.', import.meta.url));
const { compilerOptions } = JSON.parse(readFileSync(`${root}tsconfig.base.json`, 'utf8')) as {
  compilerOptions: { paths: Record<string, [string]> };
};
// Longest first: `@gitops/cluster/layout` must not be taken for `@gitops/cluster` plus a suffix.
const alias = Object.entries(compilerOptions.paths)
  .sort(([a], [b]) => b.length - a.length)
  .map(([find, [target]]) => ({ find, replacement: `${root}${target}` }));

export default defineConfig({
  resolve: { alias },
  // Generous timeout: some tests run the real CLIs (tsx start-up) and kubectl, slow on a busy 2-core machine.
  test: { include: ['**/*.test.ts'], pool: 'threads', testTimeout: 30_000 },
});
