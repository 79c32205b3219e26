/**
 * A reference to a variable of Fluent Bit's own environment, e.g. a credential from a Secret.
 * Written `$${NAME}`: Flux post-build substitution, which runs over these values first, turns it
 * into `${NAME}` and leaves Fluent Bit to expand it.
 */
export const fluentBitEnv = (name: string): string => `$\${${name}}`;
