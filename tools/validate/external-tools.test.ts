/**
 * The real kubeconform and flux binaries against our in-process stages, on the toolkit's fixture
 * cluster and the story. They run when the binaries are there (tools/ci/install-tools.sh:
 * kubeconform on PATH; flux from GITOPS_FLUX or PATH, which the Go module proxy cannot install). In
 * CI (CI=true or GITOPS_REQUIRE_TOOLS=1) a missing kubeconform fails instead of skipping, so that
 * cross-check cannot silently stop running.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateObject } from '@gitops/k8s-schemas';
import { renderedFiles } from '../render/rendered-files';
import { workspaceRoot } from '../workspace';
import { fluxBuildDryRun, fluxCrossCheck, kubeconformVerdicts, offlineKustomization, toolVersion, type ExternalTool, type KubeconformVerdict } from './external-tools';
import type { Finding } from './findings';
import { formatRef, objectRef } from './findings';
import type { FluxKustomization } from './flux-build';
import { validateCluster, type ValidationTarget } from './validate-cluster';
import { FIXTURE, FIXTURE_DIR, fixtureCluster, fixtureLogCollection, renderInto, scratchWorkspace, type FixtureChanges } from '../testing/fixture-cluster.test-support';
import { editYaml, scratchFixture, scratchTarget } from './validate.test-support';

const required = process.env['CI'] === 'true' || process.env['GITOPS_REQUIRE_TOOLS'] === '1';

/** Runs `body` when the tool is there; skips without it, except kubeconform in CI, where that fails. */
function withTool(tool: ExternalTool, body: () => void) {
  const version = toolVersion(tool);
  if (version === undefined && !(required && tool === 'kubeconform')) {
    describe.skip(`${tool} (not on PATH)`, body);
    return;
  }
  describe(`${tool} ${version ?? '(missing)'}`, () => {
    it('is installed', () => {
      expect(version, `${tool} is not installed: eval "$(bash tools/ci/install-tools.sh)"`).toBeDefined();
    });
    if (version !== undefined) body();
  });
}

/** The fixture cluster with `changes`, rendered in a scratch workspace of its own. */
const fixtureTarget = (changes: FixtureChanges): ValidationTarget => {
  const root = scratchWorkspace(changes);
  roots.push(root);
  return { cluster: FIXTURE, repoRoot: root, folders: [FIXTURE_DIR], external: { kustomizations: ['observability-victoria-logs'], namespaces: [] }, workspace: workspaceRoot };
};
const roots: string[] = [];
const VARIANTS: Array<[string, FixtureChanges]> = [
  ['with audit logs', {}],
  ['without audit logs', { logCollection: { auditLogs: { enabled: false } } }],
];
const CREDENTIALS: FixtureChanges = {
  logCollection: { logSink: { ...fixtureLogCollection().logSink, credentials: { secretName: 'fluent-bit-vmauth', usernameKey: 'username', passwordKey: 'password' } } },
};

const storyTarget: ValidationTarget = {
  cluster: 'story',
  repoRoot: join(import.meta.dirname, 'fixtures/story'),
  folders: ['kubernetes'],
  external: { kustomizations: ['observability-victoria-logs'], namespaces: [] },
  workspace: workspaceRoot,
};

const located = (f: Finding) => `${f.file ?? ''} ${f.object ? formatRef(f.object) : ''}`;
/** Objects with schema errors, by the in-process stage and by kubeconform. */
const schemaVerdicts = (findings: readonly Finding[]) => {
  const schema = findings.filter((f) => f.check === 'schema' && f.severity === 'error');
  return {
    inProcess: [...new Set(schema.filter((f) => !f.message.startsWith('kubeconform')).map(located))].sort(),
    kubeconform: [...new Set(schema.filter((f) => f.message.startsWith('kubeconform')).map(located))].sort(),
  };
};

let scratch: string;
beforeEach(() => {
  scratch = scratchFixture();
});
afterEach(() => {
  rmSync(scratch, { recursive: true, force: true });
  roots.splice(0).forEach((root) => rmSync(root, { recursive: true, force: true }));
});


const APP = 'observability/fluent-bit/app';

/** The fixture rendered with vmauth credentials from a Secret (`$${VAR}` escapes in the values). */
const renderWithCredentials = () => renderInto(scratch, fixtureCluster(CREDENTIALS));

/** Every object of the YAML files under `dir` (kustomize's own kustomization.yaml aside). */
const objectsUnder = (dir: string): Array<Record<string, unknown>> =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .flatMap((file) => yamlObjects(readFileSync(join(dir, file), 'utf8')));

const yamlObjects = (text: string): Array<Record<string, unknown>> =>
  parseAllDocuments(text)
    .map((d) => d.toJS() as Record<string, unknown> | null)
    .filter((o): o is Record<string, unknown> => o !== null && !String(o['apiVersion']).startsWith('kustomize.config.k8s.io/'));

const rendered = (changes: FixtureChanges) => [...renderedFiles(FIXTURE, fixtureCluster(changes)).files.values()].flatMap(yamlObjects);
const find = (objects: Array<Record<string, unknown>>, kind: string) => structuredClone(objects.find((o) => o['kind'] === kind)!) as any;

const deployment = (memory: unknown) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'probe', namespace: 'observability' },
  spec: {
    selector: { matchLabels: { app: 'probe' } },
    template: { metadata: { labels: { app: 'probe' } }, spec: { containers: [{ name: 'probe', image: 'busybox:1.37', resources: { limits: { memory } } }] } },
  },
});

/** The in-process verdict in kubeconform's terms. */
const inProcessVerdict = (object: Record<string, unknown>) => {
  const result = validateObject(object);
  return result === 'no-schema' ? 'no schema' : result.length === 0 ? 'valid' : 'invalid';
};
const kubeconformVerdict = ({ status, message }: KubeconformVerdict) =>
  status === 'error' && message.startsWith('could not find schema') ? 'no schema' : status;

withTool('kubeconform', () => {
  describe('agrees with the in-process schema stage', () => {
    it.each(VARIANTS)('in validate of the fixture cluster %s (objects as Flux applies them): no schema errors from either', (_, changes) => {
      const { findings } = validateCluster(fixtureTarget(changes));
      expect(schemaVerdicts(findings)).toEqual({ inProcess: [], kubeconform: [] });
    });

    it('object by object, on the clusters, the story and a corpus of edits', () => {
      const fixtureObjects = rendered({});
      const withCredentials = rendered(CREDENTIALS);
      // Each edit of a fixture object, and whether the schemas reject it.
      const edits: Array<[string, boolean, Record<string, unknown>]> = [
        ['an unknown field', true, ((np) => ((np.spec.unknownField = 1), np))(find(fixtureObjects, 'NetworkPolicy'))],
        ['a boolean port (int-or-string)', true, ((np) => ((np.spec.egress[0].ports[0].port = true), np))(find(fixtureObjects, 'NetworkPolicy'))],
        ['a named port (int-or-string)', false, ((np) => ((np.spec.egress[0].ports[0].port = 'dns'), np))(find(fixtureObjects, 'NetworkPolicy'))],
        ['a number where a duration string goes', true, ((hr) => ((hr.spec.interval = 5), hr))(find(fixtureObjects, 'HelmRelease'))],
        ['a malformed duration', true, ((hr) => ((hr.spec.interval = '5 minutes'), hr))(find(fixtureObjects, 'HelmRelease'))],
        ['any values (x-kubernetes-preserve-unknown-fields)', false, ((hr) => ((hr.spec.values.anything = { nested: [1, 'two'] }), hr))(find(fixtureObjects, 'HelmRelease'))],
        ['a required field missing', true, ((hr) => (delete hr.spec.interval, hr))(find(fixtureObjects, 'HelmRelease'))],
        ['a number as a label value', true, ((ns) => ((ns.metadata.labels.team = 1), ns))(find(fixtureObjects, 'Namespace'))],
        ['an unknown field in a VMServiceScrape endpoint', true, ((v) => ((v.spec.endpoints[0].unknown = 'x'), v))(find(fixtureObjects, 'VMServiceScrape'))],
        ['an unknown field in a Flux Kustomization', true, ((ks) => ((ks.spec.unknown = true), ks))(find(fixtureObjects, 'Kustomization'))],
        ['a string in a ConfigMap', false, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { K: '1' } }],
        ['a number in a ConfigMap', true, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { K: 1 } }],
        ['a valid quantity', false, deployment('64Mi')],
        ['an invalid quantity', true, deployment('64MB')],
        ['a number as a quantity', false, deployment(1024)],
      ];
      const corpus: Array<[string, Record<string, unknown>]> = [
        ...fixtureObjects.map((o): [string, Record<string, unknown>] => ['fixture', o]),
        ...rendered(VARIANTS[1]![1]).map((o): [string, Record<string, unknown>] => ['fixture without audit logs', o]),
        ...objectsUnder(storyTarget.repoRoot).map((o): [string, Record<string, unknown>] => ['story', o]),
        ...withCredentials.map((o): [string, Record<string, unknown>] => ['fixture with credentials', o]),
        ...edits.map(([what, , o]): [string, Record<string, unknown>] => [what, o]),
        ['an unknown kind', { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } }],
      ];
      const verdicts = kubeconformVerdicts(corpus.map(([, object]) => ({ object })), workspaceRoot)!;
      const rows = corpus.map(([what, object], index) => ({ what, object: formatRef(objectRef(object)!), ours: inProcessVerdict(object), kubeconform: kubeconformVerdict(verdicts[index]!), message: verdicts[index]!.message }));
      expect(rows.filter((row) => row.ours !== row.kubeconform)).toEqual([]);
      expect(corpus.length).toBeGreaterThan(40);
      expect(rows.filter((row) => ['fixture', 'fixture without audit logs', 'fixture with credentials'].includes(row.what) && row.ours !== 'valid')).toEqual([]);
      for (const [what, rejected] of edits) expect({ what, rejected: rows.find((row) => row.what === what)!.ours === 'invalid' }).toEqual({ what, rejected });
      expect(rows.at(-1)).toMatchObject({ ours: 'no schema', kubeconform: 'no schema' });
    });
  });
});

/** The cluster's Flux Kustomizations, as validate reads them. */
const fluxKustomizations = (root: string, folder: string) =>
  ['repositories/oci/ks.yaml', 'observability/fluent-bit/ks.yaml']
    .map((file) => join(folder, file))
    .filter((file) => {
      try {
        readFileSync(join(root, file));
        return true;
      } catch {
        return false;
      }
    })
    .map((file) => ({ file, object: parseAllDocuments(readFileSync(join(root, file), 'utf8'))[0]!.toJS() as FluxKustomization }));

const configMapOf = (root: string, file: string) => {
  const [cm] = parseAllDocuments(readFileSync(join(root, file), 'utf8')).map((d) => d.toJS());
  return (kind: 'ConfigMap' | 'Secret', name: string) => (kind === 'ConfigMap' && name === cm.metadata.name ? cm : undefined);
};

const crossCheckOnly = (findings: readonly Finding[]) => findings.filter((f) => f.check === 'flux-build' && f.message.startsWith('flux build'));

withTool('flux', () => {
  describe('flux build kustomization --dry-run agrees with our Flux build', () => {
    it.each(VARIANTS)('on every Kustomization of the fixture cluster %s, object by object', (_, changes) => {
      const { findings } = validateCluster({ ...fixtureTarget(changes), workspace: undefined, fluxCrossCheck: true });
      expect(crossCheckOnly(findings)).toEqual([]);
    });

    it('on the story`s original manifests', () => {
      expect(crossCheckOnly(validateCluster({ ...storyTarget, workspace: undefined, fluxCrossCheck: true }).findings)).toEqual([]);
    });

    it('on the fixture cluster rendered with vmauth credentials ($${VAR} escapes stay ${VAR})', () => {
      renderWithCredentials();
      expect(crossCheckOnly(validateCluster({ ...scratchTarget(scratch), fluxCrossCheck: true }).findings)).toEqual([]);
    });

    it('on a variable with a default (${VAR:=default}) and an inline substitute overriding cluster-settings', () => {
      editYaml(scratch, `${APP}/namespace.yaml`, ([ns]) => (ns.metadata.labels['example.com/tier'] = '${TIER:=gold}'));
      editYaml(scratch, 'observability/fluent-bit/ks.yaml', ([ks]) => (ks.spec.postBuild.substitute = { CLUSTER: 'overridden' }));
      const { findings } = validateCluster({ ...scratchTarget(scratch), fluxCrossCheck: true });
      expect(crossCheckOnly(findings)).toEqual([]);
    });

    it('both reject a variable cluster-settings does not define (strict substitution)', () => {
      editYaml(scratch, `${APP}/namespace.yaml`, ([ns]) => (ns.metadata.labels['example.com/owner'] = '${UNDEFINED_OWNER}'));
      const { findings } = validateCluster({ ...scratchTarget(scratch), fluxCrossCheck: true });
      expect(findings).toContainEqual(expect.objectContaining({ check: 'flux-build', message: expect.stringMatching(/^post-build substitution.*UNDEFINED_OWNER/) }));
      expect(crossCheckOnly(findings)).toEqual([expect.objectContaining({ severity: 'error', message: expect.stringMatching(/^flux build failed: .*UNDEFINED_OWNER/) })]);
    });

    it('reports what our build does not model: spec.targetNamespace moves objects', () => {
      editYaml(scratch, 'repositories/oci/ks.yaml', ([ks]) => (ks.spec.targetNamespace = 'elsewhere'));
      expect(crossCheckOnly(validateCluster({ ...scratchTarget(scratch), fluxCrossCheck: true }).findings)).toEqual([
        expect.objectContaining({
          severity: 'error',
          object: { kind: 'Kustomization', namespace: 'flux-system', name: 'infrastructure-repositories-oci' },
          message: expect.stringMatching(/OCIRepository\/elsewhere\/fluent-bit: only in flux's .*OCIRepository\/flux-system\/fluent-bit: only in our build/),
        }),
      ]);
    });

    it('reports what our build does not model: spec.commonMetadata, field by field', () => {
      editYaml(scratch, 'repositories/oci/ks.yaml', ([ks]) => (ks.spec.commonMetadata = { labels: { team: 'observability' } }));
      expect(crossCheckOnly(validateCluster({ ...scratchTarget(scratch), fluxCrossCheck: true }).findings)).toEqual([
        expect.objectContaining({ message: expect.stringContaining('OCIRepository/flux-system/fluent-bit: metadata.labels: flux {"team":"observability"}, ours undefined') }),
      ]);
    });

    it('offline, flux cannot read substituteFrom: without the variables passed inline the ${VAR}s stay', () => {
      const ks = fluxKustomizations(scratch, FIXTURE_DIR).find((k) => k.object.spec?.postBuild?.substituteFrom)!.object;
      const raw = fluxBuildDryRun(ks, scratch);
      expect(JSON.stringify(raw.objects)).toContain('${CLUSTER}');
      const offline = offlineKustomization(ks, configMapOf(scratch, `${FIXTURE_DIR}/cluster-settings.yaml`))!;
      expect(offline.spec?.postBuild).not.toHaveProperty('substituteFrom');
      const resolved = fluxBuildDryRun(offline, scratch);
      expect(JSON.stringify(resolved.objects)).not.toContain('${CLUSTER}');
      expect(JSON.stringify(resolved.objects)).toContain('set cluster fixture');
    });

    it('without sources for substituteFrom, says it did not cross-check rather than disagree', () => {
      const kustomizations = fluxKustomizations(scratch, FIXTURE_DIR);
      expect(fluxCrossCheck(kustomizations, [], scratch).filter((f) => f.object?.name === 'observability-fluent-bit')).toEqual([
        expect.objectContaining({ severity: 'warning', message: expect.stringContaining('cannot read substituteFrom') }),
      ]);
    });
  });
});
