/** Why a substitution failed; lets callers branch without parsing messages. */
export type SubstitutionFailure =
  | 'syntax' // envsubst could not parse a `${...}` expression
  | 'unset-variable' // strict mode met a variable that is not set
  | 'invalid-variable-name' // a variable name breaks Flux's naming rule
  | 'missing-source' // a substituteFrom ConfigMap/Secret is absent and not optional
  | 'invalid-source' // a Secret value is not base64
  | 'yaml' // the substituted text is not valid YAML, or not a JSON-compatible object
  | 'runtime'; // Flux itself would crash (a Go panic), e.g. `${a:0:-1}`

/** Thrown for a parse error or (strict mode) an undefined variable. Messages follow Flux's wording. */
export class SubstitutionError extends Error {
  override readonly name = 'SubstitutionError';
  /** The variable that strict mode found unset, or whose name is invalid. Absent otherwise. */
  declare readonly variable?: string;
  readonly reason: SubstitutionFailure;

  constructor(message: string, options: { reason: SubstitutionFailure; variable?: string; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.reason = options.reason;
    if (options.variable !== undefined) this.variable = options.variable;
  }

  /** The same failure with Flux's context prepended, e.g. `envsubst error: ` + message. */
  withPrefix(prefix: string): SubstitutionError {
    return new SubstitutionError(`${prefix}${this.message}`, {
      reason: this.reason,
      ...(this.variable === undefined ? {} : { variable: this.variable }),
      cause: this,
    });
  }
}
