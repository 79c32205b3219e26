import { describe, expect, it } from 'vitest';
import { cidrContains, selects } from './selectors';

describe('label selectors', () => {
  it('match labels and expressions; an empty selector selects everything', () => {
    const labels = { app: 'fluent-bit', tier: 'logs' };
    expect(selects(undefined, labels)).toBe(true);
    expect(selects({ matchLabels: { app: 'fluent-bit' } }, labels)).toBe(true);
    expect(selects({ matchLabels: { app: 'other' } }, labels)).toBe(false);
    expect(selects({ matchExpressions: [{ key: 'app', operator: 'In', values: ['x'] }] }, labels)).toBe(false);
    expect(selects({ matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['x'] }] }, labels)).toBe(true);
    expect(selects({ matchExpressions: [{ key: 'zone', operator: 'Exists' }] }, labels)).toBe(false);
    expect(selects({ matchExpressions: [{ key: 'zone', operator: 'DoesNotExist' }] }, labels)).toBe(true);
  });
});

describe('cidrContains', () => {
  it.each([
    ['10.0.0.0/8', '10.20.30.11/32', true],
    ['10.20.30.0/24', '10.20.30.11/32', true],
    ['10.20.31.0/24', '10.20.30.11/32', false],
    ['10.20.30.11/32', '10.20.30.11/32', true],
    ['0.0.0.0/0', '192.0.2.1/32', true],
    ['192.0.2.1/32', '10.20.30.11/32', false],
    ['10.20.30.11/32', '10.20.30.0/24', false],
    ['fd00::/8', 'fd00::1/128', false],
    ['fd00::1/128', 'fd00::1/128', true],
  ])('%s contains %s: %s', (outer, inner, expected) => expect(cidrContains(outer, inner)).toBe(expected));
});
