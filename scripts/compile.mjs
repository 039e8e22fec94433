// Compiles src/ into lib/ as `tsc -p tsconfig.build.json` would, with Lit's decorators made
// plain JavaScript (`static properties`, initializers in the constructor): the source keeps its
// documented @property fields, and neither the published code nor the script-tag entry carries
// the decorators' runtime and TypeScript's __decorate calls (0.4 KB gzip of the entry).
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { constructorCleanupTransformer, idiomaticDecoratorsTransformer } from '@lit/ts-transformers';

const configPath = fileURLToPath(new URL('../tsconfig.build.json', import.meta.url));
const { config, error } = ts.readConfigFile(configPath, ts.sys.readFile);
if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
const parsed = ts.parseJsonConfigFileContent(config, ts.sys, fileURLToPath(new URL('..', import.meta.url)));
const program = ts.createProgram(parsed.fileNames, parsed.options);
const result = program.emit(undefined, undefined, undefined, false, {
  before: [idiomaticDecoratorsTransformer(program)],
  after: [constructorCleanupTransformer(program)],
});
const diagnostics = [...parsed.errors, ...ts.getPreEmitDiagnostics(program), ...result.diagnostics];
if (diagnostics.length) {
  const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: ts.sys.getCurrentDirectory, getNewLine: () => '\n' };
  console.error(ts.formatDiagnosticsWithColorAndContext(diagnostics, host));
  process.exit(1);
}
