import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatText } from './report';
import { FIXTURE_DIR } from '../testing/fixture-cluster.test-support';
import { editYaml, scratchFixture, validateScratch } from './validate.test-support';

let root: string;
beforeEach(() => {
  root = scratchFixture();
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const APP = 'observability/fluent-bit/app';
const write = (file: string, content: string | Uint8Array) => {
  const path = join(root, FIXTURE_DIR, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
};

describe('validate never crashes on odd input: each file is a located finding or passes', () => {
  it('passes a listed ConfigMap with 150 alias uses (kubectl kustomize accepts it)', () => {
    const keys = Array.from({ length: 150 }, (_, i) => `  key${i}: *value\n`).join('');
    write(`${APP}/aliases.yaml`, `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: aliases\n  namespace: observability\n  annotations:\n    note: &value shared\ndata:\n${keys}`);
    editYaml(root, `${APP}/kustomization.yaml`, ([k]) => k.resources.push('aliases.yaml'));
    expect(validateScratch(root).findings).toEqual([]);
  });

  it('reports binary, non-UTF-8, too deep, alias-bomb and malformed files, and still reports the rest', () => {
    write(`${APP}/binary.yaml`, new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 0]));
    write(`${APP}/latin1.yaml`, Buffer.from('kind: ConfigMap\nmetadata:\n  name: caf\xe9\n', 'latin1'));
    write(`${APP}/deep.yaml`, `kind: ConfigMap\ndata: ${'['.repeat(3000)}\n`);
    let bomb = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 12; i++) bomb += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
    write(`${APP}/bomb.yaml`, bomb);
    write(`${APP}/empty.yaml`, '');
    write(`${APP}/comments.yaml`, '# nothing here\n');
    // Shapes the checks do not expect: a kustomization whose fields are not lists, a nameless Flux Kustomization.
    write('odd/kustomization.yaml', 'resources: {a: 1}\npatches: 7\ncomponents: text\n');
    write('odd/ks.yaml', 'apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata: null\nspec: {path: 5}\n');
    const report = validateScratch(root);
    const at = (file: string) => report.findings.filter((f) => f.file === `${FIXTURE_DIR}/${file}`).map((f) => f.message);
    expect(at(`${APP}/binary.yaml`)).toContainEqual('invalid YAML at line 1: control character U+007F is not allowed in YAML');
    expect(at(`${APP}/latin1.yaml`)).toContainEqual('invalid YAML at line 3: not UTF-8 text (invalid byte sequence)');
    expect(at(`${APP}/deep.yaml`)).toContainEqual('invalid YAML at line 2: nesting deeper than 256 levels');
    expect(at(`${APP}/bomb.yaml`)).toContainEqual(expect.stringMatching(/^invalid YAML at line \d+: aliases expand to more than/));
    expect(at('odd/ks.yaml')).toContainEqual('a Flux Kustomization without metadata.name');
    // Empty and comment-only files only get the warning every unlisted file gets.
    expect(at(`${APP}/empty.yaml`)).toEqual(['no kustomization.yaml lists this file, so nothing applies it']);
    expect(at(`${APP}/comments.yaml`)).toEqual(['no kustomization.yaml lists this file, so nothing applies it']);
    expect(report.findings.filter((f) => f.message.startsWith('internal error'))).toEqual([]);
    expect(formatText(report)).toMatch(/^fixture: \d+ errors, \d+ warnings; checked /);
  });
});

describe('validate raises no false alarms on what kubectl and the API server accept', () => {
  it('passes `kubectl create ... --dry-run=client -o yaml` output: creationTimestamp: null, status: {}, nulls for optional fields', () => {
    write(
      `${APP}/web.yaml`,
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: web\n  name: web\n  namespace: observability\n' +
        'spec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: web\n  strategy: {}\n  template:\n    metadata:\n      creationTimestamp: null\n      labels:\n        app: web\n' +
        '    spec:\n      tolerations: null\n      containers:\n      - image: nginx\n        name: nginx\n        args: null\n        ports:\n        - containerPort: 8080\n        readinessProbe:\n          httpGet: {port: http, path: /}\n' +
        '        resources: {requests: {cpu: 0.5, memory: 64Mi}, limits: {memory: "134217728"}}\nstatus: {}\n',
    );
    write(`${APP}/settings.yaml`, 'apiVersion: v1\ndata:\n  a: b\nkind: ConfigMap\nmetadata:\n  creationTimestamp: null\n  name: x\n  namespace: observability\n');
    editYaml(root, `${APP}/kustomization.yaml`, ([k]) => k.resources.push('web.yaml', 'settings.yaml'));
    expect(validateScratch(root).findings).toEqual([]);
  });
});

describe('report wording', () => {
  it('agrees in number', () => {
    const finding = { check: 'schema' as const, message: 'm', fix: 'f' };
    const line = (errors: number, warnings: number) =>
      formatText({
        cluster: 'c',
        objects: { ConfigMap: 1 },
        coverage: [],
        findings: [...Array(errors).fill({ ...finding, severity: 'error' }), ...Array(warnings).fill({ ...finding, severity: 'warning' })],
      }).split('\n')[0];
    expect(line(1, 1)).toBe('c: 1 error, 1 warning; checked 1 ConfigMap');
    expect(line(2, 0)).toBe('c: 2 errors, 0 warnings; checked 1 ConfigMap');
  });
});
