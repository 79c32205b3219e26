/** `@gitops/nx-plugin:render`: tools/render for one cluster, or many in a batch (./cluster-command.ts). */
import { batchExecutor, singleExecutor } from './cluster-command';

export default singleExecutor('render');
export const batch = batchExecutor('render');
