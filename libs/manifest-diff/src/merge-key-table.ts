/** The shape of the generated merge-key table (tools/codegen/merge-keys.ts writes it). */
export interface MergeKeyField {
  /** Keys that identify an entry of this list. */
  readonly keys?: readonly string[];
  /** The definition of the field (or of its list items), when it leads to keyed lists. */
  readonly type?: string;
}

export interface MergeKeyTable {
  /** `group/Kind` (the core group is empty: `/Pod`) -> definition. */
  readonly kinds: Readonly<Record<string, string>>;
  readonly definitions: Readonly<Record<string, Readonly<Record<string, MergeKeyField>>>>;
}
