/**
 * The variables of a Flux Kustomization's `spec.postBuild` (kustomize-controller v1.9 / fluxcd/pkg
 * kustomize_varsub.go): substituteFrom sources in order, later ones overriding earlier ones, then the inline
 * `substitute` map overriding all. Newlines are removed from every value.
 */
import { fromBytes } from './go/bytes';
import { SubstitutionError } from './substitution-error';
import { assertValidVariableNames } from './variable-name';

export type SubstituteSourceKind = 'ConfigMap' | 'Secret';

export interface SubstituteReference {
  readonly kind: SubstituteSourceKind;
  readonly name: string;
  /** A missing source is skipped instead of failing. */
  readonly optional?: boolean;
}

export interface PostBuild {
  readonly substitute?: Readonly<Record<string, string>>;
  readonly substituteFrom?: readonly SubstituteReference[];
  /** `WithVariables` (the default): substitute only when there is a variable. `Always`: substitute regardless. */
  readonly substituteStrategy?: string;
}

/** A source as a ConfigMap/Secret manifest would give it; for a Secret, `stringData` wins over base64 `data`. */
export interface SubstituteSourceObject {
  readonly data?: Readonly<Record<string, string>>;
  readonly stringData?: Readonly<Record<string, string>>;
}

/**
 * Looks a source up in the Kustomization's namespace: the ConfigMap or Secret as its manifest has it
 * (a Secret's `data` base64, as the API server stores it), or undefined when it does not exist.
 */
export type SubstituteSourceResolver = (kind: SubstituteSourceKind, name: string) => SubstituteSourceObject | undefined;

export interface PostBuildVariables {
  readonly variables: Record<string, string>;
  /** Whether kustomize-controller substitutes at all: only with a variable, or with `substituteStrategy: Always`. */
  readonly runs: boolean;
}

/**
 * The variables of a Flux Kustomization's postBuild. Throws SubstitutionError for a missing non-optional source
 * (`substitute from 'ConfigMap/vars' error: configmaps "vars" not found`) or an invalid variable name.
 * Flux checks both per object, so it does not fail when every object opts out; this checks once, up front.
 */
export function postBuildVariables(
  postBuild: PostBuild | undefined,
  resolve: SubstituteSourceResolver,
): PostBuildVariables {
  if (postBuild === undefined) return { variables: {}, runs: false };
  const variables = new Map<string, string>();
  for (const reference of postBuild.substituteFrom ?? []) {
    for (const [name, value] of sourceVariables(reference, resolve)) variables.set(name, value);
  }
  for (const [name, value] of Object.entries(postBuild.substitute ?? {})) variables.set(name, withoutNewlines(value));
  assertValidVariableNames(variables.keys());
  return {
    // fromEntries defines own properties, so a variable named `__proto__` stays a variable.
    variables: Object.fromEntries(variables),
    runs: variables.size > 0 || postBuild.substituteStrategy === 'Always',
  };
}

function sourceVariables(reference: SubstituteReference, resolve: SubstituteSourceResolver): Array<[string, string]> {
  const { kind, name } = reference;
  // Flux ignores a kind it does not know.
  if (kind !== 'ConfigMap' && kind !== 'Secret') return [];
  const source = resolve(kind, name);
  if (source === undefined) {
    if (reference.optional === true) return [];
    const resource = kind === 'ConfigMap' ? 'configmaps' : 'secrets';
    throw new SubstitutionError(`substitute from '${kind}/${name}' error: ${resource} "${name}" not found`, {
      reason: 'missing-source',
    });
  }
  const { data, stringData } = source;
  const entries = Object.entries(data ?? {}).map(([key, value]): [string, string] => [
    key,
    kind === 'Secret' ? decodeSecretValue(value, reference, key) : value,
  ]);
  // The API server merges stringData into a Secret's data; a ConfigMap has no stringData.
  if (kind === 'Secret') entries.push(...Object.entries(stringData ?? {}));
  return entries.map(([key, value]) => [key, withoutNewlines(value)]);
}

function decodeSecretValue(value: string, reference: SubstituteReference, key: string): string {
  const base64 = value.replace(/[\r\n]/g, '');
  if (base64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) {
    throw new SubstitutionError(
      `substitute from 'Secret/${reference.name}' error: illegal base64 data in key "${key}"`,
      { reason: 'invalid-source' },
    );
  }
  return fromBytes(Buffer.from(base64, 'base64').toString('latin1'));
}

function withoutNewlines(value: string): string {
  return value.replaceAll('\n', '');
}
