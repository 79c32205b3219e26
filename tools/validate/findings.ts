/** What validation reports: one finding per problem, located as precisely as we can. */

export type Check = 'drift' | 'kustomize' | 'flux-build' | 'schema' | 'helm-values' | 'pipeline' | 'cross-reference';

export interface ObjectRef {
  kind: string;
  namespace?: string;
  name: string;
}

export interface Finding {
  check: Check;
  severity: 'error' | 'warning';
  /** Repository-relative file the problem is in (or that produced the object). */
  file?: string;
  object?: ObjectRef;
  /** Dotted field path inside the object, e.g. spec.values.config.outputs. */
  path?: string;
  /**
   * For a path holding text (a Fluent Bit configuration block): the line within that text (1-based),
   * its content and which occurrence of that content it is (the file may fold the text, and holds
   * it before Flux substitution).
   */
  textLine?: { number: number; content: string; occurrence: number };
  /** Where in `file` (1-based), resolved from the object and path, for editors and PR annotations. */
  line?: number;
  column?: number;
  /** One line: what is wrong. */
  message: string;
  /** One line: how to fix it. */
  fix: string;
  /** Extra lines shown under the finding, e.g. a short diff. */
  detail?: string;
}

export const objectRef = (object: unknown): ObjectRef | undefined => {
  const { kind, metadata } = (object ?? {}) as { kind?: unknown; metadata?: { name?: unknown; namespace?: unknown } };
  if (typeof kind !== 'string' || typeof metadata?.name !== 'string') return undefined;
  return {
    kind,
    name: metadata.name,
    ...(typeof metadata.namespace === 'string' && { namespace: metadata.namespace }),
  };
};

export const formatRef = (ref: ObjectRef): string =>
  `${ref.kind}/${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;

/** A finding of `check` on an object (in its file, if known) at a field path. */
export const located = (
  check: Check,
  built: { object: unknown; file?: string | undefined },
  path: string,
  message: string,
  fix: string,
  severity: Finding['severity'] = 'error',
): Finding => ({
  check,
  severity,
  ...(built.file && { file: built.file }),
  ...(objectRef(built.object) && { object: objectRef(built.object)! }),
  path,
  message,
  fix,
});

/** A cross-reference finding on an object at a field path. */
export const crossReference = (built: { object: unknown; file?: string | undefined }, path: string, message: string, fix: string, severity: Finding['severity'] = 'error'): Finding =>
  located('cross-reference', built, path, message, fix, severity);
