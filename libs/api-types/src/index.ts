/** Kubernetes, Flux and VictoriaMetrics API types, generated from the upstream definitions. */
export type * from './generated/kubernetes';
export type * from './generated/flux';
export type * from './generated/victoriametrics';
