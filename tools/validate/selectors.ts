/** Kubernetes label selectors and IP blocks, evaluated the way NetworkPolicy and Services do. */

export type Labels = Readonly<Record<string, string>>;

export interface LabelSelector {
  matchLabels?: Labels;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
}

/** Whether `selector` selects an object with `labels` (an empty selector selects everything). */
export function selects(selector: LabelSelector | undefined, labels: Labels): boolean {
  const byLabel = Object.entries(selector?.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
  const byExpression = (selector?.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
    switch (operator) {
      case 'In':
        return key in labels && values.includes(labels[key]!);
      case 'NotIn':
        return !(key in labels) || !values.includes(labels[key]!);
      case 'Exists':
        return key in labels;
      case 'DoesNotExist':
        return !(key in labels);
      default:
        return false;
    }
  });
  return byLabel && byExpression;
}

const ipv4 = (address: string): number | undefined => {
  const parts = address.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return undefined;
  return parts.reduce((value, part) => value * 256 + part, 0);
};

/** Whether the CIDR `outer` contains all of `inner` (IPv4; other forms only when equal). */
export function cidrContains(outer: string, inner: string): boolean {
  if (outer === inner) return true;
  const [outerAddress = '', outerBits] = outer.split('/');
  const [innerAddress = '', innerBits] = inner.split('/');
  const a = ipv4(outerAddress);
  const b = ipv4(innerAddress);
  const outerLength = Number(outerBits ?? 32);
  const innerLength = Number(innerBits ?? 32);
  if (a === undefined || b === undefined || outerLength > innerLength) return false;
  const size = 2 ** (32 - outerLength);
  return Math.floor(a / size) === Math.floor(b / size);
}
