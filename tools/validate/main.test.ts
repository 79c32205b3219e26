import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspace } from './validate.test-support';

const run = (...args: string[]) =>
  spawnSync(join(workspace, 'node_modules/.bin/tsx'), [join(workspace, 'tools/validate/main.ts'), ...args], { cwd: workspace, encoding: 'utf8' });
const infra = ['--project', 'clusters-infra', '--definition', 'clusters/infra/src/index.ts', '--out', 'kubernetes/clusters/infra'];

describe('validate command', () => {
  it('passes the committed clusters and prints the per-kind summary', () => {
    const result = run(...infra);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      'infra: 0 errors, 0 warnings; checked 1 ConfigMap, 1 HelmRelease, 2 Kustomization, 1 Namespace, 1 NetworkPolicy, 1 OCIRepository, 1 VMServiceScrape\n',
    );
  });

  it('passes the committed apps cluster with zero findings', () => {
    const result = run('--project', 'clusters-apps', '--definition', 'clusters/apps/src/index.ts', '--out', 'kubernetes/clusters/apps');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^apps: 0 errors, 0 warnings; /);
  });

  it('prints machine-readable JSON with --output json', () => {
    const result = run(...infra, '--output', 'json');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ cluster: 'infra', errors: 0, warnings: 0, findings: [], objects: { HelmRelease: 1 } });
  });

  it('exits 1 on an error and prints each finding with file, object, path, reason and fix', () => {
    // Settings changed but not rendered: the committed YAML has drifted from them.
    const dir = mkdtempSync(join(tmpdir(), 'validate-cli-'));
    try {
      const definition = join(dir, 'staging.ts');
      writeFileSync(
        definition,
        `import infra from '${join(workspace, 'clusters/infra/src/index.ts')}';\n` +
          `export default { ...infra, settings: { ...infra.settings, environment: 'staging' } };\n`,
      );
      const result = run('--project', 'clusters-infra', '--definition', definition, '--out', 'kubernetes/clusters/infra');
      expect(result.status).toBe(1);
      const lines = result.stdout.split('\n');
      expect(lines[0]).toMatch(/^infra: 1 error, 0 warnings; checked /);
      expect(lines.slice(1, 4)).toEqual([
        '  error [drift] kubernetes/clusters/infra/cluster-settings.yaml',
        '    committed file differs from a fresh render (ConfigMap/flux-system/cluster-settings)',
        '    fix: run `nx run clusters-infra:render` and commit the result',
      ]);
      expect(result.stdout).toContain('-  ENVIRONMENT: production');
      expect(result.stdout).toContain('+  ENVIRONMENT: staging');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 1 when --out is not the cluster`s folder', () => {
    const result = run('--project', 'clusters-infra', '--definition', 'clusters/infra/src/index.ts', '--out', 'kubernetes/clusters/apps');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('renders to kubernetes/clusters/infra, not kubernetes/clusters/apps');
  });

  it('exits 2 on a bad option', () => {
    expect(run(...infra, '--output', 'xml').status).toBe(2);
  });
});
