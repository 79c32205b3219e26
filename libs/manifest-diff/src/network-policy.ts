/**
 * What a NetworkPolicy allows, to tell when a change lets more traffic through: a rule allows its
 * peers on its ports (no peers: any peer; no ports: any port), and a policy type dropped from
 * `policyTypes` no longer isolates that direction (networking.k8s.io/v1 NetworkPolicySpec docs).
 */
import { deepEqual, isRecord } from './compare-data';

type Peer = Record<string, unknown>;
type Port = { protocol?: string; port?: number | string; endPort?: number };
interface Rule {
  peers: Peer[];
  ports: Port[];
}
export type Direction = 'ingress' | 'egress';

const asList = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

/** Whether the policy isolates a direction: policyTypes when given, else Ingress always, Egress when rules exist. */
function isolates(spec: Record<string, unknown>, direction: Direction): boolean {
  const types = spec['policyTypes'];
  if (Array.isArray(types)) return types.some((type) => String(type).toLowerCase() === direction);
  return direction === 'ingress' || Array.isArray(spec['egress']);
}

function rules(spec: Record<string, unknown>, direction: Direction): Rule[] {
  const peerKey = direction === 'egress' ? 'to' : 'from';
  return asList<Record<string, unknown>>(spec[direction]).map((rule) => ({ peers: asList<Peer>(rule?.[peerKey]), ports: asList<Port>(rule?.['ports']) }));
}

// IPv4 and IPv6 CIDRs as [first, last] addresses (BigInt), to compare ranges.
function cidrRange(cidr: unknown): [bigint, bigint] | undefined {
  if (typeof cidr !== 'string') return undefined;
  const [address = '', bitsText] = cidr.split('/');
  const v4 = address.includes('.');
  const width = v4 ? 32 : 128;
  const bits = bitsText === undefined ? width : Number(bitsText);
  if (!Number.isInteger(bits) || bits < 0 || bits > width) return undefined;
  let value = 0n;
  if (v4) {
    const parts = address.split('.').map(Number);
    if (parts.length !== 4 || parts.some((part) => !Number.isInteger(part) || part < 0 || part > 255)) return undefined;
    for (const part of parts) value = (value << 8n) | BigInt(part);
  } else {
    const [head = '', tail] = address.split('::');
    const groups = (text: string) => (text === '' ? [] : text.split(':'));
    const left = groups(head);
    const right = tail === undefined ? [] : groups(tail);
    const all = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
    if (all.length !== 8 || all.some((group) => !/^[0-9a-fA-F]{1,4}$/.test(group))) return undefined;
    for (const group of all) value = (value << 16n) | BigInt(parseInt(group, 16));
  }
  const host = (1n << BigInt(width - bits)) - 1n;
  return [value & ~host, (value & ~host) | host];
}

const within = (inner: unknown, outer: unknown): boolean => {
  const a = cidrRange(inner);
  const b = cidrRange(outer);
  return !!a && !!b && a[0] >= b[0] && a[1] <= b[1];
};
const overlaps = (x: unknown, y: unknown): boolean => {
  const a = cidrRange(x);
  const b = cidrRange(y);
  return !!a && !!b && a[0] <= b[1] && b[0] <= a[1];
};

/** Whether every address/pod `peer` allows, `other` allows too. */
function peerCovered(peer: Peer, other: Peer): boolean {
  const block = peer['ipBlock'];
  const otherBlock = other['ipBlock'];
  if (isRecord(block) && isRecord(otherBlock)) {
    if (!within(block['cidr'], otherBlock['cidr'])) return false;
    // What `other` excepts inside `peer`'s range must be excepted by `peer` as well.
    const mine = asList<string>(block['except']);
    return asList<string>(otherBlock['except']).every((except) => !overlaps(except, block['cidr']) || mine.some((own) => within(except, own)));
  }
  if (isRecord(block) || isRecord(otherBlock)) return false;
  // Selectors: the same selection, or `other` selects every pod of every namespace.
  const everyPod = isRecord(other['namespaceSelector']) && Object.keys(other['namespaceSelector']).length === 0 && other['podSelector'] === undefined;
  return everyPod || deepEqual(peer, other);
}

const protocol = (port: Port) => String(port.protocol ?? 'TCP').toUpperCase();

function portCovered(port: Port, other: Port): boolean {
  if (protocol(port) !== protocol(other)) return false;
  if (other.port === undefined) return true;
  if (port.port === undefined) return false;
  if (typeof port.port === 'string' || typeof other.port === 'string') return port.port === other.port && port.endPort === undefined;
  const [from, to] = [port.port, port.endPort ?? port.port];
  return from >= other.port && to <= (other.endPort ?? other.port);
}

const peersCovered = (rule: Rule, other: Rule) => other.peers.length === 0 || (rule.peers.length > 0 && rule.peers.every((peer) => other.peers.some((o) => peerCovered(peer, o))));
const portsCovered = (rule: Rule, other: Rule) => other.ports.length === 0 || (rule.ports.length > 0 && rule.ports.every((port) => other.ports.some((o) => portCovered(port, o))));

export const describePeer = (peer: Peer): string => {
  const block = peer['ipBlock'];
  if (isRecord(block)) {
    const except = asList<string>(block['except']);
    return `ipBlock ${String(block['cidr'])}${except.length ? ` except ${except.join(', ')}` : ''}`;
  }
  return Object.entries(peer)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => `${key} ${JSON.stringify(value)}`)
    .join(' ');
};
const describePort = (port: Port) => `${protocol(port)} ${port.port ?? 'any port'}${port.endPort !== undefined ? `-${port.endPort}` : ''}`;

/** Why `after` allows more than `before` in a direction, one reason per new allowance (none: not wider). */
export function widenings(before: Record<string, unknown>, after: Record<string, unknown>, direction: Direction): string[] {
  const peerWord = direction === 'egress' ? 'destination' : 'source';
  if (isolates(before, direction) && !isolates(after, direction)) return [`${direction} is no longer isolated (policyTypes): all ${direction} traffic is allowed`];
  if (!isolates(before, direction)) return [];
  const old = rules(before, direction);
  const reasons: string[] = [];
  for (const rule of rules(after, direction)) {
    if (old.some((o) => peersCovered(rule, o) && portsCovered(rule, o))) continue;
    const ports = rule.ports.length ? rule.ports.map(describePort).join(', ') : 'any port';
    if (rule.peers.length === 0) {
      reasons.push(`a rule allows any ${peerWord} (no ${direction === 'egress' ? 'to' : 'from'} restriction) on ${ports}`);
      continue;
    }
    // Each peer on each port (no ports: any port) is allowed before when one old rule allows both.
    const portsOrAny: Array<Port | undefined> = rule.ports.length ? rule.ports : [undefined];
    const allowed = (peer: Peer, port: Port | undefined) =>
      old.some((o) => (o.peers.length === 0 || o.peers.some((p) => peerCovered(peer, p))) && (o.ports.length === 0 || (port !== undefined && o.ports.some((p) => portCovered(port, p)))));
    const known = (peer: Peer) => old.some((o) => o.peers.length === 0 || o.peers.some((p) => peerCovered(peer, p)));
    const newPorts = new Map<string, Peer[]>();
    for (const peer of rule.peers) {
      const open = portsOrAny.filter((port) => !allowed(peer, port));
      if (open.length === 0) continue;
      if (!known(peer)) {
        const block = peer['ipBlock'];
        const wider = isRecord(block) ? old.flatMap((o) => o.peers).find((p) => isRecord(p['ipBlock']) && overlaps(p['ipBlock']['cidr'], block['cidr'])) : undefined;
        reasons.push(`new ${peerWord} ${describePeer(peer)}${wider ? ` (wider than ${describePeer(wider)})` : ''} on ${ports}`);
        continue;
      }
      for (const port of open) {
        const name = port ? describePort(port) : 'any port';
        newPorts.set(name, [...(newPorts.get(name) ?? []), peer]);
      }
    }
    for (const [port, peers] of newPorts) reasons.push(`new port ${port} to ${peers.map(describePeer).join(', ')}`);
  }
  return reasons;
}
