import { describe, expect, it } from 'vitest';
import type { FluentBitChartValues } from './generated/chart-values';

const config = { service: '', inputs: '', filters: '', outputs: '', customParsers: '' };

// Checked by `tsc` (typecheck target): the chart ignores unknown keys, our type must not.
describe('chart values type', () => {
  it('rejects the keys the chart silently ignores', () => {
    // @ts-expect-error the chart has no top-level `volumes` (it reads daemonSetVolumes)
    const story: FluentBitChartValues = { kind: 'DaemonSet', config, volumes: [] };
    // @ts-expect-error `volumeMounts` has been dead since chart 0.32.0
    const dead: FluentBitChartValues = { kind: 'DaemonSet', config, volumeMounts: [] };
    // @ts-expect-error misspelt top-level key
    const typo: FluentBitChartValues = { kind: 'DaemonSet', config, tolerations: [], priorityClass: 'x' };
    expect([story, dead, typo]).toHaveLength(3);
  });
});
