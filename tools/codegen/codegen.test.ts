import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const workspace = resolve(import.meta.dirname, '../..');

describe('codegen', () => {
  it('committed generated types match shared/crds and our schemas (codegen --check)', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', join(workspace, 'tools/codegen/main.ts'), '--check'], {
      cwd: workspace,
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 60_000);
});
