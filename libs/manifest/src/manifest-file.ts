/** One rendered file: its path below the cluster's output folder and the objects it holds. */
export interface ManifestFile {
  path: string;
  documents: readonly unknown[];
}
