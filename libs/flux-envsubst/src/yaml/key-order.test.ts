import { describe, expect, it } from 'vitest';
import { sortKeys } from './key-order';

describe("sortKeys: go-yaml v2's map key order", () => {
  it.each<[string[], string[]]>([
    [
      ['b', 'a', 'c'],
      ['a', 'b', 'c'],
    ],
    [
      ['a10', 'a2', 'a1'],
      ['a1', 'a2', 'a10'],
    ], // digit runs compare by value
    [
      ['10', '9', '1'],
      ['1', '9', '10'],
    ],
    [
      ['01', '1', '10'],
      ['1', '01', '10'],
    ], // equal values: the shorter run first
    [
      ['k00', 'k0', 'k'],
      ['k', 'k0', 'k00'],
    ],
    [
      ['a-b', 'aB', 'a2'],
      ['a-b', 'a2', 'aB'],
    ], // letters after non-letters at the same position
    [
      ['_x', 'A', '1'],
      ['_x', '1', 'A'],
    ],
    [
      ['ä', 'z', 'a'],
      ['a', 'z', 'ä'],
    ],
    [
      ['spec', 'metadata', 'kind', 'apiVersion'],
      ['apiVersion', 'kind', 'metadata', 'spec'],
    ],
    [
      ['prometheus.io/scrape', 'prometheus.io/port'],
      ['prometheus.io/port', 'prometheus.io/scrape'],
    ],
  ])('%j -> %j', (keys, sorted) => {
    expect(sortKeys(keys)).toEqual(sorted);
  });
});
