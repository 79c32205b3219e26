import ts from 'typescript';

/** The parts of a new cluster definition the generator's options decide. */
export interface DefinitionOptions {
  environment: string;
  audit: boolean;
}

const AUDIT_ON = '{ enabled: true, tenant: { accountId: 1, projectId: 0 }, outage: { minutes: 60, linesPerSecond: 50 } }';
const AUDIT_OFF = '{ enabled: false }';
export const auditLogsSetting = (audit: boolean): string => (audit ? AUDIT_ON : AUDIT_OFF);

/** A new cluster's definition: every setting written out, typed by defineCluster, commented. */
export function newDefinition(name: string, { environment, audit }: DefinitionOptions): string {
  return `import { chartSources } from '@gitops/chart-sources';
import { defineCluster } from '@gitops/cluster';
import { FLUENT_BIT_CHART, logCollection, operatorVMAuth, VICTORIA_LOGS_MAX_LINE_BYTES } from '@gitops/log-collection';

/** The ${name} cluster. Its name is its folder's: clusters/${name}, rendered into kubernetes/clusters/${name}. */
export default defineCluster({
  // Carried by every log line as \`environment\`: a lower-case name such as production or staging.
  environment: '${environment}',
  // The API server endpoints: the control-plane node addresses (kube-apiserver is host-networked
  // on Talos). Fluent Bit's NetworkPolicy allows egress to exactly these. Replace the example
  // addresses (TEST-NET-1) with yours.
  apiServer: { cidrs: ['192.0.2.10/32'], port: 6443 },
  apps: [
    // OCI Helm chart sources (Flux OCIRepository, pinned) that the apps' HelmReleases use.
    chartSources([FLUENT_BIT_CHART]),
    // Fluent Bit on every node, shipping container logs to VictoriaLogs through vmauth.
    logCollection({
      logSink: {
        // The vmauth in front of VictoriaLogs, with its Service and pod labels: an operator-managed
        // VMAuth, or victoriaLogsClusterVMAuth({ release, namespace }) for the victoria-logs-cluster chart's.
        vmauth: operatorVMAuth({ name: 'victoria-logs', namespace: 'observability' }),
        path: '/insert/jsonline',
        // true when vmauth answers 401 without credentials (then set credentials below).
        requiresCredentials: false,
        // VictoriaLogs' -insert.maxLineSizeBytes: every record shipped must fit.
        maxLineBytes: VICTORIA_LOGS_MAX_LINE_BYTES,
        // Flux Kustomizations (flux-system) that deploy the sink; Fluent Bit waits for them.
        dependsOn: ['observability-victoria-logs'],
        // vmauth basic auth from a Secret in the Fluent Bit namespace, when it requires it:
        // credentials: { secretName: 'fluent-bit-vmauth', usernameKey: 'username', passwordKey: 'password' },
      },
      containerLogs: {
        // VictoriaLogs tenant (AccountID/ProjectID headers), numeric.
        tenant: { accountId: 0, projectId: 0 },
        // The sink outage the on-disk queue must hold without dropping logs: sizes storage.total_limit_size.
        outage: { minutes: 60, linesPerSecond: 300 },
      },
      // Kubernetes API audit events (Talos: /var/log/audit/kube) to their own tenant; { enabled: false } to skip.
      auditLogs: ${auditLogsSetting(audit)},
      fluentBit: {
        // managed: false when another Kustomization owns (and labels) the namespace.
        namespace: { name: 'observability', managed: true },
        resources: {
          requests: { cpu: '50m', memory: '64Mi' },
          // At least 64Mi: the in-memory buffer chunks must fit.
          limits: { cpu: '200m', memory: '128Mi' },
        },
      },
    }),
  ],
});
`;
}

/** A setting of a copied definition could not be changed; the message says which and why. */
export class DefinitionEditError extends Error {}

/**
 * Replaces the value of the one property `key` in a cluster definition's source, keeping the rest
 * of the text (comments, spreads, layout) as the user wrote it.
 */
export function setProperty(source: string, file: string, key: string, value: string): string {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: ts.PropertyAssignment[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && propertyName(node.name) === key) found.push(node);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  if (found.length !== 1) {
    throw new DefinitionEditError(
      `${file} has ${found.length === 0 ? 'no' : `${found.length}`} \`${key}:\` setting${found.length > 1 ? 's' : ''}; ` +
        `copy it without --${key === 'auditLogs' ? 'audit' : key} and edit ${key} by hand`,
    );
  }
  const initializer = found[0]!.initializer;
  return source.slice(0, initializer.getStart(sourceFile)) + value + source.slice(initializer.getEnd());
}

function propertyName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
}
