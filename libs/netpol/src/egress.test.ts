import { describe, expect, it } from 'vitest';
import { apiServerEgress, dnsEgress, egressPolicy, podEgress } from './egress';

describe('egress NetworkPolicy builders', () => {
  it('allows DNS over UDP and TCP to kube-dns only', () => {
    const rule = dnsEgress();
    expect(rule.ports).toEqual([
      { protocol: 'UDP', port: 53 },
      { protocol: 'TCP', port: 53 },
    ]);
    expect(rule.to).toEqual([
      {
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
        podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
      },
    ]);
  });

  it('reaches the host-networked API server by ipBlock on its endpoint port, not by selector', () => {
    const rule = apiServerEgress(['10.0.0.1/32', '10.0.0.2/32'], 6443);
    expect(rule.to).toEqual([{ ipBlock: { cidr: '10.0.0.1/32' } }, { ipBlock: { cidr: '10.0.0.2/32' } }]);
    expect(rule.ports).toEqual([{ protocol: 'TCP', port: 6443 }]);
    expect(JSON.stringify(rule)).not.toContain('namespaceSelector');
  });

  it('selects pods in one namespace on one port', () => {
    expect(podEgress('observability', { app: 'vmauth' }, 8427)).toEqual({
      to: [
        {
          namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'observability' } },
          podSelector: { matchLabels: { app: 'vmauth' } },
        },
      ],
      ports: [{ protocol: 'TCP', port: 8427 }],
    });
  });

  it('is an egress-only policy for the given pods', () => {
    const policy = egressPolicy({ name: 'p', namespace: 'ns', podLabels: { a: 'b' }, egress: [dnsEgress()] });
    expect(policy.spec?.policyTypes).toEqual(['Egress']);
    expect(policy.spec?.podSelector).toEqual({ matchLabels: { a: 'b' } });
    expect(policy.metadata).toEqual({ name: 'p', namespace: 'ns' });
  });
});
