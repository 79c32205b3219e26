/**
 * The parsed form of an envsubst template. All strings are byte strings (see go/bytes.ts), because the Go
 * implementation slices and measures bytes.
 */
export type Fragment = Text | Expansion;

/** Literal text, with `$$` escapes already resolved. */
export interface Text {
  readonly kind: 'text';
  readonly text: string;
}

/**
 * One `${...}`. `operator` is what follows the variable name (`''` for `${var}`, `':-'`, `'//'`, ...) and `args`
 * are its operands, each literal text or a nested expansion.
 */
export interface Expansion {
  readonly kind: 'expansion';
  readonly variable: string;
  readonly operator: string;
  readonly args: readonly Fragment[];
}

export type Template = readonly Fragment[];
