/** Each danger flag: a change that raises it, and a harmless change beside it that does not. */
import { describe, expect, it } from 'vitest';
import { GOOD_CONFIG, replaceOnce } from '../../fluent-bit-lint/src/fixtures';
import { API_SERVER_RULE, daemonSet, diffOf, helmRelease, networkPolicy, rulesOf, SINK_RULE } from './test-objects.test-support';

const configMap = (name: string, data: Record<string, string>) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'observability' }, data });
const namespace = (labels: Record<string, string> = {}) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'observability', labels } });
const kustomization = (spec: Record<string, unknown>) => ({ apiVersion: 'kustomize.toolkit.fluxcd.io/v1', kind: 'Kustomization', metadata: { name: 'apps', namespace: 'flux-system' }, spec: { path: './apps', ...spec } });
const ociRepository = (tag: string) => ({ apiVersion: 'source.toolkit.fluxcd.io/v1', kind: 'OCIRepository', metadata: { name: 'fluent-bit', namespace: 'flux-system' }, spec: { url: 'oci://ghcr.io/fluent/helm-charts/fluent-bit', ref: { tag } } });
const withOutputs = (edit: (text: string) => string) => helmRelease((v) => (v.config.outputs = edit(GOOD_CONFIG.outputs)));
const withConfig = (key: 'inputs' | 'service', edit: (text: string) => string) => helmRelease((v) => (v.config[key] = edit(GOOD_CONFIG[key])));

describe('pruned', () => {
  it('fires on an object removed while its Kustomization prunes, and on a pruning Kustomization removed', () => {
    const [object] = diffOf([configMap('a', {})], []);
    expect(object!.flags).toEqual([{ rule: 'pruned', reason: 'Flux deletes it from the cluster: Kustomization apps has prune: true' }]);
    expect(rulesOf(diffOf([{ object: kustomization({ prune: true }) }], []))).toEqual(['pruned']);
  });
  it('stays quiet when the Kustomization does not prune, or the object only changes', () => {
    expect(rulesOf(diffOf([configMap('a', {})], [], false))).toEqual([]);
    expect(rulesOf(diffOf([configMap('a', { x: '1' })], [configMap('a', { x: '2' })]))).toEqual([]);
  });
});

describe('namespace-removed', () => {
  it('fires on a Namespace removed', () => expect(rulesOf(diffOf([namespace()], [], false))).toEqual(['namespace-removed']));
  it('stays quiet on a Namespace relabelled', () => expect(rulesOf(diffOf([namespace()], [namespace({ a: 'b' })]))).toEqual([]));
});

describe('immutable-field', () => {
  it('fires on a DaemonSet selector and a Service clusterIP changed', () => {
    const [object] = diffOf([daemonSet()], [daemonSet((s) => (s.selector.matchLabels.app = 'collector'))]);
    expect(object!.flags.map((f) => [f.rule, f.path])).toEqual([['immutable-field', 'spec.selector.matchLabels.app']]);
    const service = (clusterIP?: string) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'n' }, spec: { ports: [{ port: 80 }], ...(clusterIP && { clusterIP }) } });
    expect(rulesOf(diffOf([service('10.0.0.1')], [service('10.0.0.2')]))).toEqual(['immutable-field']);
    // Setting it where the API server had allocated one is allowed.
    expect(rulesOf(diffOf([service()], [service('10.0.0.2')]))).toEqual([]);
  });
  it('stays quiet on a pod template change', () => {
    expect(rulesOf(diffOf([daemonSet()], [daemonSet((s) => (s.template.spec.containers[0].image = 'fluent-bit:5.1.2'))]))).toEqual([]);
  });
});

describe('suspended', () => {
  it('fires on a HelmRelease and a Kustomization becoming suspended', () => {
    expect(rulesOf(diffOf([helmRelease()], [helmRelease(() => {}, { suspend: true })]))).toEqual(['suspended']);
    expect(rulesOf(diffOf([{ object: kustomization({}) }], [{ object: kustomization({ suspend: true }) }]))).toEqual(['suspended']);
  });
  it('stays quiet when one is resumed or its interval changes', () => {
    expect(rulesOf(diffOf([helmRelease(() => {}, { suspend: true })], [helmRelease()]))).toEqual([]);
    expect(rulesOf(diffOf([helmRelease()], [helmRelease(() => {}, { interval: '2h' })]))).toEqual([]);
  });
});

describe('chart-major', () => {
  it('fires on an OCIRepository chart tag to a new major, and a 0.x minor step (SemVer: anything may change)', () => {
    expect(rulesOf(diffOf([ociRepository('0.58.1')], [ociRepository('1.0.0')]))).toEqual(['chart-major']);
    expect(rulesOf(diffOf([ociRepository('0.58.1')], [ociRepository('0.59.0')]))).toEqual(['chart-major']);
    const chart = (version: string) => helmRelease(() => {}, { chart: { spec: { chart: 'x', version } } });
    expect(rulesOf(diffOf([chart('1.4.0')], [chart('2.0.0')]))).toEqual(['chart-major']);
  });
  it('stays quiet on a patch bump', () => expect(rulesOf(diffOf([ociRepository('0.58.1')], [ociRepository('0.58.2')]))).toEqual([]));
});

describe('privilege', () => {
  it('fires on a capability, privileged, hostNetwork and runAsUser 0 in a pod spec', () => {
    const after = daemonSet((s) => {
      s.template.spec.containers[0].securityContext = { capabilities: { add: ['NET_ADMIN'] }, privileged: true, runAsUser: 0 };
      s.template.spec.hostNetwork = true;
    });
    const [object] = diffOf([daemonSet()], [after]);
    expect(object!.flags.map((f) => f.reason)).toEqual([
      'adds the Linux capability NET_ADMIN',
      'a privileged container: full access to the node',
      'runs as root (runAsUser 0)',
      "shares the node's network namespace (hostNetwork)",
    ]);
  });
  it('fires on a hostPath and a capability added in fluent-bit chart values', () => {
    const after = helmRelease((v) => {
      v.daemonSetVolumes.push({ name: 'etc', hostPath: { path: '/etc' } });
      v.securityContext = { capabilities: { add: ['SYS_ADMIN'] } };
    });
    const [object] = diffOf([helmRelease()], [after]);
    expect(object!.flags.map((f) => [f.rule, f.path])).toEqual([
      ['privilege', 'spec.values.daemonSetVolumes[name=etc]'],
      ['privilege', 'spec.values.securityContext.capabilities.add'],
    ]);
  });
  it('stays quiet when privileges are only reordered or dropped', () => {
    const after = daemonSet((s) => {
      s.template.spec.containers.reverse();
      s.template.spec.containers[1].securityContext.capabilities.drop = ['ALL', 'NET_RAW'];
    });
    expect(rulesOf(diffOf([daemonSet()], [after]))).toEqual([]);
  });
});

describe('network-widened', () => {
  const before = networkPolicy([API_SERVER_RULE, SINK_RULE]);
  it('fires on a wider ipBlock, with the CIDR it replaces', () => {
    const after = networkPolicy([{ ...API_SERVER_RULE, to: [{ ipBlock: { cidr: '192.0.2.0/24' } }] }, SINK_RULE]);
    expect(diffOf([before], [after])[0]!.flags.map((f) => f.reason)).toEqual(['new destination ipBlock 192.0.2.0/24 (wider than ipBlock 192.0.2.11/32) on TCP 6443']);
  });
  it('fires on a removed except, a new port, a rule without peers and egress no longer isolated', () => {
    const excepted = networkPolicy([{ ports: [{ port: 443 }], to: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }] }]);
    expect(rulesOf(diffOf([excepted], [networkPolicy([{ ports: [{ port: 443 }], to: [{ ipBlock: { cidr: '10.0.0.0/8' } }] }])]))).toEqual(['network-widened']);
    const port = networkPolicy([{ ...API_SERVER_RULE, ports: [{ port: 6443, protocol: 'TCP' }, { port: 10250, protocol: 'TCP' }] }, SINK_RULE]);
    expect(diffOf([before], [port])[0]!.flags.map((f) => f.reason)).toEqual(['new port TCP 10250 to ipBlock 192.0.2.11/32, ipBlock 192.0.2.12/32']);
    const open = networkPolicy([API_SERVER_RULE, { ports: SINK_RULE.ports }]);
    expect(diffOf([before], [open])[0]!.flags.map((f) => f.reason)).toEqual(['a rule allows any destination (no to restriction) on TCP 8427']);
    expect(rulesOf(diffOf([before], [networkPolicy([API_SERVER_RULE, SINK_RULE], ['Ingress'])]))).toEqual(['network-widened']);
  });
  it('stays quiet when rules and peers are reordered or a CIDR narrows', () => {
    const reordered = networkPolicy([SINK_RULE, { ...API_SERVER_RULE, to: [...API_SERVER_RULE.to].reverse() }]);
    expect(rulesOf(diffOf([before], [reordered]))).toEqual([]);
    const narrower = networkPolicy([{ ...API_SERVER_RULE, to: [{ ipBlock: { cidr: '192.0.2.11/32' } }] }, SINK_RULE]);
    expect(diffOf([before], [narrower])).toHaveLength(1);
    expect(rulesOf(diffOf([before], [narrower]))).toEqual([]);
  });
});

describe('log-routing', () => {
  it('fires on a tenant header and a sink host changed, and on the cluster-settings variable behind it', () => {
    const tenant = withOutputs((t) => replaceOnce(t, 'header AccountID 0', 'header AccountID 7'));
    const settings = (id: string) => ({ object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cluster-settings', namespace: 'flux-system' }, data: { LOG_ACCOUNT_ID: id } } });
    const diff = diffOf([helmRelease(), settings('0')], [tenant, settings('7')]);
    expect(diff.map((o) => o.flags.map((f) => f.reason))).toEqual([
      ['used by Fluent Bit: logs go to another tenant (AccountID 0 -> 7)'],
      ['logs go to another tenant (AccountID 0 -> 7)'],
    ]);
    const host = withOutputs((t) => replaceOnce(t, 'host vmauth-victoria-logs', 'host vmauth-other'));
    expect(rulesOf(diffOf([helmRelease()], [host]))).toEqual(['log-routing']);
  });
  it('stays quiet on an output setting that does not route (log_level, compress)', () => {
    const after = withOutputs((t) => replaceOnce(t, 'compress gzip', 'compress zstd'));
    expect(diffOf([helmRelease()], [after])[0]!.changes).toHaveLength(1);
    expect(rulesOf(diffOf([helmRelease()], [after]))).toEqual([]);
  });
});

describe('durability', () => {
  it('fires on retry_limit no_limits -> 3, storage.type filesystem -> memory, a smaller queue, storage.sync full -> normal', () => {
    const retry = withOutputs((t) => replaceOnce(t, 'retry_limit no_limits', 'retry_limit 3'));
    expect(diffOf([helmRelease()], [retry])[0]!.flags).toEqual([
      { rule: 'durability', path: '[OUTPUT] http kube.*', key: 'retry_limit', reason: 'fewer retries (no_limits -> 3): chunks are dropped sooner while the sink is down' },
    ]);
    const memory = withConfig('inputs', (t) => replaceOnce(t, 'storage.type filesystem', 'storage.type memory'));
    expect(rulesOf(diffOf([helmRelease()], [memory]))).toEqual(['durability']);
    const smaller = withOutputs((t) => replaceOnce(t, 'storage.total_limit_size 824M', 'storage.total_limit_size 10M'));
    expect(rulesOf(diffOf([helmRelease()], [smaller]))).toEqual(['durability']);
    const full = withConfig('service', (t) => replaceOnce(t, 'storage.sync normal', 'storage.sync full'));
    expect(rulesOf(diffOf([full], [helmRelease()]))).toEqual(['durability']);
  });
  it('stays quiet when durability grows: retries 3 -> no_limits, a bigger queue', () => {
    const retry = withOutputs((t) => replaceOnce(t, 'retry_limit no_limits', 'retry_limit 3'));
    expect(rulesOf(diffOf([retry], [helmRelease()]))).toEqual([]);
    const bigger = withOutputs((t) => replaceOnce(t, 'storage.total_limit_size 824M', 'storage.total_limit_size 2G'));
    expect(rulesOf(diffOf([helmRelease()], [bigger]))).toEqual([]);
  });
});
