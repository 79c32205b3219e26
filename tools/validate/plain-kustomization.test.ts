/**
 * The in-process build of plain kustomizations against the real one (kubectl kustomize, or
 * kustomize, on PATH as validate needs): the same objects, with the same values, in the same order.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KUSTOMIZATION_FILES } from '@gitops/flux-ks';
import { scratchWorkspace } from '../testing/fixture-cluster.test-support';
import { workspaceRoot } from '../workspace';
import { findKustomize } from './kustomize';
import { plainKustomizationBuild } from './plain-kustomization';
import { parseDocuments } from './yaml-documents';

const kustomize = findKustomize();
const real = (dir: string) => parseDocuments(kustomize!.build(dir)).objects;

/** Every folder below root holding a kustomization file. */
const roots = (root: string) =>
  readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((path) => KUSTOMIZATION_FILES.some((file) => path === file || path.endsWith(`/${file}`)))
    .map((path) => join(root, dirname(path)))
    .sort();

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'plain-kustomization-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const kustomization = (resources: string[], extra = '') =>
  `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n${extra}resources:\n${resources.map((r) => `  - ${r}\n`).join('')}`;
const write = (files: Record<string, string>) => {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
};
const object = (apiVersion: string, kind: string, name: string, namespace?: string, body = '') =>
  `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: ${name}\n${namespace ? `  namespace: ${namespace}\n` : ''}${body}`;

describe.skipIf(!kustomize)('plain kustomizations built in process', () => {
  it('equal the real build for every root of the fixture cluster (all plain)', () => {
    const root = scratchWorkspace();
    try {
      const dirs = roots(join(root, 'kubernetes'));
      expect(dirs.length).toBeGreaterThanOrEqual(3);
      for (const folder of dirs) expect(plainKustomizationBuild(folder), folder).toEqual(real(folder));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('equal the real build for the story`s plain roots, and leave the others to it', () => {
    const dirs = roots(join(workspaceRoot, 'tools/validate/fixtures/story'));
    const plain = dirs.filter((folder) => plainKustomizationBuild(folder) !== undefined);
    expect(plain.length).toBeGreaterThan(0);
    for (const folder of plain) expect(plainKustomizationBuild(folder), folder).toEqual(real(folder));
  });

  it('order objects as kustomize`s legacy order does: listed kinds first and last, then group/version/kind, namespace, name', () => {
    const kinds = [
      object('admissionregistration.k8s.io/v1', 'ValidatingWebhookConfiguration', 'v'),
      object('admissionregistration.k8s.io/v1', 'MutatingWebhookConfiguration', 'm'),
      object('apps/v1', 'Deployment', 'b', 'zeta'),
      object('apps/v1', 'Deployment', 'a', 'zeta'),
      object('apps/v1', 'Deployment', 'c', 'alpha'),
      object('apps/v1', 'DaemonSet', 'd', 'alpha'),
      object('v1', 'Service', 's', 'alpha'),
      object('v1', 'ConfigMap', 'c'),
      object('v1', 'ConfigMap', 'c', 'alpha'),
      object('v1', 'Namespace', 'alpha'),
      object('v1', 'Secret', 'x', 'alpha', 'stringData:\n  k: v\n'),
      object('helm.toolkit.fluxcd.io/v2', 'HelmRelease', 'h', 'alpha'),
      object('example.com/v1', 'HelmRelease', 'h', 'alpha'),
      object('example.com/v1beta1', 'Widget', 'w'),
      object('apiextensions.k8s.io/v1', 'CustomResourceDefinition', 'widgets.example.com'),
      object('rbac.authorization.k8s.io/v1', 'ClusterRole', 'r'),
      object('networking.k8s.io/v1', 'NetworkPolicy', 'np', 'alpha', 'spec:\n  podSelector: {}\n'),
    ];
    write({ 'a.yaml': kinds.slice(0, 9).join('---\n'), 'b.yaml': kinds.slice(9).join('\n---\n'), 'kustomization.yaml': kustomization(['b.yaml', './a.yaml']) });
    const ours = plainKustomizationBuild(dir);
    expect(ours).toBeDefined();
    expect(ours).toEqual(real(dir));
  });

  it('keep values as kustomize reads them: quoted look-alikes, empty and null values, text blocks, numbers, unicode', () => {
    write({
      'kustomization.yml': kustomization(['values.yaml']),
      'values.yaml':
        object('v1', 'ConfigMap', 'values', 'default') +
        'data:\n  onish: "on"\n  octal: "0777"\n  e: ""\n  u: "héllo ✓"\n  block: |\n    [OUTPUT]\n        Match *\n  folded: >-\n    a\n    b\n' +
        'spec:\n  nothing: null\n  tilde: ~\n  empty: {}\n  list: []\n  f: 1.0\n  i: -12\n  big: 12345678901234567890\n  t: true\n',
    });
    expect(plainKustomizationBuild(dir)).toEqual(real(dir));
  });

  it.each([
    ['a transformer field', { 'kustomization.yaml': kustomization(['a.yaml'], 'namePrefix: x-\n'), 'a.yaml': object('v1', 'ConfigMap', 'a') }],
    ['a directory resource', { 'kustomization.yaml': kustomization(['sub']), 'sub/kustomization.yaml': kustomization(['a.yaml']), 'sub/a.yaml': object('v1', 'ConfigMap', 'a') }],
    ['a file outside the root', { 'kustomization.yaml': kustomization(['../a.yaml']) }],
    ['a missing file', { 'kustomization.yaml': kustomization(['missing.yaml']) }],
    ['a YAML 1.1 boolean kustomize reads as a string', { 'kustomization.yaml': kustomization(['a.yaml']), 'a.yaml': object('v1', 'ConfigMap', 'a', undefined, 'data:\n  k: on\n') }],
    ['a key YAML 1.1 reads as a boolean', { 'kustomization.yaml': kustomization(['a.yaml']), 'a.yaml': object('v1', 'ConfigMap', 'a', undefined, 'data:\n  n: x\n') }],
    ['an octal-looking number', { 'kustomization.yaml': kustomization(['a.yaml']), 'a.yaml': object('v1', 'ConfigMap', 'a', undefined, 'spec:\n  mode: 0644\n') }],
    ['an anchor and alias', { 'kustomization.yaml': kustomization(['a.yaml']), 'a.yaml': object('v1', 'ConfigMap', 'a', undefined, 'data: &d\n  k: v\nbinaryData: *d\n') }],
    ['a tag', { 'kustomization.yaml': kustomization(['a.yaml']), 'a.yaml': object('v1', 'ConfigMap', 'a', undefined, 'data:\n  k: !!str 1\n') }],
    ['a List', { 'kustomization.yaml': kustomization(['a.yaml']), 'a.yaml': 'apiVersion: v1\nkind: List\nitems: []\n' }],
    ['an object without a name', { 'kustomization.yaml': kustomization(['a.yaml']), 'a.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {}\n' }],
    ['the same object twice', { 'kustomization.yaml': kustomization(['a.yaml', 'b.yaml']), 'a.yaml': object('v1', 'ConfigMap', 'a'), 'b.yaml': object('v1', 'ConfigMap', 'a') }],
    ['a kustomize annotation', { 'kustomization.yaml': kustomization(['a.yaml']), 'a.yaml': object('v1', 'ConfigMap', 'a').replace('metadata:\n', 'metadata:\n  annotations:\n    config.kubernetes.io/local-config: "true"\n') }],
    ['a duplicate key', { 'kustomization.yaml': kustomization(['a.yaml']), 'a.yaml': object('v1', 'ConfigMap', 'a', undefined, 'data:\n  k: a\n  k: b\n') }],
    ['two kustomization files', { 'kustomization.yaml': kustomization(['a.yaml']), 'kustomization.yml': kustomization(['a.yaml']), 'a.yaml': object('v1', 'ConfigMap', 'a') }],
    ['a scalar document', { 'kustomization.yaml': kustomization(['a.yaml']), 'a.yaml': 'just text\n' }],
  ])('leave to the real kustomize: %s', (_, files) => {
    write(files);
    expect(plainKustomizationBuild(dir)).toBeUndefined();
  });
});
