/**
 * Kubeconform-style strict JSON Schemas from the upstream API definitions in shared/crds (and from
 * our chart-values schema), plus Ajv standalone validators compiled from them ahead of time.
 *
 * Outputs (paths relative to the workspace root):
 *   schemas/kubernetes/v<k8s>-standalone-strict/<kind><kindSuffix>.json   kubeconform's default layout
 *   schemas/crds/<group>/<kind>_<version>.json                             the CRDs-catalog layout
 *   schemas/charts/fluent-bit-<chart>.values.json                          our chart values, refs inlined
 *   libs/k8s-schemas/src/generated/{validators.js,validators.d.ts,catalog.ts}
 *
 * Use the committed schemas with kubeconform:
 *   kubeconform -strict -kubernetes-version 1.36.0 \
 *     -schema-location 'schemas/kubernetes/{{ .NormalizedKubernetesVersion }}-standalone{{ .StrictSuffix }}/{{ .ResourceKind }}{{ .KindSuffix }}.json' \
 *     -schema-location 'schemas/crds/{{ .Group }}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json'
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse } from 'yaml';
import { Ajv, type Options as AjvOptions } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { celRulesModule, celRulesOf, type CelRule } from './cel-rules';
import { loadCrdVersion } from './crd';
import { apiVersionOf, definitionName, groupVersionKind, loadOpenApi } from './openapi';
import { workspaceRoot } from '../workspace';
import { isNode, type SchemaNode } from './schema-transforms';
import type { GeneratedFile } from './targets';

/** The Kubernetes release whose OpenAPI the built-in kinds come from (kubeconform's -kubernetes-version). */
export const KUBERNETES_VERSION = '1.36.0';
const KUBERNETES_OPENAPI = 'crds/kubernetes/swagger-v1.36.json';

/** Built-in kinds our builders and charts emit. */
const KUBERNETES_KINDS = [
  'io.k8s.api.core.v1.Namespace',
  'io.k8s.api.core.v1.ConfigMap',
  'io.k8s.api.core.v1.Secret',
  'io.k8s.api.core.v1.Service',
  'io.k8s.api.core.v1.ServiceAccount',
  'io.k8s.api.networking.v1.NetworkPolicy',
  'io.k8s.api.apps.v1.DaemonSet',
  'io.k8s.api.apps.v1.Deployment',
];

const CHART_VALUES = {
  schema: 'libs/fluent-bit-values/schema/chart-values.schema.json',
  output: 'schemas/charts/fluent-bit-0.58.1.values.json',
  exportName: 'validateFluentBitChartValues',
};

const VALIDATORS_DIR = 'libs/k8s-schemas/src/generated';

const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';
const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';

/**
 * The Kubernetes quantity grammar (resource.ParseQuantity): a signed decimal with an optional binary
 * (Ki..Ei), decimal (n, u, m, k, M..E) or exponent suffix. `n` and `u` are outside the grammar in
 * Quantity's description but the API server accepts them (and serialises nano-cores that way).
 */
export const QUANTITY_PATTERN = String.raw`^[+-]?(\d+(\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$`;

/** Kubernetes quantities: a plain number or a string in the quantity grammar. */
export const QUANTITY_SCHEMA: SchemaNode = { type: ['number', 'string'], pattern: QUANTITY_PATTERN };

const JSON_SCHEMA_DRAFT = 'http://json-schema.org/draft-07/schema#';

// ---------------------------------------------------------------------------------------------
// The converter: OpenAPI (swagger definitions, CRD openAPIV3Schema) -> strict draft-07 JSON Schema
// ---------------------------------------------------------------------------------------------


/** Keywords whose value is one subschema. */
const SUBSCHEMA_KEYWORDS = new Set(['items', 'additionalProperties', 'propertyNames']);
/**
 * Keywords whose subschema adds conditions on the same value as its parent (`if`/`then`/`else`,
 * `not`): the parent's `properties` already say which fields exist, so nothing in them is closed.
 */
const CONDITION_KEYWORDS = new Set(['if', 'then', 'else', 'not']);
/**
 * Our own annotations, kept in the strict schema: `x-message` explains a failure in the chart's
 * terms and `x-fix` says what to do instead (a string for this node and everything under it, or an
 * object keyed by one keyword of this node). Validators ignore them; codegen carries them to the
 * catalog (see `schemaExplanations`).
 */
export const EXPLANATION_KEYWORDS = ['x-message', 'x-fix'] as const;
/** Keywords whose value is a list of subschemas. */
const SUBSCHEMA_LIST_KEYWORDS = new Set(['anyOf', 'oneOf', 'allOf']);
/** Keywords whose value is data (or plain numbers/strings), copied as is. */
const VALUE_KEYWORDS = new Set([
  'type',
  'enum',
  'const',
  'required',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'multipleOf',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
]);
/**
 * Prose, annotations and the OpenAPI/Kubernetes extensions that do not constrain a manifest's shape
 * (or are handled explicitly below). `format` is dropped: Kubernetes formats (int32, int64, byte,
 * date-time, ...) are not all JSON Schema formats, and validators disagree on unknown ones.
 */
const IGNORED_KEYWORDS = new Set([
  'description',
  'title',
  'example',
  'examples',
  'default',
  'format',
  'externalDocs',
  'deprecated',
  'readOnly',
  'writeOnly',
  '$comment',
  '$schema',
  'nullable',
  'exclusiveMinimum',
  'exclusiveMaximum',
]);

export interface StrictOptions {
  /** The node that replaces a `$ref` (e.g. `{ $ref }` itself, or the strict definition to inline). */
  ref: (ref: string) => SchemaNode;
  /**
   * Optional fields (not in their object's `required`) and map values accept null. The API server
   * reads null as "not set": built-in kinds decode it to the zero value, CRDs prune it; kubectl
   * emits `creationTimestamp: null`; kubeconform's schemas accept it. Required fields stay non-null.
   */
  nullableOptional?: boolean;
  /** Inside a condition (`if`/`then`/`else`/`not`): objects are not closed. */
  open?: boolean;
}

/** `$ref` suffix of a definition's twin that also accepts null (a `$ref` takes no sibling `type`). */
export const OR_NULL = '-or-null';

/** True for `anyOf: [{type: integer}, {type: string}]`-style alternatives that only restate a type. */
const onlyTypes = (value: unknown): boolean =>
  Array.isArray(value) && value.every((branch) => isNode(branch) && Object.keys(branch).every((k) => k === 'type'));

/**
 * Converts one OpenAPI schema node into strict JSON Schema (draft-07), the way kubeconform's
 * `-strict` means it, and the way the API server reads the OpenAPI:
 * - every object with `properties` and no `additionalProperties` gets `additionalProperties: false`,
 *   except where `x-kubernetes-preserve-unknown-fields: true` keeps it open;
 * - int-or-string (`format: int-or-string`, `x-kubernetes-int-or-string`) accepts integer or string;
 * - `nullable: true` accepts null;
 * - OpenAPI 3.0 boolean `exclusiveMinimum`/`exclusiveMaximum` become draft-07 numbers;
 * - no prose (`description`, examples, defaults), no `format`, no `x-kubernetes-*` extensions.
 * An unknown keyword is an error, so a new upstream construct is noticed instead of ignored.
 */
export function toStrictSchema(node: unknown, options: StrictOptions): unknown {
  if (Array.isArray(node)) return node.map((item) => toStrictSchema(item, options));
  if (!isNode(node)) return node;
  if (typeof node['$ref'] === 'string') return options.ref(node['$ref']);

  const intOrString = node['x-kubernetes-int-or-string'] === true || node['format'] === 'int-or-string';
  const out: SchemaNode = {};
  for (const [key, value] of Object.entries(node)) {
    if ((EXPLANATION_KEYWORDS as readonly string[]).includes(key)) {
      out[key] = structuredClone(value);
      continue;
    }
    if (IGNORED_KEYWORDS.has(key) || key.startsWith('x-')) continue;
    if (intOrString && (key === 'type' || ((key === 'anyOf' || key === 'oneOf') && onlyTypes(value)))) continue;
    if (key === 'properties' && isNode(value)) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, child]) => [name, toStrictSchema(child, options)]),
      );
    } else if (key === 'patternProperties' && isNode(value)) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([pattern, child]) => [pattern, toStrictSchema(child, options)]),
      );
    } else if (SUBSCHEMA_KEYWORDS.has(key)) {
      out[key] = typeof value === 'boolean' ? value : toStrictSchema(value, options);
    } else if (CONDITION_KEYWORDS.has(key)) {
      out[key] = typeof value === 'boolean' ? value : toStrictSchema(value, { ...options, open: true });
    } else if (SUBSCHEMA_LIST_KEYWORDS.has(key) && Array.isArray(value)) {
      out[key] = value.map((item) => toStrictSchema(item, options));
    } else if (VALUE_KEYWORDS.has(key)) {
      out[key] = structuredClone(value);
    } else {
      throw new Error(`codegen: schema keyword ${JSON.stringify(key)} is not supported by the strict converter`);
    }
  }
  if (intOrString) out['type'] = ['integer', 'string'];

  // OpenAPI 3.0 (CRDs) writes exclusive bounds as booleans beside minimum/maximum; draft-07 as numbers.
  for (const [exclusive, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    const value = node[exclusive];
    if (typeof value === 'number') out[exclusive] = value;
    else if (value === true && typeof out[bound] === 'number') {
      out[exclusive] = out[bound];
      delete out[bound];
    }
  }

  // An embedded resource implicitly has apiVersion, kind and metadata.
  if (node['x-kubernetes-embedded-resource'] === true && isNode(out['properties'])) {
    out['properties'] = {
      apiVersion: { type: 'string' },
      kind: { type: 'string' },
      metadata: { type: 'object' },
      ...out['properties'],
    };
  }

  const preserveUnknown = node['x-kubernetes-preserve-unknown-fields'] === true;
  if (isNode(out['properties']) && out['additionalProperties'] === undefined && !preserveUnknown && !options.open) {
    out['additionalProperties'] = false;
  }
  if (options.nullableOptional) {
    const required = new Set(Array.isArray(node['required']) ? (node['required'] as unknown[]) : []);
    if (isNode(out['properties'])) {
      for (const [name, child] of Object.entries(out['properties'])) {
        if (!required.has(name) && isNode(child)) out['properties'][name] = allowNull(child);
      }
    }
    if (isNode(out['additionalProperties'])) out['additionalProperties'] = allowNull(out['additionalProperties']);
  }
  return node['nullable'] === true ? allowNull(out) : out;
}

/** The schema, also accepting null. */
export function allowNull(schema: SchemaNode): SchemaNode {
  const keys = Object.keys(schema);
  if (keys.length === 1 && typeof schema['$ref'] === 'string') {
    return schema['$ref'].endsWith(OR_NULL) ? schema : { $ref: `${schema['$ref']}${OR_NULL}` };
  }
  // No type and no enum/const: null already passes.
  if (!keys.some((key) => ['type', 'enum', 'const', 'anyOf', 'oneOf', 'allOf', 'not', '$ref'].includes(key))) return schema;
  if (['anyOf', 'oneOf', 'allOf', 'not', '$ref'].some((key) => key in schema)) {
    const [first] = Array.isArray(schema['anyOf']) ? schema['anyOf'] : [];
    if (keys.length === 1 && isNode(first) && first['type'] === 'null') return schema;
    return { anyOf: [{ type: 'null' }, schema] };
  }
  const out = { ...schema };
  if (typeof out['type'] === 'string') out['type'] = [out['type'], 'null'];
  else if (Array.isArray(out['type']) && !out['type'].includes('null')) out['type'] = [...out['type'], 'null'];
  if (Array.isArray(out['enum']) && !out['enum'].includes(null)) out['enum'] = [...out['enum'], null];
  if ('const' in out) {
    out['enum'] = out['const'] === null ? [null] : [out['const'], null];
    delete out['const'];
  }
  return out;
}

/**
 * An `x-message`/`x-fix` annotation, located for the validators' errors: Ajv reports an error with
 * the schema path of its keyword (`#/properties/a/minimum`) and the instance path of the value
 * (`/a`). Errors of Kubernetes definitions reached by `$ref` carry schema paths relative to their
 * definition, so an explanation also names the instance path its node applies to (`*` for any
 * segment: array items, map values); an error deeper in the data than its schema path explains
 * belongs to a definition, not to us.
 */
export interface SchemaExplanation {
  /** JSON pointer of the annotated node in the values schema, `#`-prefixed as Ajv's schemaPath. */
  schemaPath: string;
  /** Segments of the instance path the node validates; `*` matches any one segment. */
  instancePath: string[];
  /** Only errors of this keyword of the node (object form); else the node and everything under it. */
  keyword?: string;
  message?: string;
  fix?: string;
}

const pointerSegment = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/** Every `x-message`/`x-fix` of a strict schema (with `$ref`s, as compiled), in document order. */
export function schemaExplanations(schema: unknown): SchemaExplanation[] {
  const found: SchemaExplanation[] = [];
  const visit = (node: unknown, pointer: string, instance: string[]): void => {
    if (!isNode(node)) return;
    const [messages, fixes] = EXPLANATION_KEYWORDS.map((key) => node[key]);
    const keywords = new Set<string | undefined>();
    for (const annotation of [messages, fixes]) {
      if (annotation === undefined) continue;
      if (typeof annotation === 'string') keywords.add(undefined);
      else if (isNode(annotation) && Object.values(annotation).every((v) => typeof v === 'string')) {
        for (const keyword of Object.keys(annotation)) {
          if (!(keyword in node)) throw new Error(`codegen: ${pointer || '/'} explains keyword ${keyword}, which it does not have`);
          keywords.add(keyword);
        }
      } else throw new Error(`codegen: ${pointer || '/'}: x-message and x-fix are a string or an object of strings by keyword`);
    }
    for (const keyword of keywords) {
      const pick = (annotation: unknown): string | undefined =>
        typeof annotation === 'string' ? (keyword === undefined ? annotation : undefined) : isNode(annotation) && keyword !== undefined ? (annotation[keyword] as string | undefined) : undefined;
      const message = pick(messages) ?? (keyword !== undefined && typeof messages === 'string' ? messages : undefined);
      const fix = pick(fixes) ?? (keyword !== undefined && typeof fixes === 'string' ? fixes : undefined);
      found.push({ schemaPath: `#${pointer}`, instancePath: instance, ...(keyword !== undefined && { keyword }), ...(message !== undefined && { message }), ...(fix !== undefined && { fix }) });
    }
    for (const [key, value] of Object.entries(node)) {
      const at = `${pointer}/${pointerSegment(key)}`;
      if ((key === 'properties' || key === 'patternProperties') && isNode(value)) {
        for (const [name, child] of Object.entries(value)) {
          visit(child, `${at}/${pointerSegment(name)}`, [...instance, key === 'properties' ? name : '*']);
        }
      } else if (key === 'items' || key === 'additionalProperties') visit(value, at, [...instance, '*']);
      else if (CONDITION_KEYWORDS.has(key) || key === 'propertyNames') visit(value, at, instance);
      else if (SUBSCHEMA_LIST_KEYWORDS.has(key) && Array.isArray(value)) value.forEach((child, i) => visit(child, `${at}/${i}`, instance));
    }
  };
  visit(schema, '', []);
  return found;
}

/** Replaces every `$ref` with its target (recursively); a reference cycle is an error. */
export function inlineRefs(node: unknown, resolve: (ref: string) => SchemaNode, path: readonly string[] = []): unknown {
  if (Array.isArray(node)) return node.map((item) => inlineRefs(item, resolve, path));
  if (!isNode(node)) return node;
  const ref = node['$ref'];
  if (typeof ref === 'string') {
    if (path.includes(ref)) throw new Error(`codegen: $ref cycle ${[...path, ref].join(' -> ')}`);
    return inlineRefs(resolve(ref), resolve, [...path, ref]);
  }
  const out: SchemaNode = {};
  for (const [key, value] of Object.entries(node)) {
    // enum/const/required hold data, never schemas.
    out[key] = key === 'enum' || key === 'const' || key === 'required' ? value : inlineRefs(value, resolve, path);
  }
  return out;
}

/**
 * A top-level kind: `apiVersion`/`kind` are constants and required, `metadata` is the given
 * (ObjectMeta) schema. `status` stays as the API declares it, optional: controllers write it, yet
 * `kubectl create --dry-run -o yaml` and `kubectl get -o yaml` emit it and the API server accepts
 * (and ignores) it on create; a kind whose API has no status rejects it, as the API server does.
 */
export function asStrictKind(schema: SchemaNode, apiVersion: string, kind: string, metadata: SchemaNode): SchemaNode {
  const properties: Record<string, unknown> = { ...(schema['properties'] as Record<string, unknown> | undefined) };
  properties['apiVersion'] = { const: apiVersion };
  properties['kind'] = { const: kind };
  properties['metadata'] = metadata;
  const required = [
    ...new Set([...((schema['required'] as string[] | undefined) ?? []), 'apiVersion', 'kind']),
  ].filter((name) => name !== 'status');
  return { ...schema, type: 'object', properties, required, additionalProperties: false };
}

/** Deterministic JSON: keys sorted (recursively), 2-space indent, trailing newline. */
export function stableJson(value: unknown): string {
  const sortKeys = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortKeys);
    if (!isNode(v)) return v;
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((key) => [key, sortKeys(v[key])]),
    );
  };
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------
// Kubeconform naming
// ---------------------------------------------------------------------------------------------

/** kubeconform's {{ .KindSuffix }}: `-<first segment of group, or the version>[-<version>]`, lower case. */
export function kindSuffix(apiVersion: string): string {
  const groupParts = apiVersion.split('/');
  const versionParts = groupParts[0]!.split('.');
  let suffix = `-${versionParts[0]!.toLowerCase()}`;
  if (groupParts.length > 1) suffix += `-${groupParts[1]!.toLowerCase()}`;
  return suffix;
}

/** `schemas/kubernetes/v1.36.0-standalone-strict/networkpolicy-networking-v1.json` */
export const kubernetesSchemaPath = (apiVersion: string, kind: string, k8sVersion = KUBERNETES_VERSION): string =>
  `schemas/kubernetes/v${k8sVersion}-standalone-strict/${kind.toLowerCase()}${kindSuffix(apiVersion)}.json`;

/** `schemas/crds/helm.toolkit.fluxcd.io/helmrelease_v2.json` */
export const crdSchemaPath = (group: string, version: string, kind: string): string =>
  `schemas/crds/${group}/${kind.toLowerCase()}_${version}.json`;

// ---------------------------------------------------------------------------------------------
// The generator
// ---------------------------------------------------------------------------------------------

interface Source {
  /** Shown in the `$comment`: relative to shared/ for upstream files, to the workspace otherwise. */
  name: string;
  sha256: string;
}

interface Target {
  /** `apiVersion/kind`, or undefined for a values schema. */
  key: string | undefined;
  exportName: string;
  path: string;
  sources: Source[];
  /** With `$ref`s into the shared Kubernetes definitions (compiled by Ajv). */
  withRefs: SchemaNode;
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

const generatedComment = (sources: readonly Source[]): string =>
  `Generated by tools/codegen from ${sources.map((s) => `${s.name} sha256:${s.sha256}`).join(' and ')}. Do not edit.`;

const pascal = (text: string): string =>
  text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');

/** Every file under `dir` whose name ends in .yaml/.yml, sorted. */
function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Ajv id of the shared Kubernetes definitions in the compiled validators. */
const KUBERNETES_ID = 'kubernetes';
const kubernetesRef = (name: string): SchemaNode => ({ $ref: `${KUBERNETES_ID}#/definitions/${name}` });

export async function schemaFiles(shared: string): Promise<GeneratedFile[]> {
  const crds = join(shared, 'crds');
  const openApiFile = join(shared, KUBERNETES_OPENAPI);
  const openApiSource: Source = { name: KUBERNETES_OPENAPI, sha256: sha256(readFileSync(openApiFile)) };
  const openApi = loadOpenApi(openApiFile);

  // Strict Kubernetes definitions, computed lazily; `$ref`s stay as refs to other definitions.
  const strictDefinitions = new Map<string, SchemaNode>();
  const strictDefinition = (name: string): SchemaNode => {
    let strict = strictDefinitions.get(name);
    if (!strict && name.endsWith(OR_NULL)) {
      strict = allowNull(structuredClone(strictDefinition(name.slice(0, -OR_NULL.length))));
      strictDefinitions.set(name, strict);
    }
    if (!strict) {
      const definition = openApi.definitions[name];
      if (!definition) throw new Error(`codegen: definition ${name} is not in ${KUBERNETES_OPENAPI}`);
      strict = name === QUANTITY ? structuredClone(QUANTITY_SCHEMA) : strictKubernetes(definition);
      strictDefinitions.set(name, strict);
    }
    return strict;
  };
  const strictKubernetes = (node: unknown, nullableOptional = true): SchemaNode =>
    toStrictSchema(node, { ref: (ref) => kubernetesRef(definitionName(ref)), nullableOptional }) as SchemaNode;
  const resolveKubernetes = (ref: string): SchemaNode => {
    const prefix = `${KUBERNETES_ID}#/definitions/`;
    if (!ref.startsWith(prefix)) throw new Error(`codegen: unexpected $ref ${ref}`);
    return strictDefinition(ref.slice(prefix.length));
  };

  const targets: Target[] = [];

  // Built-in kinds.
  for (const name of KUBERNETES_KINDS) {
    const definition = openApi.definitions[name];
    const gvk = definition && groupVersionKind(definition);
    if (!gvk) throw new Error(`codegen: ${name} is not a kind with one group-version-kind in ${KUBERNETES_OPENAPI}`);
    const apiVersion = apiVersionOf(gvk);
    targets.push({
      key: `${apiVersion}/${gvk.kind}`,
      exportName: `validate${gvk.kind}${pascal(gvk.version)}`,
      path: kubernetesSchemaPath(apiVersion, gvk.kind),
      sources: [openApiSource],
      withRefs: asStrictKind(strictKubernetes(definition), apiVersion, gvk.kind, kubernetesRef(OBJECT_META)),
    });
  }

  // Every version of every CustomResourceDefinition under crds/, and its CEL rules.
  const celRules: Array<[string, CelRule[]]> = [];
  const celSources = new Map<string, Source>();
  for (const file of yamlFiles(crds)) {
    const bytes = readFileSync(file);
    const document = parse(bytes.toString('utf8')) as { kind?: string; spec?: { versions?: Array<{ name: string }> } };
    if (document?.kind !== 'CustomResourceDefinition') continue;
    const source: Source = { name: relative(shared, file).split(sep).join('/'), sha256: sha256(bytes) };
    for (const { name: version } of document.spec?.versions ?? []) {
      const crd = loadCrdVersion(file, version);
      const apiVersion = `${crd.group}/${crd.version}`;
      const strict = toStrictSchema(crd.schema, { ref: unsupportedRef, nullableOptional: true }) as SchemaNode;
      celRules.push([`${apiVersion}/${crd.kind}`, celRulesOf(crd.schema)]);
      celSources.set(source.name, source);
      targets.push({
        key: `${apiVersion}/${crd.kind}`,
        exportName: `validate${crd.kind}${pascal(crd.version)}`,
        path: crdSchemaPath(crd.group, crd.version, crd.kind),
        sources: [source],
        withRefs: asStrictKind(strict, apiVersion, crd.kind, kubernetesRef(OBJECT_META)),
      });
    }
  }

  // Our chart values, Kubernetes refs resolved against the same OpenAPI.
  const chartBytes = readFileSync(join(workspaceRoot, CHART_VALUES.schema));
  const chartSchema = JSON.parse(chartBytes.toString('utf8')) as SchemaNode;
  targets.push({
    key: undefined,
    exportName: CHART_VALUES.exportName,
    path: CHART_VALUES.output,
    sources: [{ name: CHART_VALUES.schema, sha256: sha256(chartBytes) }, openApiSource],
    // Our closed values schema says where null is allowed (in Helm, null deletes a chart default).
    withRefs: strictKubernetes(chartSchema, false),
  });

  const seen = new Map<string, string>();
  for (const target of targets) {
    for (const [what, value] of [
      ['schema path', target.path],
      ['export name', target.exportName],
      ['kind', target.key ?? target.path],
    ] as const) {
      const other = seen.get(`${what}:${value}`);
      if (other) throw new Error(`codegen: ${target.path} and ${other} have the same ${what} ${value}`);
      seen.set(`${what}:${value}`, target.path);
    }
  }
  targets.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  const files: GeneratedFile[] = targets.map((target) => ({
    path: target.path,
    content: stableJson({
      $schema: JSON_SCHEMA_DRAFT,
      $comment: generatedComment(target.sources),
      ...(inlineRefs(target.withRefs, resolveKubernetes) as SchemaNode),
    }),
  }));

  // The validators share the Kubernetes definitions (one function each) instead of inlining them:
  // the same schemas as the committed files, a fraction of the code.
  const kubernetesDefinitions: Record<string, SchemaNode> = {};
  const pending = targets.flatMap((target) => refsIn(target.withRefs));
  while (pending.length > 0) {
    const name = pending.pop()!.slice(`${KUBERNETES_ID}#/definitions/`.length);
    if (kubernetesDefinitions[name]) continue;
    kubernetesDefinitions[name] = strictDefinition(name);
    pending.push(...refsIn(kubernetesDefinitions[name]));
  }
  const sortedDefinitions = Object.fromEntries(
    Object.keys(kubernetesDefinitions)
      .sort()
      .map((name) => [name, kubernetesDefinitions[name]!]),
  );
  files.push(...validatorFiles(targets, sortedDefinitions, [openApiSource]));
  const celHeader = [HEADER, ...[...celSources.values()].sort((a, b) => (a.name < b.name ? -1 : 1)).map((s) => `// source: ${s.name} sha256:${s.sha256}`)].join('\n');
  files.push({ path: `${VALIDATORS_DIR}/cel-rules.ts`, content: celRulesModule(celHeader, celRules) });
  return files;
}

function refsIn(node: unknown, refs: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((item) => refsIn(item, refs));
  else if (isNode(node)) {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') refs.push(value);
      else if (key !== 'enum' && key !== 'const') refsIn(value, refs);
    }
  }
  return refs;
}

function unsupportedRef(ref: string): never {
  throw new Error(`codegen: CRD schemas are structural and carry no $ref, found ${ref}`);
}

// ---------------------------------------------------------------------------------------------
// Ajv standalone validators
// ---------------------------------------------------------------------------------------------

/** Ajv options of the compiled validators (exported for tests that compile the committed schemas). */
export const AJV_OPTIONS: AjvOptions = {
  strict: false,
  allErrors: true,
  validateFormats: false,
  inlineRefs: false,
  messages: false,
  code: { source: true, esm: true, lines: true },
};

const HEADER = '// Generated by tools/codegen (tools/codegen/schemas.ts). Do not edit by hand.';

function validatorFiles(
  targets: readonly Target[],
  kubernetesDefinitions: Record<string, SchemaNode>,
  sources: readonly Source[],
): GeneratedFile[] {
  const chartValues = targets.find((t) => t.exportName === CHART_VALUES.exportName);
  if (!chartValues) throw new Error(`codegen: no target ${CHART_VALUES.exportName}`);
  const explanations = schemaExplanations(chartValues.withRefs);
  // One root schema holds the Kubernetes definitions and every target, so Ajv compiles each
  // definition once (a `$ref` into another root would be compiled again for every root).
  const definitions: Record<string, SchemaNode> = { ...kubernetesDefinitions };
  const exports: Record<string, string> = {};
  for (const target of targets) {
    definitions[target.exportName] = target.withRefs;
    exports[target.exportName] = `${KUBERNETES_ID}#/definitions/${target.exportName}`;
  }
  const ajv = new Ajv(AJV_OPTIONS);
  ajv.addSchema({ $id: KUBERNETES_ID, definitions });
  const code = esmRuntimeImports(standaloneCode(ajv, exports));
  const sourceLines = [
    ...sources.map((s) => `// source: ${s.name} sha256:${s.sha256}`),
    ...targets.map((t) => `// schema: ${t.path} (${t.exportName})`),
  ];
  const names = targets.map((t) => t.exportName);

  const js = `${HEADER}\n${sourceLines.join('\n')}\n${code}\n`;
  const dts = [
    HEADER,
    "import type { ErrorObject } from 'ajv';",
    '',
    '/** An Ajv standalone validate function: `errors` holds the last call\'s errors (allErrors). */',
    'export interface Validator {',
    '  (data: unknown): boolean;',
    '  errors?: ErrorObject[] | null;',
    '}',
    '',
    ...names.map((name) => `export declare const ${name}: Validator;`),
    '',
  ].join('\n');
  const kinds = targets.filter((t) => t.key !== undefined);
  const catalog = [
    HEADER,
    "import * as validators from './validators.js';",
    "import type { Validator } from './validators.js';",
    '',
    'export interface SchemaExplanation {',
    '  schemaPath: string;',
    '  instancePath: readonly string[];',
    '  keyword?: string;',
    '  message?: string;',
    '  fix?: string;',
    '}',
    '',
    'export interface KindSchema {',
    '  validate: Validator;',
    '  /** The committed strict JSON Schema, relative to the workspace root. */',
    '  schema: string;',
    '}',
    '',
    '/** Keyed by `apiVersion/kind`. */',
    'export const KIND_SCHEMAS: Readonly<Record<string, KindSchema>> = {',
    ...[...kinds]
      .sort((a, b) => (a.key! < b.key! ? -1 : 1))
      .map((t) => `  ${JSON.stringify(t.key)}: { validate: validators.${t.exportName}, schema: ${JSON.stringify(t.path)} },`),
    '};',
    '',
    'export interface ValuesSchema extends KindSchema {',
    '  /** The schema\'s `x-message`/`x-fix` annotations, located for the validator\'s errors. */',
    '  explanations: ReadonlyArray<SchemaExplanation>;',
    '}',
    '',
    `export const FLUENT_BIT_CHART_VALUES: ValuesSchema = {`,
    `  validate: validators.${CHART_VALUES.exportName},`,
    `  schema: ${JSON.stringify(CHART_VALUES.output)},`,
    `  explanations: ${JSON.stringify(explanations, null, 2).replace(/\n/g, '\n  ')},`,
    '};',
    '',
  ].join('\n');
  return [
    { path: `${VALIDATORS_DIR}/catalog.ts`, content: catalog },
    { path: `${VALIDATORS_DIR}/validators.d.ts`, content: dts },
    { path: `${VALIDATORS_DIR}/validators.js`, content: js },
  ];
}

/**
 * Ajv's ESM standalone output still `require`s its runtime helpers; an ES module has no `require`.
 * Each becomes a namespace import of the helper's file. The helpers are CommonJS modules marked
 * `__esModule`, whose default import differs between Node (module.exports) and bundlers/vitest
 * (exports.default); the generated code reads `.default` of the module's exports, found either way.
 */
function esmRuntimeImports(code: string): string {
  const imports = new Map<string, string>();
  const body = code.replace(/require\("(ajv\/dist\/runtime\/[a-z0-9_]+)"\)/g, (_match, module: string) => {
    let name = imports.get(module);
    if (!name) {
      name = `runtime_${module.slice(module.lastIndexOf('/') + 1)}`;
      imports.set(module, name);
    }
    return name;
  });
  if (/\brequire\(/.test(body)) throw new Error('codegen: Ajv standalone code requires an unexpected module');
  const lines = [...imports]
    .sort()
    .flatMap(([module, name]) => [
      `import * as ${name}_module from "${module}.js";`,
      `const ${name} = ${name}_module.default && ${name}_module.default.__esModule ? ${name}_module.default : ${name}_module;`,
    ]);
  // ES modules are strict anyway; the directive could not follow the imports.
  return [...lines, body.replace(/^"use strict";\n?/, '')].join('\n');
}
