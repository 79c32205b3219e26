export { toYaml } from './yaml';
export { isQuantity, quantityValue } from './quantity';
export type { ManifestFile } from './manifest-file';
