import { isValidVariableName } from '@gitops/flux-envsubst';

/**
 * The variables of a cluster's `cluster-settings` ConfigMap. A manifest can only reference a
 * variable defined here, so every `${VAR}` Flux substitutes has a value (strict substitution,
 * the default from kustomize-controller v1.9, fails the reconcile on an undefined one).
 */
export class FluxVariables {
  readonly #values = new Map<string, string>();

  /** Defines a variable and returns the reference to write in a manifest, `${NAME}`. */
  define(name: string, value: string | number): string {
    if (this.#values.has(name)) throw new Error(`Flux variable ${name} is defined twice`);
    return this.share(name, value);
  }

  /**
   * A variable several apps may use (CLUSTER, ENVIRONMENT): defined by the first, shared by the
   * rest, as long as they agree on its value.
   */
  share(name: string, value: string | number): string {
    if (!isValidVariableName(name)) throw new Error(`invalid Flux variable name ${JSON.stringify(name)}`);
    const current = this.#values.get(name);
    if (current !== undefined && current !== String(value)) {
      throw new Error(`Flux variable ${name} is defined as ${JSON.stringify(current)} and ${JSON.stringify(String(value))}`);
    }
    this.#values.set(name, String(value));
    return `\${${name}}`;
  }

  /** Variable name to value, sorted by name. */
  entries(): Record<string, string> {
    return Object.fromEntries([...this.#values].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
}
