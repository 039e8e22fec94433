// The manifest describes the package as it ships: modules are the compiled lib/*.js files that
// package.json exports, not the TypeScript sources the analyzer reads. The plugins below fill in
// what the analyzer does not see by itself; test/node/manifest.test.ts holds the result to the
// official schema and to the built files.
import { existsSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';

/** Where tsc puts a source (tsconfig.build.json: rootDir src, outDir lib): src/a/b.ts → lib/a/b.js. */
const shipped = (path) => path.replace(/^\/+/, '').replace(/^src\//, 'lib/').replace(/\.tsx?$/, '.js');

/** The source a relative specifier names from `from`: './x.js' in src/a.ts → src/x.ts. */
function sourceOf(from, specifier) {
  const path = posix.normalize(posix.join(posix.dirname(from), specifier));
  const ts = path.replace(/\.js$/, '.ts');
  return existsSync(ts) ? ts : path;
}
const isRelative = (specifier) => /^\.\.?\//.test(specifier);

// The analyzer also lists `this.dispatchEvent(new SomeEvent())` calls as events without a name;
// the named, typed entries come from the class's `@fires` tags, so drop the nameless copies.
const dropUnnamedEvents = {
  name: 'drop-unnamed-events',
  packageLinkPhase({ customElementsManifest }) {
    for (const mod of customElementsManifest.modules) {
      for (const declaration of mod.declarations ?? []) {
        if (declaration.events) declaration.events = declaration.events.filter((e) => e.name);
      }
    }
  },
};

/**
 * Reads what each source says about its names (imports, type-only exports, `static define()`
 * methods and the calls to them, union type aliases) and links the manifest with it:
 * - `RefundExchangeForm.define()` in define.ts becomes that module's custom-element-definition
 *   of the class, under the tag its `tag` parameter defaults to; the analyzer only sees the
 *   `customElements.define(tag, this)` inside the method and names an `anonymous_0` class.
 * - `export { X }` of an imported X points at the module declaring X.
 * - Type-only exports are left out: they are not in the JavaScript module.
 * - A field typed with an alias of literals (`DraftMode`) gets the literals
 *   (`'session' | 'local' | 'off'`), which editors offer as the attribute's values.
 * - A superclass the module neither declares nor imports (`CustomEvent`) is a global.
 */
function sourceFacts() {
  let ts;
  /** @type {Map<string, ReturnType<typeof collect>>} source path → facts */
  const facts = new Map();

  const stringValue = (node) => (node && ts.isStringLiteralLike(node) ? node.text : undefined);
  const isStatic = (node) => !!node.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);

  /** `customElements.define(param, this)` in a static method: the tag parameter's default. */
  function defineIn(method) {
    let found;
    const visit = (node) => {
      if (
        ts.isCallExpression(node) &&
        /^(?:(?:window|globalThis|self)\.)?customElements\.define$/.test(node.expression.getText()) &&
        node.arguments[1]?.kind === ts.SyntaxKind.ThisKeyword
      ) {
        const [tag] = node.arguments;
        const param = ts.isIdentifier(tag) ? method.parameters.find((p) => p.name.getText() === tag.text) : undefined;
        found = { index: param ? method.parameters.indexOf(param) : -1, tag: stringValue(param?.initializer) ?? stringValue(tag) };
      }
      if (!found) ts.forEachChild(node, visit);
    };
    if (method.body) visit(method.body);
    return found;
  }

  function collect(sourceFile) {
    const file = {
      /** local name → { specifier, name } */
      imports: new Map(),
      typeOnlyExports: new Set(),
      locals: new Set(),
      /** class → method → { index, tag } */
      defines: new Map(),
      /** top-level `Object.method(…)` statements */
      calls: [],
      /** class → field → type names it mentions */
      fieldTypes: new Map(),
      /** alias name → its literal union's text */
      literalUnions: new Map(),
    };
    for (const statement of sourceFile.statements) {
      if (ts.isImportDeclaration(statement) && statement.importClause) {
        const specifier = stringValue(statement.moduleSpecifier);
        const { name, namedBindings } = statement.importClause;
        if (name) file.imports.set(name.text, { specifier, name: 'default' });
        if (namedBindings && ts.isNamedImports(namedBindings)) {
          for (const element of namedBindings.elements) {
            file.imports.set(element.name.text, { specifier, name: (element.propertyName ?? element.name).text });
          }
        }
      } else if (ts.isExportDeclaration(statement)) {
        if (statement.exportClause && ts.isNamedExports(statement.exportClause)) {
          for (const element of statement.exportClause.elements) {
            if (statement.isTypeOnly || element.isTypeOnly) file.typeOnlyExports.add(element.name.text);
          }
        }
      } else if (ts.isClassDeclaration(statement) && statement.name) {
        const className = statement.name.text;
        file.locals.add(className);
        const defines = new Map();
        const fieldTypes = new Map();
        for (const member of statement.members) {
          if (ts.isMethodDeclaration(member) && isStatic(member)) {
            const define = defineIn(member);
            if (define) defines.set(member.name.getText(), define);
          }
          if (ts.isPropertyDeclaration(member) && member.type) {
            const names = [];
            const visit = (node) => {
              if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName)) names.push(node.typeName.text);
              ts.forEachChild(node, visit);
            };
            visit(member.type);
            if (names.length) fieldTypes.set(member.name.getText(), names);
          }
        }
        file.defines.set(className, defines);
        file.fieldTypes.set(className, fieldTypes);
      } else if (ts.isTypeAliasDeclaration(statement)) {
        file.locals.add(statement.name.text);
        const { type } = statement;
        const literal = (t) =>
          ts.isLiteralTypeNode(t) && (ts.isStringLiteral(t.literal) || ts.isNumericLiteral(t.literal));
        if (ts.isUnionTypeNode(type) && type.types.every(literal)) {
          file.literalUnions.set(statement.name.text, type.types.map((t) => t.getText(sourceFile)).join(' | '));
        }
      } else if (ts.isExpressionStatement(statement)) {
        const call = statement.expression;
        if (
          ts.isCallExpression(call) &&
          ts.isPropertyAccessExpression(call.expression) &&
          ts.isIdentifier(call.expression.expression)
        ) {
          file.calls.push({
            object: call.expression.expression.text,
            method: call.expression.name.text,
            args: call.arguments.map((arg) => stringValue(arg)),
          });
        }
      } else {
        for (const name of [statement.name, ...(statement.declarationList?.declarations.map((d) => d.name) ?? [])]) {
          if (name && ts.isIdentifier(name)) file.locals.add(name.text);
        }
      }
    }
    return file;
  }

  /** The facts of a source outside the globs (a type alias's module), parsed on demand. */
  function factsOf(path) {
    if (!facts.has(path)) {
      if (!existsSync(path)) return undefined;
      facts.set(path, collect(ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true)));
    }
    return facts.get(path);
  }

  /** Where `name`, as seen from module `path`, is declared: [module, name there]. */
  function origin(path, name) {
    const file = facts.get(path);
    const imported = file?.imports.get(name);
    if (imported && isRelative(imported.specifier)) return [sourceOf(path, imported.specifier), imported.name];
    if (file?.locals.has(name)) return [path, name];
    return undefined;
  }

  return {
    name: 'source-facts',
    initialize({ ts: typescript }) {
      ts = typescript;
    },
    analyzePhase({ node, moduleDoc }) {
      if (node.kind === ts.SyntaxKind.SourceFile) facts.set(moduleDoc.path, collect(node));
    },
    packageLinkPhase({ customElementsManifest }) {
      const { modules } = customElementsManifest;
      const declarationIn = (path, name) =>
        modules.find((m) => m.path === path)?.declarations?.find((d) => d.name === name);

      for (const mod of modules) {
        const file = facts.get(mod.path);
        if (!file) continue;
        mod.exports = (mod.exports ?? []).filter((e) => {
          if (e.kind === 'js') return !file.typeOnlyExports.has(e.name);
          // `customElements.define(tag, this)` inside a static method: linked below instead.
          return !/^anonymous_\d+$/.test(e.declaration.name);
        });

        for (const e of mod.exports) {
          const { declaration } = e;
          if (declaration.module !== mod.path || declarationIn(mod.path, declaration.name)) continue;
          const from = origin(mod.path, declaration.name);
          if (from) [declaration.module, declaration.name] = from;
        }

        for (const call of file.calls) {
          const from = origin(mod.path, call.object);
          const define = from && facts.get(from[0])?.defines.get(from[1])?.get(call.method);
          if (!define) continue;
          const [module, name] = from;
          const declaration = declarationIn(module, name);
          const tag = call.args[define.index] ?? define.tag ?? declaration?.tagName;
          if (!tag) continue;
          if (declaration) {
            declaration.tagName ??= tag;
            declaration.customElement = true;
          }
          mod.exports.push({ kind: 'custom-element-definition', name: tag, declaration: { name, module } });
        }

        for (const declaration of mod.declarations ?? []) {
          const { superclass } = declaration;
          if (superclass?.module === mod.path && !origin(mod.path, superclass.name)) {
            declaration.superclass = { name: superclass.name, package: 'global:' };
          }

          for (const [field, names] of file.fieldTypes.get(declaration.name) ?? []) {
            for (const typeName of names) {
              const from = origin(mod.path, typeName);
              const literals = from && factsOf(from[0])?.literalUnions.get(from[1]);
              if (!literals) continue;
              const expand = (type) => {
                if (type) type.text = type.text.replace(new RegExp(`\\b${typeName}\\b`, 'g'), literals);
              };
              expand(declaration.members?.find((m) => m.name === field && !m.static)?.type);
              for (const attribute of declaration.attributes ?? []) {
                if (attribute.fieldName === field) expand(attribute.type);
              }
            }
          }
        }
      }
    },
  };
}

/**
 * Last: every module path and reference names the shipped file. Relative specifiers (the
 * analyzer keeps `export { x } from './x.js'` as written) resolve against their module.
 */
const shippedPaths = {
  name: 'shipped-paths',
  packageLinkPhase({ customElementsManifest }) {
    const rewrite = (value, from) => {
      if (Array.isArray(value)) {
        for (const item of value) rewrite(item, from);
      } else if (value && typeof value === 'object') {
        if (typeof value.package === 'string' && isRelative(value.package)) {
          value.module = sourceOf(from, value.package);
          delete value.package;
        }
        if (typeof value.module === 'string') {
          value.module = shipped(isRelative(value.module) ? sourceOf(from, value.module) : value.module);
        }
        for (const [key, item] of Object.entries(value)) if (key !== 'module') rewrite(item, from);
      }
    };
    for (const mod of customElementsManifest.modules) {
      rewrite(mod, mod.path);
      mod.path = shipped(mod.path);
    }
  },
};

export default {
  globs: ['src/index.ts', 'src/refund-exchange-form.ts', 'src/define.ts', 'src/events.ts', 'src/submission/events.ts'],
  litelement: true,
  // package.json names custom-elements.json itself; the stale check writes elsewhere.
  packagejson: false,
  plugins: [dropUnnamedEvents, sourceFacts(), shippedPaths],
};
