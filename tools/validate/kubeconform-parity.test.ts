import { validateObject } from '@gitops/k8s-schemas';
import { describe, expect, it } from 'vitest';
import { parseDocuments } from './yaml-documents';

/**
 * Situations kubeconform v0.7.0's acceptance tests cover (-strict, schemas from the Kubernetes
 * OpenAPI), written as our own small manifests: the same verdict in process.
 */
const verdicts = (text: string) => {
  const { objects, errors } = parseDocuments(text);
  return { errors: errors.map((e) => e.message), objects: objects.map((object) => validateObject(object)) };
};

describe('kubeconform parity', () => {
  it('a list field left empty (only comments under `args:`) reads as null and passes', () => {
    const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers:\n      - name: web\n        image: nginx\n        args:\n          # - --verbose\n        ports:\n        - containerPort: 8080\n';
    expect(verdicts(text)).toEqual({ errors: [], objects: [[]] });
  });

  it('a Service as kompose writes it (creationTimestamp: null, status.loadBalancer: {}) passes', () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  creationTimestamp: null\n  name: front\nspec:\n  type: LoadBalancer\n  ports:\n  - name: "80"\n    port: 80\n    targetPort: 80\n  selector: {app: front}\nstatus:\n  loadBalancer: {}\n';
    expect(verdicts(text)).toEqual({ errors: [], objects: [[]] });
  });

  it('int-or-string targetPort as a number or a name passes; a port that is not a number fails', () => {
    const service = (port: string, targetPort: string) => `apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports:\n  - port: ${port}\n    targetPort: ${targetPort}\n`;
    expect(verdicts(service('80', '8082')).objects).toEqual([[]]);
    expect(verdicts(service('80', 'http')).objects).toEqual([[]]);
    expect(verdicts(service('sds', '80')).objects).toEqual([[{ path: 'spec.ports[0].port', message: 'expected integer, got string "sds"' }]]);
  });

  it('ConfigMap data keys that YAML reads as a number, a float or a boolean pass as strings', () => {
    const { objects } = parseDocuments('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: keys}\ndata:\n  7: "int"\n  2.5: "float"\n  false: "bool"\n');
    expect(Object.keys(objects[0]!['data'] as object).sort()).toEqual(['2.5', '7', 'false']);
    expect(validateObject(objects[0]!)).toEqual([]);
  });

  it('-strict: a field the schema does not have fails (DaemonSet has no replicas)', () => {
    const text = 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: d}\nspec:\n  replicas: 2\n  selector: {matchLabels: {a: b}}\n  template:\n    metadata: {labels: {a: b}}\n    spec:\n      containers: [{name: c, image: i}]\n';
    expect(verdicts(text).objects).toEqual([[{ path: 'spec.replicas', message: 'unknown field `replicas`' }]]);
  });

  it('-strict: a duplicate key fails (we fail it always: kubectl keeps one value silently)', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  a: one\n  a: two\n';
    expect(verdicts(text)).toEqual({ errors: ['Map keys must be unique ("a" repeats)'], objects: [] });
  });

  it('an apiVersion the Kubernetes release no longer serves has no schema', () => {
    const [deployment] = parseDocuments('apiVersion: apps/v1beta1\nkind: Deployment\nmetadata: {name: d}\n').objects;
    expect(validateObject(deployment!)).toBe('no-schema');
  });

  it('blank and comment-only files hold no resources and no errors', () => {
    expect(verdicts('')).toEqual({ errors: [], objects: [] });
    expect(verdicts('# nothing\n---\n# still nothing\n')).toEqual({ errors: [], objects: [] });
  });
});
