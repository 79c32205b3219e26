import { describe, expect, it } from 'vitest';
import { closest, editDistance, envReferences, globsIntersect, isUnder, splitTokens, staticPrefix } from './util';

describe('globsIntersect', () => {
  it.each([
    ['kube.*', 'kube.*', true],
    ['kube.*', 'kube.var.log.containers.*', true],
    ['*', 'audit.*', true],
    ['kube.*', 'audit.*', false],
    ['kube.*.log', 'kube.a', false],
    ['*.log', 'kube.*', true],
    ['host.kubelet', 'host.*', true],
    ['host.kubelet', 'host.kube', false],
  ])('%s and %s: %s', (a, b, expected) => {
    expect(globsIntersect(a, b)).toBe(expected);
    expect(globsIntersect(b, a)).toBe(expected);
  });
});

describe('splitTokens', () => {
  it('splits on runs of spaces and keeps quoted words together', () => {
    expect(splitTokens('cluster infra')).toEqual(['cluster', 'infra']);
    expect(splitTokens('  msg   "hello world" ')).toEqual(['msg', 'hello world']);
    expect(splitTokens("a 'b c' d")).toEqual(['a', 'b c', 'd']);
    expect(splitTokens("a 'b c' d", '"')).toEqual(['a', "'b", "c'", 'd']);
    expect(splitTokens('a "b')).toBeUndefined();
  });
});

describe('paths', () => {
  it('matches whole directories', () => {
    expect(isUnder('/var/log/containers/x.log', '/var/log')).toBe(true);
    expect(isUnder('/var/log', '/var/log/')).toBe(true);
    expect(isUnder('/var/logs/x', '/var/log')).toBe(false);
    expect(isUnder('/anything', '/')).toBe(true);
  });

  it('takes the fixed directory before a glob', () => {
    expect(staticPrefix('/var/log/containers/*.log')).toBe('/var/log/containers');
    expect(staticPrefix('/var/log/pods/*/*/*.log')).toBe('/var/log/pods');
    expect(staticPrefix('/var/log/syslog')).toBe('/var/log/syslog');
  });
});

describe('suggestions', () => {
  it('measures edit distance and proposes close keys only', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(closest('Retry_Limits', ['retry_limit', 'match'])).toBe('retry_limit');
    expect(closest('Kube_Tag_Prefx', ['kube_tag_prefix', 'kube_url'])).toBe('kube_tag_prefix');
    expect(closest('completely_different', ['match', 'alias'])).toBeUndefined();
  });
});

describe('envReferences', () => {
  it('finds ${VAR} and ${VAR:-default}', () => {
    expect(envReferences('a ${HOST}:${PORT:-8427} b')).toEqual([
      { text: '${HOST}', name: 'HOST' },
      { text: '${PORT:-8427}', name: 'PORT', fallback: '8427' },
    ]);
  });
});
