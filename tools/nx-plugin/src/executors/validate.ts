/** `@gitops/nx-plugin:validate`: tools/validate for one cluster, or many in a batch (./cluster-command.ts). */
import { batchExecutor, singleExecutor } from './cluster-command';

export default singleExecutor('validate');
export const batch = batchExecutor('validate');
