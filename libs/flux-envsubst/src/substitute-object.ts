/**
 * Post-build substitution of one Kubernetes object, as fluxcd/pkg kustomize_varsub.go SubstituteVariables does it:
 * object -> JSON -> YAML text (sigs.k8s.io/yaml) -> envsubst over the whole text -> YAML 1.1 -> JSON.
 * Because envsubst sees YAML text, a plain `${port}` can become the number 8427 and `${flag}` the boolean true,
 * while a source that was quoted (`"${v}"`) is not quoted any more by the time envsubst runs.
 */
import { envsubstBytes } from './envsubst/envsubst';
import { fromBytes } from './go/bytes';
import { SubstitutionError } from './substitution-error';
import { assertValidVariableNames } from './variable-name';
import { jsonToYaml, type JsonValue } from './yaml/json-to-yaml';
import { toJsonValue } from './yaml/json-value';
import { unreadableYaml } from './yaml/reader';
import { yamlToJson } from './yaml/yaml-to-json';

/** The label or annotation that opts an object out of substitution when set to `disabled`. */
export const SUBSTITUTE_OPT_OUT = 'kustomize.toolkit.fluxcd.io/substitute';
export const SUBSTITUTE_DISABLED = 'disabled';

/** Whether the object carries `kustomize.toolkit.fluxcd.io/substitute: disabled` as a label or an annotation. */
export function isSubstitutionDisabled(object: Readonly<Record<string, unknown>>): boolean {
  const metadata = asRecord(object['metadata']);
  return [metadata?.['labels'], metadata?.['annotations']].some(
    (map) => asRecord(map)?.[SUBSTITUTE_OPT_OUT] === SUBSTITUTE_DISABLED,
  );
}

/**
 * Applies post-build substitution to one object. An opted-out object is returned as is (the same reference);
 * otherwise the result is a new object. Every variable name must be valid, referenced or not.
 * Whether to substitute at all (`runs` of postBuildVariables) is the caller's decision.
 * Throws SubstitutionError with Flux's message, e.g.
 * `envsubst error: variable substitution failed: variable not set (strict mode): "missing"`.
 */
export function substituteObject(
  object: Record<string, unknown>,
  variables: Readonly<Record<string, string>>,
  options: { strict: boolean },
): Record<string, unknown> {
  const yaml = toYaml(object);
  if (isSubstitutionDisabled(object)) return object;
  assertValidVariableNames(Object.keys(variables));
  let substituted: string;
  try {
    substituted = envsubstBytes(
      yaml,
      (name) => (Object.hasOwn(variables, name) ? variables[name] : undefined),
      options,
    );
  } catch (error) {
    throw error instanceof SubstitutionError
      ? error.withPrefix('envsubst error: variable substitution failed: ')
      : error;
  }
  const result = parseSubstituted(substituted);
  if (result === null || typeof result !== 'object' || Array.isArray(result)) {
    throw new SubstitutionError(`UnmarshalJSON: substituted object is not a map: ${JSON.stringify(result)}`, {
      reason: 'yaml',
    });
  }
  return result;
}

/** Serialises as Flux's `res.AsYAML()` does; its failures are not wrapped by Flux. */
function toYaml(object: Record<string, unknown>): string {
  try {
    return jsonToYaml(toJsonValue(object));
  } catch (error) {
    throw new SubstitutionError((error as Error).message, { reason: 'yaml', cause: error });
  }
}

/** Reads the substituted bytes as YAMLToJSON does; byte slicing (`${v:1}`) may have broken the UTF-8. */
function parseSubstituted(bytes: string): JsonValue {
  try {
    const unreadable = unreadableYaml(bytes);
    if (unreadable !== undefined) throw new Error(unreadable);
    return yamlToJson(fromBytes(bytes));
  } catch (error) {
    throw new SubstitutionError(`envsubst error: YAMLToJSON: ${(error as Error).message}`, {
      reason: 'yaml',
      cause: error,
    });
  }
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
