import { describe, expect, it } from 'vitest';
import { failure } from './failure.test-support';
import { postBuildVariables, type SubstituteSourceResolver } from './post-build-variables';

const base64 = (text: string) => Buffer.from(text).toString('base64');

/** Sources by `Kind/name`, each given by its `data`. */
const sources =
  (objects: Record<string, Record<string, string>>): SubstituteSourceResolver =>
  (kind, name) => {
    const data = objects[`${kind}/${name}`];
    return data && { data };
  };


describe('postBuildVariables: whether substitution runs', () => {
  it.each([
    ['no postBuild', undefined, false],
    ['an empty postBuild (WithVariables)', {}, false],
    ['an empty substitute map', { substitute: {} }, false],
    ['explicit WithVariables', { substituteStrategy: 'WithVariables' }, false],
    ['Always without variables', { substituteStrategy: 'Always' }, true],
    ['one variable', { substitute: { a: 'x' } }, true],
    ['one variable set to ""', { substitute: { a: '' } }, true],
  ] as const)('%s -> %s', (_name, postBuild, runs) => {
    expect(postBuildVariables(postBuild, () => undefined).runs).toBe(runs);
  });

  it('does not run for an empty ConfigMap', () => {
    const result = postBuildVariables(
      { substituteFrom: [{ kind: 'ConfigMap', name: 'empty' }] },
      sources({ 'ConfigMap/empty': {} }),
    );
    expect(result).toEqual({ variables: {}, runs: false });
  });
});

describe('postBuildVariables: precedence', () => {
  const resolve = sources({
    'ConfigMap/first': { a: 'cm-first', b: 'cm-first', c: 'cm-first' },
    'ConfigMap/second': { b: 'cm-second', c: 'cm-second' },
    'Secret/third': { c: base64('secret-third') },
  });

  it('applies substituteFrom in order, later sources overriding earlier ones, then inline substitute over all', () => {
    const { variables } = postBuildVariables(
      {
        substitute: { a: 'inline' },
        substituteFrom: [
          { kind: 'ConfigMap', name: 'first' },
          { kind: 'ConfigMap', name: 'second' },
          { kind: 'Secret', name: 'third' },
        ],
      },
      resolve,
    );
    expect(variables).toEqual({ a: 'inline', b: 'cm-second', c: 'secret-third' });
  });

  it('looks sources up in list order', () => {
    const asked: string[] = [];
    postBuildVariables(
      {
        substituteFrom: [
          { kind: 'Secret', name: 'third' },
          { kind: 'ConfigMap', name: 'first' },
        ],
      },
      (kind, name) => (asked.push(`${kind}/${name}`), resolve(kind, name)),
    );
    expect(asked).toEqual(['Secret/third', 'ConfigMap/first']);
  });
});

describe('postBuildVariables: values', () => {
  it('strips newlines from every value, keeping carriage returns', () => {
    const { variables } = postBuildVariables(
      {
        substitute: { inline: 'a\nb\n' },
        substituteFrom: [
          { kind: 'ConfigMap', name: 'cm' },
          { kind: 'Secret', name: 'secret' },
        ],
      },
      sources({
        'ConfigMap/cm': { zone: '\naz-1a\n', crlf: 'line\r\n' },
        'Secret/secret': { key: base64('\nsecret\n') },
      }),
    );
    expect(variables).toEqual({ inline: 'ab', zone: 'az-1a', crlf: 'line\r', key: 'secret' });
  });

  it('decodes base64 Secret data', () => {
    const { variables } = postBuildVariables(
      { substituteFrom: [{ kind: 'Secret', name: 's' }] },
      sources({ 'Secret/s': { password: base64('pä$$w0rd'), empty: '' } }),
    );
    expect(variables).toEqual({ password: 'pä$$w0rd', empty: '' });
  });

  it('accepts manifest-shaped sources: Secret stringData wins over data; ConfigMap binaryData is ignored', () => {
    const { variables } = postBuildVariables(
      {
        substituteFrom: [
          { kind: 'ConfigMap', name: 'cm' },
          { kind: 'Secret', name: 's' },
        ],
      },
      (kind) =>
        kind === 'ConfigMap'
          ? ({ data: { color: 'red' }, binaryData: { blob: base64('x') } } as never)
          : { data: { shape: base64('circle'), size: base64('s') }, stringData: { shape: 'triangle' } },
    );
    expect(variables).toEqual({ color: 'red', shape: 'triangle', size: 's' });
  });

  it('keeps a variable named __proto__ as a variable', () => {
    const data = JSON.parse('{"__proto__":"x"}') as Record<string, string>;
    const { variables } = postBuildVariables({ substitute: data }, () => undefined);
    expect(Object.hasOwn(variables, '__proto__')).toBe(true);
    expect(variables['__proto__']).toBe('x');
    expect(Object.getPrototypeOf(variables)).toBe(Object.prototype);
  });
});

describe('postBuildVariables: missing sources', () => {
  it.each([
    ['ConfigMap', 'app-vars', `substitute from 'ConfigMap/app-vars' error: configmaps "app-vars" not found`],
    ['Secret', 'app-secret', `substitute from 'Secret/app-secret' error: secrets "app-secret" not found`],
  ] as const)('fail for a missing %s unless optional', (kind, name, message) => {
    const error = failure(() => postBuildVariables({ substituteFrom: [{ kind, name }] }, () => undefined));
    expect(error.message).toBe(message);
    expect(error.reason).toBe('missing-source');
    expect(postBuildVariables({ substituteFrom: [{ kind, name, optional: true }] }, () => undefined)).toEqual({
      variables: {},
      runs: false,
    });
  });

  it('ignores a kind Flux does not know', () => {
    const substituteFrom = [{ kind: 'Other', name: 'x' }] as never;
    expect(postBuildVariables({ substituteFrom }, () => ({ data: { a: 'b' } })).variables).toEqual({});
  });

  it('rejects Secret data that is not base64', () => {
    const error = failure(() =>
      postBuildVariables(
        { substituteFrom: [{ kind: 'Secret', name: 's' }] },
        sources({ 'Secret/s': { k: 'not base64!' } }),
      ),
    );
    expect(error.message).toBe(`substitute from 'Secret/s' error: illegal base64 data in key "k"`);
    expect(error.reason).toBe('invalid-source');
  });
});

describe('postBuildVariables: variable names', () => {
  it.each([
    ['inline', { substitute: { 'cluster-env': 'prod' } }, 'cluster-env'],
    ['from a ConfigMap', { substituteFrom: [{ kind: 'ConfigMap' as const, name: 'cm' }] }, 'app.port'],
  ])('rejects invalid names %s', (_where, postBuild, name) => {
    const error = failure(() => postBuildVariables(postBuild, sources({ 'ConfigMap/cm': { 'app.port': '80' } })));
    expect(error.message).toBe(
      `envsubst error: '${name}' var name is invalid, must match '^[_[:alpha:]][_[:alpha:][:digit:]]*$'`,
    );
    expect(error.variable).toBe(name);
    expect(error.reason).toBe('invalid-variable-name');
  });
});
