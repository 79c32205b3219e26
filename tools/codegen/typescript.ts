import { compile } from 'json-schema-to-typescript';
import type { SchemaNode } from './schema-transforms';

const ROOT = '__GeneratedTypes';

/**
 * Compiles named schemas into one TypeScript module of exported types. The banner states
 * that the file is generated; json-schema-to-typescript's own back-reference comments are dropped.
 */
export async function compileTypes(
  definitions: Record<string, SchemaNode>,
  banner: string,
): Promise<string> {
  const titled = Object.fromEntries(
    Object.entries(definitions).map(([name, schema]) => [name, { ...schema, title: name }]),
  );
  const source = await compile(
    { title: ROOT, type: 'object', additionalProperties: false, definitions: titled },
    ROOT,
    {
      bannerComment: banner,
      unreachableDefinitions: true,
      additionalProperties: false,
      unknownAny: true,
      strictIndexSignatures: true,
      format: true,
      style: { singleQuote: true, printWidth: 100, bracketSpacing: true },
    },
  );
  return source
    .replace(`export interface ${ROOT} {}\n`, '')
    .replace(/\/\*\*\n \* This interface was referenced by `__GeneratedTypes`'s JSON-Schema\n \* via the `definition` "[^"]+"\.\n \*\/\n/g, '');
}
