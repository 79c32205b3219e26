/**
 * Type-checks the TypeScript of one folder with the workspace's compiler options, so a cluster
 * needs no tsconfig.json of its own:  tsx tools/nx-plugin/src/typecheck-folder.ts clusters/infra
 */
import ts from 'typescript';

const folder = process.argv[2];
if (!folder) {
  console.error('usage: typecheck-folder <folder>');
  process.exit(1);
}
const { config, error } = ts.readConfigFile('tsconfig.base.json', ts.sys.readFile);
if (error) {
  console.error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  process.exit(1);
}
const parsed = ts.parseJsonConfigFileContent({ ...config, include: [`${folder}/**/*.ts`] }, ts.sys, process.cwd());
const program = ts.createProgram(parsed.fileNames, parsed.options);
const diagnostics = [...parsed.errors, ...ts.getPreEmitDiagnostics(program)];
if (diagnostics.length > 0) {
  const host = { getCanonicalFileName: (f: string) => f, getCurrentDirectory: () => process.cwd(), getNewLine: () => '\n' };
  console.error(ts.formatDiagnosticsWithColorAndContext(diagnostics, host));
  process.exit(1);
}
const count = parsed.fileNames.length;
console.log(`${folder}: ${count} ${count === 1 ? 'file type-checks' : 'files type-check'}`);
