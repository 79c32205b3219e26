import type { NetworkPolicy, NetworkPolicyEgressRule } from '@gitops/api-types';

export type Labels = Readonly<Record<string, string>>;

export interface EgressPolicyOptions {
  name: string;
  namespace: string;
  /** Labels of the pods the policy applies to. */
  podLabels: Labels;
  egress: readonly NetworkPolicyEgressRule[];
}

/** Default-deny egress for the selected pods, except what `egress` allows. */
export function egressPolicy(options: EgressPolicyOptions): NetworkPolicy {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: options.name, namespace: options.namespace },
    spec: {
      podSelector: { matchLabels: { ...options.podLabels } },
      policyTypes: ['Egress'],
      egress: [...options.egress],
    },
  };
}

/**
 * Cluster DNS. TCP as well as UDP: resolvers retry over TCP when an answer is truncated (RFC 7766).
 */
export function dnsEgress(): NetworkPolicyEgressRule {
  return {
    to: [
      {
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
        podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
      },
    ],
    ports: [
      { protocol: 'UDP', port: 53 },
      { protocol: 'TCP', port: 53 },
    ],
  };
}

/**
 * The Kubernetes API server by address. kube-apiserver runs host-networked, and pod or namespace
 * selectors do not match host-networked pods in common implementations; `ipBlock` does
 * (kubernetes.io network-policies: "NetworkPolicy and hostNetwork pods"). The port is the
 * endpoint's (6443), since policies see the Service address already translated. CNI caveats: Cilium
 * matches node addresses by ipBlock only with `policy-cidr-match-mode: nodes` (else use a
 * CiliumNetworkPolicy `toEntities: [kube-apiserver]`); Talos' default flannel enforces no policy.
 */
export function apiServerEgress(cidrs: readonly string[], port: number): NetworkPolicyEgressRule {
  return {
    to: cidrs.map((cidr) => ({ ipBlock: { cidr } })),
    ports: [{ protocol: 'TCP', port }],
  };
}

/** Pods with `podLabels` in `namespace`, on one TCP port. */
export function podEgress(namespace: string, podLabels: Labels, port: number): NetworkPolicyEgressRule {
  return {
    to: [
      {
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': namespace } },
        podSelector: { matchLabels: { ...podLabels } },
      },
    ],
    ports: [{ protocol: 'TCP', port }],
  };
}
