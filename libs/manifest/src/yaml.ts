import { isScalar, stringify, type Pair } from 'yaml';

/** Keys that lead a mapping, in this order; every other key follows alphabetically. */
const LEADING_KEYS = ['apiVersion', 'kind', 'metadata', 'name', 'namespace'];

const rank = (key: string): number => {
  const index = LEADING_KEYS.indexOf(key);
  return index === -1 ? LEADING_KEYS.length : index;
};

function compareKeys(a: Pair, b: Pair): number {
  const left = String(isScalar(a.key) ? a.key.value : a.key);
  const right = String(isScalar(b.key) ? b.key.value : b.key);
  return rank(left) - rank(right) || (left < right ? -1 : left > right ? 1 : 0);
}

/**
 * Serialises documents to YAML that is byte-identical for equal input: sorted keys, no line
 * folding, no anchors, LF, one trailing newline. YAML 1.1 quoting, because Kubernetes tooling
 * (sigs.k8s.io/yaml) reads `on`, `yes`, `off` as booleans.
 */
export function toYaml(documents: readonly unknown[], header: string): string {
  if (header.includes('\n')) throw new Error('toYaml: the header must be one line');
  const body = documents
    .map((document) =>
      stringify(document, {
        version: '1.1',
        lineWidth: 0,
        aliasDuplicateObjects: false,
        sortMapEntries: compareKeys,
      }),
    )
    .join('---\n');
  return `# ${header}\n${body}`;
}

