/**
 * The real kubeconform and flux binaries against our in-process stages. They run when the binaries
 * are on PATH (tools/ci/install-tools.sh); in CI (CI=true or GITOPS_REQUIRE_TOOLS=1) a missing
 * binary fails instead of skipping, so the cross-checks cannot silently stop running.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import infra from '../../clusters/infra/src/index';
import { applyPlan, readOutputFolder } from '../render/output-folder';
import { planRender } from '../render/plan';
import { renderedFiles } from '../render/rendered-files';
import { workspaceRoot } from '../workspace';
import { fluxBuildDryRun, fluxCrossCheck, kubeconformVerdicts, offlineKustomization, toolVersion, type ExternalTool } from './external-tools';
import type { Finding } from './findings';
import { formatRef } from './findings';
import type { FluxKustomization } from './flux-build';
import { validateCluster, type ValidationTarget } from './validate-cluster';
import { editYaml, scratchInfra, scratchTarget } from './validate.test-support';

const required = process.env['CI'] === 'true' || process.env['GITOPS_REQUIRE_TOOLS'] === '1';

/** Runs `body` when the tool is on PATH; skips without it, except in CI, where that fails. */
function withTool(tool: ExternalTool, body: () => void) {
  const version = toolVersion(tool);
  if (version === undefined && !required) {
    describe.skip(`${tool} (not on PATH)`, body);
    return;
  }
  describe(`${tool} ${version ?? '(missing)'}`, () => {
    it('is on PATH', () => {
      expect(version, `${tool} is not on PATH: run tools/ci/install-tools.sh and put its bin dir on PATH`).toBeDefined();
    });
    if (version !== undefined) body();
  });
}

const clusterTarget = (name: string): ValidationTarget => ({
  cluster: name,
  repoRoot: workspaceRoot,
  folders: [`kubernetes/clusters/${name}`],
  external: { kustomizations: ['observability-victoria-logs'], namespaces: [] },
  workspace: workspaceRoot,
});

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
  scratch = scratchInfra();
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

const scratchWithTools = (): ValidationTarget => ({ ...scratchTarget(scratch), workspace: workspaceRoot });

const APP = 'observability/fluent-bit/app';

/** The infra cluster rendered with vmauth credentials from a Secret (`$${VAR}` escapes in the values). */
const renderWithCredentials = () => {
  const settings = { ...infra.settings, logSink: { ...infra.settings.logSink, credentials: { secretName: 'fluent-bit-vmauth', usernameKey: 'username', passwordKey: 'password' } } };
  const out = join(scratch, 'kubernetes/clusters/infra');
  applyPlan(out, planRender('clusters-infra', renderedFiles('clusters-infra', { ...infra, settings }).files, readOutputFolder(out)));
};

/** Adds a Deployment to the fluent-bit app (the clusters have none), for quantities and more. */
const addDeployment = (memory: unknown) => {
  const app = join(scratch, 'kubernetes/clusters/infra', APP);
  writeFileSync(
    join(app, 'deployment.yaml'),
    JSON.stringify({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'probe', namespace: 'observability' },
      spec: {
        selector: { matchLabels: { app: 'probe' } },
        template: { metadata: { labels: { app: 'probe' } }, spec: { containers: [{ name: 'probe', image: 'busybox:1.37', resources: { limits: { memory } } }] } },
      },
    }),
  );
  editYaml(scratch, `${APP}/kustomization.yaml`, ([k]) => k.resources.push('deployment.yaml'));
};

withTool('kubeconform', () => {
  describe('agrees with the in-process schema stage', () => {
    it.each(['infra', 'apps'])('on the committed %s cluster: no schema errors from either', (name) => {
      const { findings } = validateCluster(clusterTarget(name));
      expect(schemaVerdicts(findings)).toEqual({ inProcess: [], kubeconform: [] });
    });

    it('on the story`s original manifests', () => {
      const verdicts = schemaVerdicts(validateCluster(storyTarget).findings);
      expect(verdicts.kubeconform).toEqual(verdicts.inProcess);
    });

    it('on the infra cluster rendered with vmauth credentials', () => {
      renderWithCredentials();
      expect(schemaVerdicts(validateCluster(scratchWithTools()).findings)).toEqual({ inProcess: [], kubeconform: [] });
    });

    // Each edit of the committed infra cluster, and whether the schemas reject it.
    it.each<[string, boolean, () => void]>([
      ['an unknown field', true, () => editYaml(scratch, `${APP}/networkpolicy.yaml`, ([np]) => (np.spec.unknownField = 1))],
      ['a boolean port (int-or-string)', true, () => editYaml(scratch, `${APP}/networkpolicy.yaml`, ([np]) => (np.spec.egress[0].ports[0].port = true))],
      ['a named port (int-or-string)', false, () => editYaml(scratch, `${APP}/networkpolicy.yaml`, ([np]) => (np.spec.egress[0].ports[0].port = 'dns'))],
      ['a number where a duration string goes', true, () => editYaml(scratch, `${APP}/helmrelease.yaml`, ([hr]) => (hr.spec.interval = 5))],
      ['a malformed duration', true, () => editYaml(scratch, `${APP}/helmrelease.yaml`, ([hr]) => (hr.spec.interval = '5 minutes'))],
      ['any values (x-kubernetes-preserve-unknown-fields)', false, () => editYaml(scratch, `${APP}/helmrelease.yaml`, ([hr]) => (hr.spec.values.anything = { nested: [1, 'two'] }))],
      ['a required field missing', true, () => editYaml(scratch, `${APP}/helmrelease.yaml`, ([hr]) => delete hr.spec.interval)],
      ['a number as a label value', true, () => editYaml(scratch, `${APP}/namespace.yaml`, ([ns]) => (ns.metadata.labels.team = 1))],
      ['an unknown field in a VMServiceScrape endpoint', true, () => editYaml(scratch, `${APP}/vmservicescrape.yaml`, ([s]) => (s.spec.endpoints[0].unknown = 'x'))],
      ['an unknown field in a Flux Kustomization', true, () => editYaml(scratch, 'observability/fluent-bit/ks.yaml', ([ks]) => (ks.spec.unknown = true))],
      ['a valid quantity', false, () => addDeployment('64Mi')],
      ['an invalid quantity', true, () => addDeployment('64MB')],
      ['a number as a quantity', false, () => addDeployment(1024)],
    ])('on %s (rejected: %s)', (_, rejected, edit) => {
      edit();
      const verdicts = schemaVerdicts(validateCluster(scratchWithTools()).findings);
      expect(verdicts.kubeconform).toEqual(verdicts.inProcess);
      expect(verdicts.inProcess.length > 0).toBe(rejected);
    });

    it('on an object with no schema: kubeconform has none either (the schema stage reports it)', () => {
      const verdicts = kubeconformVerdicts([{ object: { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } } }], workspaceRoot);
      expect(verdicts).toEqual([{ status: 'error', message: expect.stringContaining('could not find schema') }]);
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
    it.each(['infra', 'apps'])('on every Kustomization of the committed %s cluster, object by object', (name) => {
      const { findings } = validateCluster({ ...clusterTarget(name), fluxCrossCheck: true });
      expect(crossCheckOnly(findings)).toEqual([]);
    });

    it('on the story`s original manifests', () => {
      expect(crossCheckOnly(validateCluster({ ...storyTarget, fluxCrossCheck: true }).findings)).toEqual([]);
    });

    it('on the infra cluster rendered with vmauth credentials ($${VAR} escapes stay ${VAR})', () => {
      renderWithCredentials();
      expect(crossCheckOnly(validateCluster({ ...scratchWithTools(), fluxCrossCheck: true }).findings)).toEqual([]);
    });

    it('on a variable with a default (${VAR:=default}) and an inline substitute overriding cluster-settings', () => {
      editYaml(scratch, `${APP}/namespace.yaml`, ([ns]) => (ns.metadata.labels['example.com/tier'] = '${TIER:=gold}'));
      editYaml(scratch, 'observability/fluent-bit/ks.yaml', ([ks]) => (ks.spec.postBuild.substitute = { CLUSTER: 'overridden' }));
      const { findings } = validateCluster({ ...scratchWithTools(), fluxCrossCheck: true });
      expect(crossCheckOnly(findings)).toEqual([]);
    });

    it('both reject a variable cluster-settings does not define (strict substitution)', () => {
      editYaml(scratch, `${APP}/namespace.yaml`, ([ns]) => (ns.metadata.labels['example.com/owner'] = '${UNDEFINED_OWNER}'));
      const { findings } = validateCluster({ ...scratchWithTools(), fluxCrossCheck: true });
      expect(findings).toContainEqual(expect.objectContaining({ check: 'flux-build', message: expect.stringMatching(/^post-build substitution.*UNDEFINED_OWNER/) }));
      expect(crossCheckOnly(findings)).toEqual([expect.objectContaining({ severity: 'error', message: expect.stringMatching(/^flux build failed: .*UNDEFINED_OWNER/) })]);
    });

    it('reports what our build does not model: spec.targetNamespace moves objects', () => {
      editYaml(scratch, 'repositories/oci/ks.yaml', ([ks]) => (ks.spec.targetNamespace = 'elsewhere'));
      expect(crossCheckOnly(validateCluster({ ...scratchWithTools(), fluxCrossCheck: true }).findings)).toEqual([
        expect.objectContaining({
          severity: 'error',
          object: { kind: 'Kustomization', namespace: 'flux-system', name: 'infrastructure-repositories-oci' },
          message: expect.stringMatching(/OCIRepository\/elsewhere\/fluent-bit: only in flux's .*OCIRepository\/flux-system\/fluent-bit: only in our build/),
        }),
      ]);
    });

    it('reports what our build does not model: spec.commonMetadata, field by field', () => {
      editYaml(scratch, 'repositories/oci/ks.yaml', ([ks]) => (ks.spec.commonMetadata = { labels: { team: 'observability' } }));
      expect(crossCheckOnly(validateCluster({ ...scratchWithTools(), fluxCrossCheck: true }).findings)).toEqual([
        expect.objectContaining({ message: expect.stringContaining('OCIRepository/flux-system/fluent-bit: metadata.labels: flux {"team":"observability"}, ours undefined') }),
      ]);
    });

    it('offline, flux cannot read substituteFrom: without the variables passed inline the ${VAR}s stay', () => {
      const folder = 'kubernetes/clusters/infra';
      const ks = fluxKustomizations(workspaceRoot, folder).find((k) => k.object.spec?.postBuild?.substituteFrom)!.object;
      const raw = fluxBuildDryRun(ks, workspaceRoot);
      expect(JSON.stringify(raw.objects)).toContain('${CLUSTER}');
      const offline = offlineKustomization(ks, configMapOf(workspaceRoot, `${folder}/cluster-settings.yaml`))!;
      expect(offline.spec?.postBuild).not.toHaveProperty('substituteFrom');
      const resolved = fluxBuildDryRun(offline, workspaceRoot);
      expect(JSON.stringify(resolved.objects)).not.toContain('${CLUSTER}');
      expect(JSON.stringify(resolved.objects)).toContain('set cluster infra');
    });

    it('without sources for substituteFrom, says it did not cross-check rather than disagree', () => {
      const kustomizations = fluxKustomizations(workspaceRoot, 'kubernetes/clusters/infra');
      expect(fluxCrossCheck(kustomizations, [], workspaceRoot).filter((f) => f.object?.name === 'observability-fluent-bit')).toEqual([
        expect.objectContaining({ severity: 'warning', message: expect.stringContaining('cannot read substituteFrom') }),
      ]);
    });
  });
});
