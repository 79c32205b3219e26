import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import * as validators from '../../libs/k8s-schemas/src/generated/validators.js';
import { sharedDir, workspaceRoot } from '../workspace';
import {
  AJV_OPTIONS,
  OR_NULL,
  QUANTITY_SCHEMA,
  allowNull,
  asStrictKind,
  inlineRefs,
  kindSuffix,
  kubernetesSchemaPath,
  crdSchemaPath,
  schemaExplanations,
  schemaFiles,
  stableJson,
  toStrictSchema,
} from './schemas';
import type { SchemaNode } from './schema-transforms';
import type { GeneratedFile } from './targets';

const noRefs = {
  ref: (ref: string): never => {
    throw new Error(`unexpected ${ref}`);
  },
};
const strict = (node: unknown): SchemaNode => toStrictSchema(node, noRefs) as SchemaNode;
const ajv = () => new Ajv({ ...AJV_OPTIONS, code: {} });
const accepts = (schema: unknown, data: unknown): boolean => ajv().compile(schema as object)(data);

describe('toStrictSchema', () => {
  it('closes every object that declares properties, at every depth', () => {
    const schema = strict({
      type: 'object',
      properties: { spec: { type: 'object', properties: { podSelector: { type: 'object', properties: { a: { type: 'string' } } } } } },
    });
    expect(schema['additionalProperties']).toBe(false);
    expect(accepts(schema, { spec: { podSelector: { a: 'x' } } })).toBe(true);
    expect(accepts(schema, { spec: { podSelecter: {} } })).toBe(false);
    expect(accepts(schema, { spec: { podSelector: { b: 'x' } } })).toBe(false);
    expect(accepts(schema, { extra: 1 })).toBe(false);
  });

  it('keeps explicit additionalProperties (maps) and objects without properties open', () => {
    const schema = strict({
      type: 'object',
      properties: {
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        raw: { type: 'object' },
      },
    });
    expect(accepts(schema, { labels: { 'app.kubernetes.io/name': 'x' }, raw: { anything: [1] } })).toBe(true);
    expect(accepts(schema, { labels: { a: 1 } })).toBe(false);
  });

  it('keeps x-kubernetes-preserve-unknown-fields objects open, but not their declared children', () => {
    const schema = strict({
      type: 'object',
      properties: {
        values: { 'x-kubernetes-preserve-unknown-fields': true },
        config: {
          type: 'object',
          'x-kubernetes-preserve-unknown-fields': true,
          properties: { known: { type: 'object', properties: { a: { type: 'string' } } } },
        },
      },
    });
    const config = (schema['properties'] as Record<string, SchemaNode>)['config']!;
    expect(config['additionalProperties']).toBeUndefined();
    expect(accepts(schema, { values: { anything: { nested: [1, 'x'] } } })).toBe(true);
    expect(accepts(schema, { config: { unknown: true, known: { a: 'x' } } })).toBe(true);
    expect(accepts(schema, { config: { known: { b: 'x' } } })).toBe(false);
  });

  it('accepts integer or string for int-or-string (swagger format and CRD extension), nothing else', () => {
    const swagger = strict({ type: 'string', format: 'int-or-string' });
    const crd = strict({ anyOf: [{ type: 'integer' }, { type: 'string' }], 'x-kubernetes-int-or-string': true });
    for (const schema of [swagger, crd]) {
      expect(schema).toEqual({ type: ['integer', 'string'] });
      expect(accepts(schema, 8427)).toBe(true);
      expect(accepts(schema, '8427')).toBe(true);
      expect(accepts(schema, 'http-metrics')).toBe(true);
      expect(accepts(schema, 1.5)).toBe(false);
      expect(accepts(schema, true)).toBe(false);
      expect(accepts(schema, null)).toBe(false);
    }
    // A CRD quantity is int-or-string with a pattern: the pattern stays.
    const quantity = strict({ anyOf: [{ type: 'integer' }, { type: 'string' }], pattern: '^[0-9]+m?$', 'x-kubernetes-int-or-string': true });
    expect(quantity).toEqual({ type: ['integer', 'string'], pattern: '^[0-9]+m?$' });
  });

  it('accepts numbers and quantity strings for Kubernetes quantities', () => {
    for (const good of [1, 0.5, -2, '1', '500m', '0.5', '.5', '1.', '128Mi', '1Gi', '2Ei', '1k', '3M', '1e3', '1E-3', '+1', '-1', '100n', '250u']) {
      expect(accepts(QUANTITY_SCHEMA, good), String(good)).toBe(true);
    }
    for (const bad of ['2 cores', '', '1GB', '1mi', 'Mi', '1.2.3', '1e', ' 1', true, null, {}]) {
      expect(accepts(QUANTITY_SCHEMA, bad), JSON.stringify(bad)).toBe(false);
    }
  });

  it('allows null only where nullable: true', () => {
    const schema = strict({
      type: 'object',
      properties: {
        secret: { nullable: true, type: 'object', properties: { key: { type: 'string' } }, required: ['key'] },
        mode: { nullable: true, type: 'string', enum: ['a', 'b'] },
        plain: { type: 'string' },
      },
    });
    expect(accepts(schema, { secret: null, mode: null })).toBe(true);
    expect(accepts(schema, { secret: { key: 'k' }, mode: 'a' })).toBe(true);
    expect(accepts(schema, { secret: {} })).toBe(false);
    expect(accepts(schema, { mode: 'c' })).toBe(false);
    expect(accepts(schema, { plain: null })).toBe(false);
    // With a combinator, null is an alternative of its own (a required-only oneOf would reject null twice).
    expect(strict({ nullable: true, oneOf: [{ required: ['a'] }, { required: ['b'] }] })).toEqual({
      anyOf: [{ type: 'null' }, { oneOf: [{ required: ['a'] }, { required: ['b'] }] }],
    });
  });

  it('drops prose, formats, defaults and extensions, and keeps enum data untouched', () => {
    const schema = strict({
      description: 'prose',
      type: 'object',
      'x-kubernetes-map-type': 'atomic',
      'x-kubernetes-validations': [{ rule: 'self.a != ""', message: 'm' }],
      properties: {
        a: { type: 'integer', format: 'int32', default: 1, description: 'x', example: 2, minimum: 0 },
        b: { type: 'string', format: 'date-time', title: 't', $comment: 'c' },
        c: { enum: [{ description: 'data, not prose' }] },
        description: { type: 'string', description: 'a field named description' },
      },
    });
    expect(schema).toEqual({
      type: 'object',
      additionalProperties: false,
      properties: {
        a: { type: 'integer', minimum: 0 },
        b: { type: 'string' },
        c: { enum: [{ description: 'data, not prose' }] },
        description: { type: 'string' },
      },
    });
  });

  it('turns OpenAPI 3.0 boolean exclusive bounds into draft-07 numbers', () => {
    expect(strict({ type: 'integer', minimum: 0, exclusiveMinimum: true, maximum: 10 })).toEqual({
      type: 'integer',
      exclusiveMinimum: 0,
      maximum: 10,
    });
  });

  it('leaves conditions (if/then/else/not) open: they add constraints to fields the properties declare', () => {
    const schema = strict({
      type: 'object',
      properties: { kind: { enum: ['A', 'B'] }, a: { type: 'object', properties: { type: { type: 'string' } } }, b: { type: 'integer' } },
      if: { properties: { kind: { const: 'B' } }, required: ['kind'] },
      then: { properties: { a: { properties: { type: { enum: ['x'] } } }, b: { not: {} } } },
      else: { properties: { a: { properties: { type: { enum: ['y'] } } } } },
    });
    expect(schema['additionalProperties']).toBe(false);
    expect(accepts(schema, { kind: 'A', a: { type: 'y' }, b: 1 })).toBe(true);
    expect(accepts(schema, { kind: 'B', a: { type: 'x' } })).toBe(true);
    expect(accepts(schema, { kind: 'B', a: { type: 'y' } })).toBe(false);
    expect(accepts(schema, { kind: 'B', b: 1 })).toBe(false);
    expect(accepts(schema, { kind: 'A', a: { type: 'y', other: 1 } })).toBe(false);
  });

  it('keeps our x-message/x-fix annotations and locates them for the validators` errors', () => {
    const schema = strict({
      type: 'object',
      properties: {
        n: { type: 'integer', minimum: 1, 'x-message': { minimum: 'zero is dropped' }, 'x-fix': { minimum: 'use 1' } },
        list: { type: 'array', items: { type: 'object', properties: { k: { not: {}, 'x-message': 'no k' } } } },
      },
      allOf: [{ if: { required: ['n'] }, then: { required: ['list'] }, 'x-message': 'n needs list' }],
    });
    expect(schema['properties']).toMatchObject({ n: { 'x-message': { minimum: 'zero is dropped' }, 'x-fix': { minimum: 'use 1' } } });
    expect(schemaExplanations(schema)).toEqual([
      { schemaPath: '#/properties/n', instancePath: ['n'], keyword: 'minimum', message: 'zero is dropped', fix: 'use 1' },
      { schemaPath: '#/properties/list/items/properties/k', instancePath: ['list', '*', 'k'], message: 'no k' },
      { schemaPath: '#/allOf/0', instancePath: [], message: 'n needs list' },
    ]);
    expect(() => schemaExplanations({ type: 'integer', 'x-message': { maximum: 'm' } })).toThrow(/maximum/);
  });

  it('rejects keywords it does not understand instead of ignoring them', () => {
    expect(() => strict({ type: 'object', dependencies: { a: ['b'] } })).toThrow(/dependencies/);
  });

  it('inlines $refs and refuses cycles', () => {
    const definitions: Record<string, SchemaNode> = {
      A: { type: 'object', properties: { b: { $ref: 'B' } } },
      B: { type: 'string' },
      C: { type: 'object', properties: { c: { $ref: 'C' } } },
    };
    expect(inlineRefs({ $ref: 'A' }, (ref) => definitions[ref]!)).toEqual({ type: 'object', properties: { b: { type: 'string' } } });
    expect(() => inlineRefs({ $ref: 'C' }, (ref) => definitions[ref]!)).toThrow(/cycle/);
  });

  it('makes apiVersion/kind required constants, sets metadata and keeps status optional', () => {
    const kind = asStrictKind(
      { type: 'object', properties: { spec: { type: 'object' }, status: { type: 'object' }, metadata: { type: 'object' } }, required: ['spec', 'status'] },
      'example.com/v1',
      'Example',
      { type: 'object', properties: { name: { type: 'string' } }, additionalProperties: false },
    );
    expect(kind['required']).toEqual(['spec', 'apiVersion', 'kind']);
    expect(Object.keys(kind['properties'] as object).sort()).toEqual(['apiVersion', 'kind', 'metadata', 'spec', 'status']);
    expect(accepts(kind, { apiVersion: 'example.com/v1', kind: 'Example', metadata: { name: 'x' }, spec: {} })).toBe(true);
    expect(accepts(kind, { apiVersion: 'example.com/v2', kind: 'Example', spec: {} })).toBe(false);
    expect(accepts(kind, { apiVersion: 'example.com/v1', kind: 'Example', metadata: { nam: 'x' }, spec: {} })).toBe(false);
    expect(accepts(kind, { apiVersion: 'example.com/v1', kind: 'Example', spec: {}, status: {} })).toBe(true);
  });

  it('with nullableOptional, accepts null for optional fields and map values, not for required fields or list items', () => {
    const schema = toStrictSchema(
      {
        type: 'object',
        required: ['name'],
        properties: {
          name: { type: 'string' },
          args: { type: 'array', items: { type: 'string' } },
          labels: { type: 'object', additionalProperties: { type: 'string' } },
          mode: { type: 'string', enum: ['a', 'b'] },
          port: { 'x-kubernetes-int-or-string': true },
          nested: { type: 'object', required: ['key'], properties: { key: { type: 'string' }, opt: { type: 'integer' } } },
          shared: { $ref: '#/definitions/Shared' },
        },
      },
      { ref: (ref) => ({ $ref: ref }), nullableOptional: true },
    ) as SchemaNode;
    const properties = schema['properties'] as Record<string, SchemaNode>;
    expect(properties['shared']).toEqual({ $ref: `#/definitions/Shared${OR_NULL}` });
    delete properties['shared'];
    const ok = (data: object) => accepts(schema, { name: 'n', ...data });
    for (const field of ['args', 'labels', 'mode', 'port', 'nested']) expect(ok({ [field]: null })).toBe(true);
    expect(ok({ labels: { a: null }, nested: { key: 'k', opt: null } })).toBe(true);
    expect(ok({ name: null })).toBe(false);
    expect(ok({ nested: { key: null } })).toBe(false);
    expect(ok({ args: ['a', null] })).toBe(false);
    expect(ok({ mode: 'c' })).toBe(false);
    // Without the option (our chart values schema), null stays where `nullable: true` puts it.
    expect(accepts(strict({ type: 'object', properties: { a: { type: 'string' } } }), { a: null })).toBe(false);
  });

  it('allowNull: a $ref becomes its -or-null twin, a combinator gets a null alternative once', () => {
    expect(allowNull({ $ref: 'x' })).toEqual({ $ref: `x${OR_NULL}` });
    expect(allowNull(allowNull({ $ref: 'x' }))).toEqual({ $ref: `x${OR_NULL}` });
    expect(allowNull(allowNull({ oneOf: [{ type: 'string' }] }))).toEqual({ anyOf: [{ type: 'null' }, { oneOf: [{ type: 'string' }] }] });
    expect(allowNull({ properties: {} })).toEqual({ properties: {} });
  });
});

describe('stableJson', () => {
  it('sorts keys recursively, keeps array order, indents by 2 and ends with a newline', () => {
    expect(stableJson({ b: 1, a: { d: [3, 1], c: true } })).toBe('{\n  "a": {\n    "c": true,\n    "d": [\n      3,\n      1\n    ]\n  },\n  "b": 1\n}\n');
    expect(stableJson({ y: 1, x: 2 })).toBe(stableJson({ x: 2, y: 1 }));
  });
});

describe('kubeconform naming', () => {
  it('follows kubeconform\'s {{ .ResourceKind }}{{ .KindSuffix }} and the CRDs-catalog layout', () => {
    expect(kindSuffix('v1')).toBe('-v1');
    expect(kindSuffix('apps/v1')).toBe('-apps-v1');
    expect(kindSuffix('networking.k8s.io/v1')).toBe('-networking-v1');
    expect(kubernetesSchemaPath('v1', 'ConfigMap')).toBe('schemas/kubernetes/v1.36.0-standalone-strict/configmap-v1.json');
    expect(kubernetesSchemaPath('networking.k8s.io/v1', 'NetworkPolicy')).toBe(
      'schemas/kubernetes/v1.36.0-standalone-strict/networkpolicy-networking-v1.json',
    );
    expect(crdSchemaPath('helm.toolkit.fluxcd.io', 'v2', 'HelmRelease')).toBe('schemas/crds/helm.toolkit.fluxcd.io/helmrelease_v2.json');
  });
});

describe('schemaFiles(shared)', () => {
  let files: GeneratedFile[];
  beforeAll(async () => {
    files = await schemaFiles(sharedDir());
  }, 60_000);
  const jsonSchemas = () => files.filter((f) => f.path.endsWith('.json'));

  it('generates the expected files', () => {
    expect(files.map((f) => f.path)).toEqual([
      'schemas/charts/fluent-bit-0.58.1.values.json',
      'schemas/crds/helm.toolkit.fluxcd.io/helmrelease_v2.json',
      'schemas/crds/kustomize.toolkit.fluxcd.io/kustomization_v1.json',
      'schemas/crds/monitoring.coreos.com/servicemonitor_v1.json',
      'schemas/crds/operator.victoriametrics.com/vmpodscrape_v1beta1.json',
      'schemas/crds/operator.victoriametrics.com/vmrule_v1beta1.json',
      'schemas/crds/operator.victoriametrics.com/vmservicescrape_v1beta1.json',
      'schemas/crds/source.toolkit.fluxcd.io/gitrepository_v1.json',
      'schemas/crds/source.toolkit.fluxcd.io/helmrepository_v1.json',
      'schemas/crds/source.toolkit.fluxcd.io/ocirepository_v1.json',
      'schemas/kubernetes/v1.36.0-standalone-strict/configmap-v1.json',
      'schemas/kubernetes/v1.36.0-standalone-strict/daemonset-apps-v1.json',
      'schemas/kubernetes/v1.36.0-standalone-strict/deployment-apps-v1.json',
      'schemas/kubernetes/v1.36.0-standalone-strict/namespace-v1.json',
      'schemas/kubernetes/v1.36.0-standalone-strict/networkpolicy-networking-v1.json',
      'schemas/kubernetes/v1.36.0-standalone-strict/secret-v1.json',
      'schemas/kubernetes/v1.36.0-standalone-strict/service-v1.json',
      'schemas/kubernetes/v1.36.0-standalone-strict/serviceaccount-v1.json',
      'libs/k8s-schemas/src/generated/catalog.ts',
      'libs/k8s-schemas/src/generated/validators.d.ts',
      'libs/k8s-schemas/src/generated/validators.js',
      'libs/k8s-schemas/src/generated/cel-rules.ts',
    ]);
  });

  it('extracts the CRDs` CEL rules with where they apply', () => {
    const module = files.find((f) => f.path.endsWith('cel-rules.ts'))!.content;
    expect(module).toContain('"helm.toolkit.fluxcd.io/v2/HelmRelease": [{"path":["spec"],"rule":"(has(self.chart) && !has(self.chartRef)) || (!has(self.chart) && has(self.chartRef))","message":"either chart or chartRef must be set"}');
    expect(module).toContain('"path":["spec","kubeConfig"]');
  });

  it('is deterministic', async () => {
    expect(await schemaFiles(sharedDir())).toEqual(files);
    for (const file of jsonSchemas()) expect(stableJson(JSON.parse(file.content))).toBe(file.content);
  });

  it('matches the committed files byte for byte', () => {
    const stale = files.filter((file) => {
      try {
        return readFileSync(join(workspaceRoot, file.path), 'utf8') !== file.content;
      } catch {
        return true;
      }
    });
    expect(stale.map((f) => f.path)).toEqual([]);
  });

  it('pins every schema to its sources by sha256, standalone (no $ref) and without prose', () => {
    for (const file of jsonSchemas()) {
      const schema = JSON.parse(file.content) as SchemaNode;
      const comment = String(schema['$comment']);
      expect(comment).toMatch(/^Generated by tools\/codegen from .+ sha256:[0-9a-f]{64}(?: and .+ sha256:[0-9a-f]{64})*\. Do not edit\.$/);
      for (const [, source, hash] of comment.matchAll(/(\S+) sha256:([0-9a-f]{64})/g)) {
        const path = source!.startsWith('crds/') ? join(sharedDir(), source!) : join(workspaceRoot, source!);
        expect(createHash('sha256').update(readFileSync(path)).digest('hex'), `${file.path}: ${source}`).toBe(hash);
      }
      expect(file.content).not.toMatch(/"(\$ref|description|format|nullable|x-kubernetes-[a-z-]+)":/);
      expect(file.content.match(/"\$comment":/g)).toHaveLength(1);
    }
  });

  it('compiles every committed schema with Ajv, and the standalone validators agree with them', () => {
    const byPath = new Map(jsonSchemas().map((f) => [f.path, JSON.parse(f.content) as SchemaNode]));
    const samples: Array<[string, keyof typeof validators, unknown, boolean]> = [
      ['schemas/kubernetes/v1.36.0-standalone-strict/configmap-v1.json', 'validateConfigMapV1', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' }, data: { k: 'v' } }, true],
      ['schemas/kubernetes/v1.36.0-standalone-strict/configmap-v1.json', 'validateConfigMapV1', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' }, data: { k: 1 } }, false],
      ['schemas/kubernetes/v1.36.0-standalone-strict/deployment-apps-v1.json', 'validateDeploymentV1',
        { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'a' }, spec: { selector: {}, template: { spec: { containers: [{ name: 'c', resources: { limits: { cpu: 1, memory: '1Gi' } } }] } } } }, true],
      ['schemas/kubernetes/v1.36.0-standalone-strict/deployment-apps-v1.json', 'validateDeploymentV1',
        { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'a' }, spec: { selector: {}, template: { spec: { containers: [{ name: 'c', resources: { limits: { cpu: '2 cores' } } }] } } } }, false],
      ['schemas/crds/helm.toolkit.fluxcd.io/helmrelease_v2.json', 'validateHelmReleaseV2',
        { apiVersion: 'helm.toolkit.fluxcd.io/v2', kind: 'HelmRelease', metadata: { name: 'a' }, spec: { interval: '10m', chartRef: { kind: 'OCIRepository', name: 'x' }, values: { any: { thing: 1 } } } }, true],
      ['schemas/crds/helm.toolkit.fluxcd.io/helmrelease_v2.json', 'validateHelmReleaseV2',
        { apiVersion: 'helm.toolkit.fluxcd.io/v2', kind: 'HelmRelease', metadata: { name: 'a' }, spec: { foo: 1 } }, false],
      ['schemas/charts/fluent-bit-0.58.1.values.json', 'validateFluentBitChartValues', { kind: 'DaemonSet', volumes: [] }, false],
      ['schemas/charts/fluent-bit-0.58.1.values.json', 'validateFluentBitChartValues', { kind: 'DaemonSet', config: { service: '', inputs: '', filters: '', outputs: '', customParsers: '' }, terminationGracePeriodSeconds: 0 }, false],
    ];
    for (const [path, name, data, valid] of samples) {
      const fromJson = ajv().compile(byPath.get(path)!);
      expect(fromJson(data), `${path} (JSON)`).toBe(valid);
      expect(validators[name](data), `${name} (standalone)`).toBe(valid);
      const found = (errors: typeof fromJson.errors) => (errors ?? []).map((e) => `${e.instancePath} ${e.keyword}`).sort();
      expect(found(validators[name].errors)).toEqual(found(fromJson.errors));
    }
  });

  it('emits ESM validators without require() and with a generated-file header', () => {
    const js = files.find((f) => f.path.endsWith('validators.js'))!.content;
    expect(js.startsWith('// Generated by tools/codegen')).toBe(true);
    expect(js).not.toMatch(/\brequire\(/);
    for (const [, module] of js.matchAll(/^import \* as \w+ from "([^"]+)";$/gm)) expect(module).toMatch(/^ajv\/dist\/runtime\/\w+\.js$/);
  });
});
