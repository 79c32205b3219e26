/**
 * Kubernetes resource quantities (k8s.io/apimachinery/pkg/api/resource):
 *   <signedNumber><suffix>, suffix = binary SI (Ki..Ei) | decimal SI (m, "", k, M..E) | e/E exponent.
 */
const QUANTITY = /^([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$/;

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

export const isQuantity = (value: string): boolean => QUANTITY.test(value);

/** The quantity's value in base units (cores, bytes), or undefined if it is not a quantity. */
export function quantityValue(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const match = QUANTITY.exec(value);
  if (!match) return undefined;
  const [, number, suffix = ''] = match;
  const factor = BINARY[suffix] ?? DECIMAL[suffix] ?? 10 ** Number(suffix.slice(1));
  return Number(number) * factor;
}
