import { describe, expect, it } from 'vitest';
import { isQuantity, quantityValue } from './quantity';

describe('Kubernetes quantities', () => {
  it.each([
    ['50m', 0.05],
    ['1', 1],
    ['0.5', 0.5],
    ['64Mi', 64 * 2 ** 20],
    ['1Gi', 2 ** 30],
    ['128M', 128e6],
    ['1e3', 1000],
    ['.5', 0.5],
  ])('reads %s', (text, value) => {
    expect(isQuantity(text)).toBe(true);
    expect(quantityValue(text)).toBeCloseTo(value);
  });

  it.each(['', '2x', '64MB', '1.2.3', 'Mi', '-', '10 Mi'])('rejects %j', (text) => {
    expect(isQuantity(text)).toBe(false);
    expect(quantityValue(text)).toBeUndefined();
  });

  it('compares across suffixes', () => {
    expect(quantityValue('200m')! > quantityValue('0.1')!).toBe(true);
    expect(quantityValue('128Mi')! > quantityValue('128M')!).toBe(true);
  });
});
