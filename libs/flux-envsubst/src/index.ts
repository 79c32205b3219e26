/**
 * Flux kustomize-controller v1.9 post-build variable substitution (fluxcd/pkg/envsubst v1.7.0 and
 * fluxcd/pkg/kustomize kustomize_varsub.go), as a pure library.
 */
export { SubstitutionError, type SubstitutionFailure } from './substitution-error';
export { envsubst, type EnvsubstOptions } from './envsubst/envsubst';
export { isValidVariableName, VARIABLE_NAME_PATTERN } from './variable-name';
export { SUBSTITUTE_OPT_OUT, SUBSTITUTE_DISABLED, isSubstitutionDisabled, substituteObject } from './substitute-object';
export {
  postBuildVariables,
  type PostBuild,
  type PostBuildVariables,
  type SubstituteReference,
  type SubstituteSourceKind,
  type SubstituteSourceObject,
  type SubstituteSourceResolver,
} from './post-build-variables';
