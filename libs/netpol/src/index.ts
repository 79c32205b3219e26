/** NetworkPolicy builders. */
export { egressPolicy, dnsEgress, apiServerEgress, podEgress, type EgressPolicyOptions, type Labels } from './egress';
