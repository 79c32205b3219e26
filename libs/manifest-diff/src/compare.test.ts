import { describe, expect, it } from 'vitest';
import { classicToYaml, GOOD_CONFIG, replaceOnce } from '../../fluent-bit-lint/src/fixtures';
import { daemonSet, diffOf, helmRelease } from './test-objects.test-support';

describe('object matching and field changes', () => {
  it('reports nothing when containers, env entries and objects are only reordered', () => {
    const reordered = daemonSet((spec) => {
      spec.template.spec.containers.reverse();
      spec.template.spec.containers[1].env.reverse();
    });
    const other = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'b' }, data: { x: '1' } };
    expect(diffOf([daemonSet(), other], [other, reordered])).toEqual([]);
  });

  it('names list entries by their merge key: a container by name, a port by containerPort', () => {
    const after = daemonSet((spec) => {
      spec.template.spec.containers[0].image = 'fluent-bit:5.1.2';
      spec.template.spec.containers[0].ports = [{ containerPort: 2020, protocol: 'TCP' }];
    });
    const [object] = diffOf([daemonSet()], [after]);
    expect(object!.changes).toEqual([
      { path: 'spec.template.spec.containers[name=fluent-bit].image', before: 'fluent-bit:5.1.1', after: 'fluent-bit:5.1.2' },
      { path: 'spec.template.spec.containers[name=fluent-bit].ports', after: [{ containerPort: 2020, protocol: 'TCP' }] },
    ]);
  });

  it('tells added and removed objects by apiVersion group, kind, namespace and name', () => {
    const a = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'x' } };
    const b = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'y' } };
    expect(diffOf([a], [b]).map((o) => [o.status, o.id.namespace])).toEqual([['removed', 'x'], ['added', 'y']]);
  });

  it('compares HelmRelease values as data', () => {
    const [object] = diffOf([helmRelease()], [helmRelease((v) => (v.resources.limits.memory = '512Mi'))]);
    expect(object!.changes).toEqual([{ path: 'spec.values.resources.limits.memory', before: '256Mi', after: '512Mi' }]);
  });
});

describe('the Fluent Bit configuration, as sections and keys', () => {
  const outputs = (edit: (text: string) => string) => helmRelease((v) => (v.config.outputs = edit(GOOD_CONFIG.outputs)));

  it('reports a key of a section: [OUTPUT] http kube.*: retry_limit', () => {
    const [object] = diffOf([helmRelease()], [outputs((t) => replaceOnce(t, 'retry_limit no_limits', 'retry_limit 3'))]);
    expect(object!.changes).toEqual([{ path: '[OUTPUT] http kube.*', key: 'retry_limit', before: 'no_limits', after: '3' }]);
  });

  it('reads On and true (Off and false) alike, as Fluent Bit does', () => {
    const inputs = (edit: (text: string) => string) => helmRelease((v) => (v.config.inputs = edit(GOOD_CONFIG.inputs)));
    expect(GOOD_CONFIG.inputs).toContain('skip_long_lines On');
    expect(diffOf([helmRelease()], [inputs((t) => t.replaceAll('skip_long_lines On', 'skip_long_lines true'))])).toEqual([]);
    expect(diffOf([helmRelease()], [inputs((t) => replaceOnce(t, 'skip_long_lines On', 'skip_long_lines Off'))])[0]!.changes).toHaveLength(1);
  });

  it('is not changed by reordering sections', () => {
    const [kube, audit] = GOOD_CONFIG.outputs.split('\n\n');
    expect(diffOf([helmRelease()], [outputs(() => `${audit}\n\n${kube}`)])).toEqual([]);
  });

  it('reads the YAML format too: the same pipeline in YAML is no change, a key change in it is one', () => {
    const main = [GOOD_CONFIG.service, GOOD_CONFIG.inputs, GOOD_CONFIG.filters, GOOD_CONFIG.outputs].join('\n');
    const yaml = (text: string) =>
      helmRelease((v) => {
        v.config = { customParsers: GOOD_CONFIG.customParsers, extraFiles: { 'fluent-bit.yaml': classicToYaml(text) } };
        v.args = ['--workdir=/fluent-bit/etc', '--config=/fluent-bit/etc/conf/fluent-bit.yaml'];
      });
    const migrated = diffOf([helmRelease()], [yaml(main)]);
    // Only `args` changes; the configuration reads the same (parsers_file aside, YAML loads custom_parsers.conf itself).
    expect(migrated[0]!.changes.filter((c) => c.key === undefined || c.key !== 'parsers_file').map((c) => c.path)).toEqual(['spec.values.args']);
    const [object] = diffOf([yaml(main)], [yaml(replaceOnce(main, 'header AccountID 1', 'header AccountID 2'))]);
    expect(object!.changes).toEqual([{ path: '[OUTPUT] http audit.*', key: 'header AccountID', before: '1', after: '2' }]);
  });

  it('keeps a file the configuration does not load (a Lua script) as data', () => {
    const lua = (body: string) => helmRelease((v) => (v.config.extraFiles = { 'scripts.lua': body }));
    const [object] = diffOf([lua('function a()\n  return 1\nend\n')], [lua('function a()\n  return 2\nend\n')]);
    expect(object!.changes).toEqual([{ path: 'spec.values.config.extraFiles["scripts.lua"]', before: 'function a()\n  return 1\nend\n', after: 'function a()\n  return 2\nend\n' }]);
  });

  it('never prints a Secret value, only that it changed', () => {
    const secret = (password: string) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'vmauth', namespace: 'observability' }, stringData: { password } });
    const [object] = diffOf([secret('hunter2')], [secret('correct horse')]);
    expect(object!.changes).toHaveLength(1);
    expect(JSON.stringify(object!.changes)).not.toMatch(/hunter2|correct horse/);
    expect(object!.changes[0]).toMatchObject({ path: 'stringData.password', before: expect.stringMatching(/^\(hidden, sha256 [0-9a-f]{12}\)$/) });
  });
});
