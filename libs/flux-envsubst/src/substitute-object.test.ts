import { describe, expect, it } from 'vitest';
import { failure } from './failure.test-support';
import { parse, parseAllDocuments } from 'yaml';
import { postBuildVariables, type PostBuild, type SubstituteSourceResolver } from './post-build-variables';
import { isSubstitutionDisabled, SUBSTITUTE_OPT_OUT, substituteObject } from './substitute-object';
import { jsonToYaml } from './yaml/json-to-yaml';

type KubeObject = Record<string, unknown>;

/** A manifest as kustomize hands it over (YAML parsed into plain data). */
const manifest = (text: string) => parse(text) as KubeObject;
const manifests = (text: string) => parseAllDocuments(text).map((document) => document.toJS() as KubeObject);


/** kustomize-controller's flow for one object: load the variables, substitute only if that runs. */
function postBuild(
  object: KubeObject,
  spec: PostBuild | undefined,
  resolve: SubstituteSourceResolver,
  strict: boolean,
) {
  const { variables, runs } = postBuildVariables(spec, resolve);
  return runs ? substituteObject(object, variables, { strict }) : object;
}

const noSources: SubstituteSourceResolver = () => undefined;

describe('fluxcd/pkg TestKustomization_Varsub', () => {
  const kustomization: PostBuild = {
    substitute: { cluster_env: 'prod', cluster_region: 'eu-central-1' },
    substituteFrom: [{ kind: 'ConfigMap', name: 'app-vars' }],
  };
  const appVars: SubstituteSourceResolver = (kind, name) =>
    kind === 'ConfigMap' && name === 'app-vars'
      ? { data: { prometheus_scrape: '"true"', prometheus_port: '"9797"', image: 'nginx:1.21.4' } }
      : undefined;

  const deployment = manifest(`
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
  namespace: apps
  labels:
    environment: \${cluster_env:=dev}
    region: \${cluster_region}
spec:
  selector:
    matchLabels:
      app: app
  template:
    metadata:
      annotations:
        prometheus.io/scrape: \${prometheus_scrape:=false}
        prometheus.io/port: \${prometheus_port}
      labels:
        app: app
    spec:
      containers:
      - name: nginx
        image: \${image}
        imagePullPolicy: IfNotPresent
        resources:
          limits:
            cpu: 2000m
            memory: 512Mi
          requests:
            cpu: 100m
            memory: 64Mi
`);
  const disabledConfigMap = manifest(`
apiVersion: v1
kind: ConfigMap
metadata:
  labels:
    kustomize.toolkit.fluxcd.io/substitute: disabled
    environment: \${cluster_env:=dev}
    region: \${cluster_region}
  name: app-vars
  namespace: apps
data:
  prometheus_scrape: \${prometheus_scrape:=false}
  prometheus_port: \${prometheus_port}
  image: \${image}
`);
  // testdata/kustomization_varsub_expected.yaml
  const [expectedDeployment, expectedConfigMap] = manifests(`apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
    environment: prod
    region: eu-central-1
  name: app
  namespace: apps
spec:
  selector:
    matchLabels:
      app: app
  template:
    metadata:
      annotations:
        prometheus.io/port: "9797"
        prometheus.io/scrape: "true"
      labels:
        app: app
    spec:
      containers:
      - image: nginx:1.21.4
        imagePullPolicy: IfNotPresent
        name: nginx
        resources:
          limits:
            cpu: 2000m
            memory: 512Mi
          requests:
            cpu: 100m
            memory: 64Mi
---
apiVersion: v1
data:
  image: \${image}
  prometheus_port: \${prometheus_port}
  prometheus_scrape: \${prometheus_scrape:=false}
kind: ConfigMap
metadata:
  labels:
    environment: \${cluster_env:=dev}
    kustomize.toolkit.fluxcd.io/substitute: disabled
    region: \${cluster_region}
  name: app-vars
  namespace: apps
`);

  it('substitutes inline and ConfigMap variables; quotes inside values keep "9797" a string', () => {
    expect(postBuild(deployment, kustomization, appVars, false)).toEqual(expectedDeployment);
  });

  it('leaves the ConfigMap labelled substitute: disabled untouched', () => {
    const result = postBuild(disabledConfigMap, kustomization, appVars, true);
    expect(result).toBe(disabledConfigMap);
    expect(result).toEqual(expectedConfigMap);
  });

  it('emits the substituted Deployment in sigs.k8s.io/yaml form, keys sorted', () => {
    const result = postBuild(deployment, kustomization, appVars, false);
    expect(jsonToYaml(result as never)).toContain('      annotations:\n        prometheus.io/port: "9797"\n');
  });

  const strictConfigMap = manifest(`
apiVersion: v1
kind: ConfigMap
metadata:
  labels:
    environment: \${cluster_env:=dev}
    region: \${cluster_region}
  name: app-vars-strict
  namespace: apps
data:
  missing: \${missing}
`);

  it('fails in strict mode on a variable without a default', () => {
    const error = failure(() => postBuild(strictConfigMap, kustomization, appVars, true));
    expect(error.message).toBe(
      'envsubst error: variable substitution failed: variable not set (strict mode): "missing"',
    );
    expect(error.variable).toBe('missing');
    expect(error.reason).toBe('unset-variable');
  });

  it('substitutes the empty string for it otherwise', () => {
    expect(postBuild(strictConfigMap, kustomization, appVars, false)).toMatchObject({
      data: { missing: null },
      metadata: { labels: { environment: 'prod', region: 'eu-central-1' } },
    });
  });
});

describe('fluxcd/pkg TestKustomization_Varsub_Always', () => {
  const configMap = manifest(`
apiVersion: v1
kind: ConfigMap
metadata:
  labels:
    environment: \${cluster_env:=dev}
  name: app-vars-always
  namespace: apps
data:
  region: \${cluster_region:=eu-central-1}
`);

  it('does not substitute defaults without variables (WithVariables)', () => {
    const yaml = jsonToYaml(postBuild(configMap, {}, noSources, true) as never);
    expect(yaml).toContain('${cluster_env:=dev}');
    expect(yaml).toContain('${cluster_region:=eu-central-1}');
  });

  it('substitutes defaults with substituteStrategy: Always', () => {
    const yaml = jsonToYaml(postBuild(configMap, { substituteStrategy: 'Always' }, noSources, true) as never);
    expect(yaml).not.toContain('${');
    expect(yaml).toContain('environment: dev');
    expect(yaml).toContain('region: eu-central-1');
  });
});

describe('fluxcd/pkg TestKustomization_Varsub_StrictEmptyValues', () => {
  const configMap = manifest(`
apiVersion: v1
kind: ConfigMap
metadata:
  labels:
    from-inline: "\${empty_inline}"
    from-configmap: "\${empty_cm}"
    from-secret: "\${empty_secret}"
  name: app-vars-strict-empty
  namespace: apps
`);
  const sources: SubstituteSourceResolver = (kind, name) => {
    if (name !== 'app-vars-empty') return undefined;
    return kind === 'ConfigMap' ? { data: { empty_cm: '' } } : { stringData: { empty_secret: '' } };
  };
  const spec: PostBuild = {
    substitute: { empty_inline: '' },
    substituteFrom: [
      { kind: 'ConfigMap', name: 'app-vars-empty' },
      { kind: 'Secret', name: 'app-vars-empty' },
    ],
  };

  it('accepts variables set to "" in strict mode; the quotes were lost, so the labels become null', () => {
    const yaml = jsonToYaml(postBuild(configMap, spec, sources, true) as never);
    expect(yaml).not.toContain('${');
    expect(yaml).toContain('from-inline: null');
    expect(yaml).toContain('from-configmap: null');
    expect(yaml).toContain('from-secret: null');
  });

  it('gives the same result as omitting those variables in non-strict mode', () => {
    const omitted = postBuild(configMap, { substitute: { dummy: 'unused' } }, noSources, false);
    expect(postBuild(configMap, spec, sources, true)).toEqual(omitted);
  });
});

describe('kustomize-controller TestKustomizationReconciler_Varsub', () => {
  const [serviceAccount = {}, secret = {}] = manifests(`
apiVersion: v1
kind: ServiceAccount
metadata:
  name: vars
  namespace: vars
  labels:
    environment: \${env:=dev}
    region: "\${_Region}"
    zone: "\${zone}"
---
apiVersion: v1
kind: Secret
metadata:
  name: vars
  namespace: vars
stringData:
  zone: \${zone}
`);
  const spec: PostBuild = {
    substitute: { _Region: 'eu-central-1' },
    substituteFrom: [
      { kind: 'ConfigMap', name: 'zone-config' },
      { kind: 'Secret', name: 'zone-secret' },
    ],
  };
  const sources: SubstituteSourceResolver = (kind) =>
    kind === 'ConfigMap' ? { data: { zone: '\naz-1a\n' } } : { data: { zone: Buffer.from('\naz-1b\n').toString('base64') } };

  it('lets the later Secret override the ConfigMap and strips newlines', () => {
    expect(postBuild(serviceAccount, spec, sources, true)).toMatchObject({
      metadata: { labels: { environment: 'dev', region: 'eu-central-1', zone: 'az-1b' } },
    });
    expect(postBuild(secret, spec, sources, true)).toMatchObject({ stringData: { zone: 'az-1b' } });
  });
});

describe('kustomize-controller TestKustomizationReconciler_VarsubOptional', () => {
  const serviceAccount = manifest(`
apiVersion: v1
kind: ServiceAccount
metadata:
  name: vars
  labels:
    color: "\${color:=blue}"
    shape: "\${shape:=square}"
`);
  const spec: PostBuild = {
    substitute: { var_substitution_enabled: 'true' },
    substituteFrom: [
      { kind: 'ConfigMap', name: 'colors', optional: true },
      { kind: 'Secret', name: 'shapes', optional: true },
    ],
  };

  it('uses optional sources that exist', () => {
    const sources: SubstituteSourceResolver = (kind) =>
      kind === 'ConfigMap' ? { data: { color: '\nred\n' } } : { stringData: { shape: '\ntriangle\n' } };
    expect(postBuild(serviceAccount, spec, sources, true)).toMatchObject({
      metadata: { labels: { color: 'red', shape: 'triangle' } },
    });
  });

  it('falls back to the defaults once they are deleted', () => {
    expect(postBuild(serviceAccount, spec, noSources, true)).toMatchObject({
      metadata: { labels: { color: 'blue', shape: 'square' } },
    });
  });
});

describe('kustomize-controller TestKustomizationReconciler_VarsubAlways', () => {
  const serviceAccount = manifest(`
apiVersion: v1
kind: ServiceAccount
metadata:
  name: vars
  labels:
    color: "\${color:=blue}"
    shape: "\${shape:=square}"
`);

  it('leaves the expressions in place with an empty postBuild (the apply then fails on the label values)', () => {
    expect(postBuild(serviceAccount, {}, noSources, true)).toMatchObject({
      metadata: { labels: { color: '${color:=blue}', shape: '${shape:=square}' } },
    });
  });

  it('substitutes the defaults with substituteStrategy: Always', () => {
    expect(postBuild(serviceAccount, { substituteStrategy: 'Always' }, noSources, true)).toMatchObject({
      metadata: { labels: { color: 'blue', shape: 'square' } },
    });
  });
});

describe('kustomize-controller TestKustomizationReconciler_VarsubNumberBool', () => {
  const [repository = {}, configMap = {}] = manifests(`
apiVersion: source.toolkit.fluxcd.io/v1
kind: GitRepository
metadata:
  name: vars
  namespace: vars
  labels:
    id: \${numberStr}
    enabled: \${booleanStr}
  annotations:
    id: \${q}\${number}\${q}
    enabled: \${q}\${boolean}\${q}
spec:
  interval: \${number}m
  url: https://host/repo
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: vars
  namespace: vars
data:
  id: \${q}\${number}\${q}
  text: |
    This variable is escaped $\${var}
    Lorem ipsum dolor sit amet, consectetur adipiscing elit. Vivamus at
    nisl sem. Nullam nec dui ipsum. Nam vehicula volutpat ipsum, ac fringilla
    \\?
`);
  const variables = { q: '"', numberStr: '!!str 123', number: '123', booleanStr: '!!str true', boolean: 'true' };

  it('keeps numbers and booleans strings through !!str and the ${q} quoting trick', () => {
    expect(substituteObject(repository, variables, { strict: true })).toMatchObject({
      metadata: { labels: { id: '123', enabled: 'true' }, annotations: { id: '123', enabled: 'true' } },
      spec: { interval: '123m' },
    });
  });

  it('unescapes $${var} and keeps other backslashes in block text', () => {
    const result = substituteObject(configMap, variables, { strict: true }) as { data: Record<string, string> };
    expect(result.data['id']).toBe('123');
    expect(result.data['text']).toContain('This variable is escaped ${var}\n');
    expect(result.data['text']).not.toContain('$${var}');
    expect(result.data['text']).toContain('\\?');
  });
});

describe('kustomize-controller TestKustomizationReconciler_VarsubStrict', () => {
  const serviceAccount = manifest(`
apiVersion: v1
kind: ServiceAccount
metadata:
  name: vars
  labels:
    default: \${default:=test}
    missing: \${missing}
`);

  it('fails the build with "variable not set"', () => {
    const error = failure(() => postBuild(serviceAccount, { substitute: { test: 'test' } }, noSources, true));
    expect(error.message).toContain('variable not set');
  });
});

describe('substituteObject: re-typing through the YAML round trip', () => {
  const labelled = (value: string) => substituteObject({ data: { v: '${v}' } }, { v: value }, { strict: true });

  it.each<[string, unknown]>([
    ['8427', 8427],
    ['true', true],
    ['yes', true],
    ['on', true],
    ['1.50', 1.5],
    ['0755', 493],
    ['~', null],
    ['', null],
    ['!!str 123', '123'],
    ['123m', '123m'],
    ['nginx:1.21.4', 'nginx:1.21.4'],
    ['"quoted"', 'quoted'],
    ["'single'", 'single'],
    ['a #comment', 'a'],
  ])('a plain ${v} with %j reads back as %j', (value, result) => {
    expect(labelled(value)).toEqual({ data: { v: result } });
  });

  it('keeps source strings that needed quotes as strings', () => {
    expect(substituteObject({ port: '8080', flag: 'on', v: '${v}' }, { v: 'x' }, { strict: true })).toEqual({
      port: '8080',
      flag: 'on',
      v: 'x',
    });
  });

  it('substitutes into keys too', () => {
    expect(
      substituteObject({ data: { '${k}': 'v', '${n}': 'w' } }, { k: 'thekey', n: '123' }, { strict: true }),
    ).toEqual({
      data: { thekey: 'v', '123': 'w' },
    });
  });

  it('keeps numbers, booleans and nulls of the object', () => {
    const object = { spec: { replicas: 3, paused: false, ratio: 0.5, note: null, list: [1, 'a', true], empty: {} } };
    expect(substituteObject(object, { unused: 'x' }, { strict: true })).toEqual(object);
  });

  it('does not re-type text inside literal blocks or quoted scalars', () => {
    const object = { script: 'echo ${v}\n', tabbed: 'a\t${v}' };
    expect(substituteObject(object, { v: '8427' }, { strict: true })).toEqual({
      script: 'echo 8427\n',
      tabbed: 'a\t8427',
    });
  });

  it('returns a new object and leaves the input alone', () => {
    const object = { data: { v: '${v}' } };
    const result = substituteObject(object, { v: '1' }, { strict: true });
    expect(result).not.toBe(object);
    expect(object).toEqual({ data: { v: '${v}' } });
  });

  it('never finds Object.prototype members as variables', () => {
    expect(() => substituteObject({ v: '${constructor}' }, {}, { strict: true })).toThrow(
      'variable not set (strict mode): "constructor"',
    );
  });
});

describe('substituteObject: opt-out', () => {
  const optedOut = (where: 'labels' | 'annotations', value: string) => ({
    metadata: { name: 'x', [where]: { [SUBSTITUTE_OPT_OUT]: value } },
    data: { v: '${missing}' },
  });

  it.each(['labels', 'annotations'] as const)(
    'skips an object with %s substitute: disabled, even with invalid names',
    (where) => {
      const object = optedOut(where, 'disabled');
      expect(isSubstitutionDisabled(object)).toBe(true);
      expect(substituteObject(object, { 'bad-name': 'x' }, { strict: true })).toBe(object);
    },
  );

  it.each(['Disabled', 'enabled', ''])('does not treat %j as disabled', (value) => {
    const object = optedOut('labels', value);
    expect(isSubstitutionDisabled(object)).toBe(false);
    expect(() => substituteObject(object, {}, { strict: true })).toThrow('variable not set');
  });

  it('ignores malformed metadata', () => {
    expect(isSubstitutionDisabled({ metadata: 'x' })).toBe(false);
    expect(isSubstitutionDisabled({ metadata: { labels: [SUBSTITUTE_OPT_OUT] } })).toBe(false);
  });
});

describe('substituteObject: errors', () => {
  it('rejects an invalid variable name, referenced or not', () => {
    const error = failure(() => substituteObject({ a: 'b' }, { 'my-var': 'x' }, { strict: false }));
    expect(error.message).toBe(
      "envsubst error: 'my-var' var name is invalid, must match '^[_[:alpha:]][_[:alpha:][:digit:]]*$'",
    );
    expect(error.variable).toBe('my-var');
  });

  it.each([
    ['${a-b}', 'envsubst error: variable substitution failed: missing closing brace'],
    ['${a:0:-1}', 'envsubst error: variable substitution failed: runtime error: slice bounds out of range [:-1]'],
  ])('wraps envsubst errors: %s', (expression, message) => {
    expect(() => substituteObject({ v: expression }, { a: 'x' }, { strict: false })).toThrow(message);
  });

  it('fails when a value breaks the YAML', () => {
    const error = failure(() => substituteObject({ data: { v: '${v}' } }, { v: 'a: b' }, { strict: false }));
    expect(error.reason).toBe('yaml');
    expect(error.message).toBe(
      'envsubst error: YAMLToJSON: yaml: line 2: Nested mappings are not allowed in compact mappings',
    );
  });

  it('fails like go-yaml when a value makes an anchor go-yaml cannot read', () => {
    expect(() => substituteObject({ data: { password: '${p}' } }, { p: '&Secret#1' }, { strict: false })).toThrow(
      'envsubst error: YAMLToJSON: yaml: line 2: did not find expected alphabetic or numeric character',
    );
  });

  it('fails when byte slicing leaves malformed UTF-8, as go-yaml refuses it', () => {
    expect(() => substituteObject({ v: '${v:1}' }, { v: 'émile' }, { strict: false })).toThrow(
      'envsubst error: YAMLToJSON: yaml: invalid leading UTF-8 octet',
    );
  });

  it('fails when a value turns into infinity, which JSON cannot hold', () => {
    expect(() => substituteObject({ v: '${v}' }, { v: '.inf' }, { strict: false })).toThrow(
      'envsubst error: YAMLToJSON: json: unsupported value: +Inf',
    );
  });

  it('fails when the result is no longer a mapping', () => {
    const error = failure(() => substituteObject({ '${k}': 'v' }, { k: '- a' }, { strict: false }));
    expect(error.message).toMatch(/^UnmarshalJSON: /);
  });

  it('fails like sigs.k8s.io/yaml on characters go-yaml cannot read', () => {
    expect(() => substituteObject({ v: 'a\u007f' }, {}, { strict: false })).toThrow(
      'yaml: control characters are not allowed',
    );
  });
});
