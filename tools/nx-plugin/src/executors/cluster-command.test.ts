import { describe, expect, it } from 'vitest';
import { commandLine, deal, workerCount } from './cluster-command';

describe('cluster command executors', () => {
  it('give the command line the options stand for, in the command`s own spelling', () => {
    expect(commandLine('validate', { cluster: 'infra', format: 'json', outputFile: 'r.json', flux: true, skipKind: ['a/v1/X', 'b/v1/Y'] })).toEqual([
      '--cluster', 'infra', '--format', 'json', '--output-file', 'r.json', '--flux', '--skip-kind', 'a/v1/X', '--skip-kind', 'b/v1/Y',
    ]);
    expect(commandLine('validate', { cluster: 'infra', flux: false })).toEqual(['--cluster', 'infra']);
    expect(commandLine('render', { cluster: 'apps', check: true })).toEqual(['--cluster', 'apps', '--check']);
  });

  it('pass options the command does not know on to it, which refuses them with its usage', () => {
    expect(commandLine('validate', { cluster: 'infra', bogus: true, __overrides_unparsed__: ['--bogus'] })).toEqual(['--cluster', 'infra', '--bogus']);
  });

  it('use one worker per core, with a few tasks each, never more workers than tasks', () => {
    expect(workerCount(1, 8, undefined)).toBe(1);
    expect(workerCount(5, 2, undefined)).toBe(2);
    expect(workerCount(52, 2, undefined)).toBe(2);
    expect(workerCount(52, 16, undefined)).toBe(13);
    expect(workerCount(3, 8, '6')).toBe(3);
    expect(workerCount(52, 2, '4')).toBe(4);
    expect(workerCount(52, 2, 'many')).toBe(2);
  });

  it('deal tasks round-robin, every task once', () => {
    expect(deal([1, 2, 3, 4, 5], 2)).toEqual([[1, 3, 5], [2, 4]]);
    expect(deal([1], 3)).toEqual([[1]]);
  });
});
