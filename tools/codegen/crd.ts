import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { SchemaNode } from './schema-transforms';

interface CustomResourceDefinition {
  kind: string;
  spec: {
    group: string;
    names: { kind: string };
    versions: Array<{ name: string; schema?: { openAPIV3Schema?: SchemaNode } }>;
  };
}

export interface CrdVersion {
  group: string;
  version: string;
  kind: string;
  schema: SchemaNode;
}

/** One served version of a CustomResourceDefinition file, with its structural schema. */
export function loadCrdVersion(file: string, version: string): CrdVersion {
  const crd = parse(readFileSync(file, 'utf8')) as CustomResourceDefinition;
  if (crd.kind !== 'CustomResourceDefinition') {
    throw new Error(`codegen: ${file} is a ${crd.kind}, not a CustomResourceDefinition`);
  }
  const entry = crd.spec.versions.find((v) => v.name === version);
  const schema = entry?.schema?.openAPIV3Schema;
  if (!schema) {
    const known = crd.spec.versions.map((v) => v.name).join(', ');
    throw new Error(`codegen: ${file} has no schema for version ${version} (it has: ${known})`);
  }
  return { group: crd.spec.group, version, kind: crd.spec.names.kind, schema };
}
