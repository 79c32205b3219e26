import { describe, expect, it } from 'vitest';
import { celRulesOf } from './cel-rules';

describe('celRulesOf', () => {
  it('finds rules at every depth, with `*` for list items and map values', () => {
    const rule = (text: string) => ({ 'x-kubernetes-validations': [{ rule: text, message: `m ${text}` }] });
    const schema = {
      ...rule('root'),
      properties: {
        spec: {
          properties: {
            items: { type: 'array', items: rule('item') },
            byName: { type: 'object', additionalProperties: { ...rule('value'), properties: { deep: { 'x-kubernetes-validations': [{ rule: 'deep', fieldPath: '.x' }] } } } },
          },
        },
      },
    };
    expect(celRulesOf(schema)).toEqual([
      { path: [], rule: 'root', message: 'm root' },
      { path: ['spec', 'items', '*'], rule: 'item', message: 'm item' },
      { path: ['spec', 'byName', '*'], rule: 'value', message: 'm value' },
      { path: ['spec', 'byName', '*', 'deep'], rule: 'deep', fieldPath: '.x' },
    ]);
  });
});
