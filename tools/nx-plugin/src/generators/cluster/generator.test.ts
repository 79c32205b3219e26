import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import type { Tree } from '@nx/devkit';
import { beforeEach, describe, expect, it } from 'vitest';
import clusterGenerator, { ClusterGeneratorError } from './generator';

// The generator's own fixtures: a cluster definition to copy, written like a user's.
const SOURCE = `import { defineCluster } from '@gitops/cluster';

/** A source cluster. */
export default defineCluster({
  environment: 'production', // keep this comment
  apiServer: { cidrs: ['198.51.100.1/32'], port: 6443 },
  apps: [
    logCollection({
      ...shared,
      auditLogs: { enabled: false },
    }),
  ],
});
`;

let tree: Tree;
beforeEach(() => {
  tree = createTreeWithEmptyWorkspace();
  tree.write('clusters/source/cluster.ts', SOURCE);
  tree.write('kubernetes/clusters/taken/kustomization.yaml', 'resources: []\n');
});

/** What a refused call says; and that it wrote nothing. */
async function refusal(options: Parameters<typeof clusterGenerator>[1]): Promise<string> {
  const before = tree.listChanges().length;
  const error = await clusterGenerator(tree, options).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ClusterGeneratorError);
  expect(tree.listChanges().length).toBe(before);
  return (error as Error).message;
}

describe('cluster generator', () => {
  it('writes a typed, commented definition, and renders it afterwards', async () => {
    const render = await clusterGenerator(tree, { name: 'edge', environment: 'staging', audit: true });
    const written = tree.read('clusters/edge/cluster.ts', 'utf-8')!;
    expect(written).toContain("export default defineCluster({");
    expect(written).toContain("environment: 'staging',");
    expect(written).toContain('auditLogs: { enabled: true, tenant: { accountId: 1, projectId: 0 }');
    expect(written).toContain('// The API server endpoints');
    expect(tree.listChanges().map((change) => change.path)).toContain('clusters/edge/cluster.ts');
    expect(render).toBeTypeOf('function');
  });

  it('defaults to production without audit logs, and can skip the render', async () => {
    const render = await clusterGenerator(tree, { name: 'edge', skipRender: true });
    const written = tree.read('clusters/edge/cluster.ts', 'utf-8')!;
    expect(written).toContain("environment: 'production',");
    expect(written).toContain('auditLogs: { enabled: false },');
    expect(render).toBeUndefined();
  });

  it('copies another cluster`s definition as written, changing only the settings asked for', async () => {
    await clusterGenerator(tree, { name: 'edge', copyFrom: 'source', skipRender: true });
    expect(tree.read('clusters/edge/cluster.ts', 'utf-8')).toBe(SOURCE);
    await clusterGenerator(tree, { name: 'edge2', copyFrom: 'source', environment: 'staging', audit: true, skipRender: true });
    const copy = tree.read('clusters/edge2/cluster.ts', 'utf-8')!;
    expect(copy).toContain("environment: 'staging', // keep this comment");
    expect(copy).toContain('...shared,\n      auditLogs: { enabled: true, tenant');
  });

  it.each([
    ['a name that is not a DNS-1123 label', { name: 'Edge_1' }, 'invalid cluster name "Edge_1": expected a DNS-1123 label'],
    ['a name that starts with a dash', { name: '-edge' }, 'invalid cluster name "-edge"'],
    ['an existing cluster folder', { name: 'source' }, 'clusters/source already exists'],
    ['an existing rendered folder', { name: 'taken' }, 'kubernetes/clusters/taken already exists'],
    ['an invalid environment', { name: 'edge', environment: 'Prod' }, 'invalid environment "Prod"'],
    ['a copy of a cluster that does not exist', { name: 'edge', copyFrom: 'nowhere' }, '--copy-from nowhere: there is no cluster definition at clusters/nowhere/cluster.ts'],
  ])('refuses %s, saying why and writing nothing', async (_, options, message) => {
    expect(await refusal(options)).toContain(message);
  });

  it('refuses a name whose project exists elsewhere', async () => {
    tree.write('libs/other/project.json', JSON.stringify({ name: 'clusters-other', root: 'libs/other' }));
    expect(await refusal({ name: 'other' })).toContain('a project named clusters-other already exists');
  });

  it('refuses to change a setting the copied definition does not have in one place', async () => {
    tree.write('clusters/plain/cluster.ts', "export default defineCluster({ environment: 'production', apiServer, apps });\n");
    expect(await refusal({ name: 'edge', copyFrom: 'plain', audit: true })).toContain('clusters/plain/cluster.ts has no `auditLogs:` setting');
  });
});
