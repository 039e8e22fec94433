// custom-elements.json and the editor data made from it (scripts/custom-data.mjs), as shipped:
// `npm test` builds and checks the manifest is fresh before the Node tests run.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import type { AnySchema } from 'ajv';
import type { CustomElementDeclaration, Declaration, JavaScriptModule, Package } from 'custom-elements-manifest';

interface PackageJson {
  name: string;
  version: string;
  homepage?: string;
  customElements: string;
  'web-types': string;
  files: string[];
  exports: Record<string, string | Record<string, string>>;
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const pkg = readJson<PackageJson>(join(root, 'package.json'));
const manifest = readJson<Package>(join(root, pkg.customElements));

/** The file a package.json export names, relative to the package root: lib/define.js. */
function entry(subpath: string): string {
  const target = pkg.exports[subpath];
  const file = typeof target === 'string' ? target : target?.['default'];
  assert.ok(file, `package.json exports ${subpath}`);
  return file.replace(/^\.\//, '');
}

const moduleAt = (path: string): JavaScriptModule | undefined => manifest.modules.find((m) => m.path === path);
const declarationIn = (path: string, name: string): Declaration | undefined =>
  moduleAt(path)?.declarations?.find((d) => d.name === name);

/** Whether module `path` exports `name`: its own, re-exported, or through `export *`. */
function moduleExports(path: string, name: string, seen = new Set<string>()): boolean {
  if (seen.has(path)) return false;
  seen.add(path);
  return (moduleAt(path)?.exports ?? []).some(
    (e) =>
      e.kind === 'js' &&
      (e.name === name || (e.name === '*' && !!e.declaration.module && moduleExports(e.declaration.module, name, seen))),
  );
}

const elements = manifest.modules.flatMap((m) =>
  (m.declarations ?? []).filter((d): d is CustomElementDeclaration => 'customElement' in d && d.customElement === true),
);

/** Every `module` a reference in the manifest names. */
function referencedModules(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) referencedModules(item, found);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'module' && typeof item === 'string') found.add(item);
      else referencedModules(item, found);
    }
  }
  return found;
}

/** The literals of a type like `'session' | 'local' | 'off'` (undefined aside), else none. */
function literals(text: string | undefined): string[] | undefined {
  const parts = (text ?? '').split('|').map((p) => p.trim()).filter((p) => p !== 'undefined' && p !== 'null');
  if (!parts.length || !parts.every((p) => /^'[^']*'$|^"[^"]*"$/.test(p))) return undefined;
  return parts.map((p) => p.slice(1, -1));
}

// The manifest schema writes `"type": ["string", "boolean"]`, which strict mode wants allowed.
const ajv = new Ajv({ strict: true, allowUnionTypes: true, allErrors: true });
function assertValid(schema: AnySchema, data: unknown, what: string): void {
  const validate = ajv.compile(schema);
  assert.ok(validate(data), `${what}: ${ajv.errorsText(validate.errors, { separator: '\n' })}`);
}

describe('custom-elements.json', () => {
  it('is valid against the official schema (JSON Schema draft-07)', () => {
    const schemaPath = createRequire(import.meta.url).resolve('custom-elements-manifest/schema.json');
    const schema = readJson<{ $schema: string }>(schemaPath);
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#', 'ajv\'s default build is draft-07');
    assertValid(schema, manifest, 'custom-elements.json');
    assert.equal(manifest.schemaVersion, '1.0.0');
  });

  it('is where package.json says, and shipped', () => {
    assert.equal(pkg.customElements, 'custom-elements.json');
    assert.equal(entry('./custom-elements.json'), 'custom-elements.json');
    assert.ok(pkg.files.includes('custom-elements.json'));
  });

  it('describes the shipped lib/*.js modules, each present after the build', () => {
    assert.ok(manifest.modules.length > 0);
    for (const mod of manifest.modules) {
      assert.match(mod.path, /^lib\/.+\.js$/, 'a module path names the compiled file, not the TypeScript source');
    }
    for (const path of [...manifest.modules.map((m) => m.path), ...referencedModules(manifest)]) {
      assert.ok(moduleAt(path), `${path} is referenced but not described`);
      assert.ok(existsSync(join(root, path)), `${path} is missing: run npm run build`);
      assert.ok(existsSync(join(root, path.replace(/\.js$/, '.d.ts'))), `${path} has no declaration file`);
    }
  });

  it('has the package entries: the root exports the class, ./define defines the element', () => {
    const main = entry('.');
    const define = entry('./define');
    assert.ok(moduleAt(main) && moduleAt(define), `${main} and ${define} are described`);
    for (const element of elements) assert.ok(moduleExports(main, element.name), `${main} exports ${element.name}`);

    const definitions = (moduleAt(define)?.exports ?? []).filter((e) => e.kind === 'custom-element-definition');
    assert.deepEqual(
      definitions.map((d) => d.name),
      elements.map((e) => e.tagName),
    );
    for (const definition of definitions) {
      const { name, module } = definition.declaration;
      assert.ok(module, `the definition of <${definition.name}> names its module`);
      const declaration = declarationIn(module, name);
      assert.ok(declaration, `<${definition.name}> is defined as ${name} from ${module}, a declaration in the manifest`);
      assert.equal(declaration.kind, 'class');
      assert.ok('customElement' in declaration && declaration.customElement);
      assert.equal(declaration.tagName, definition.name);
    }
  });

  it('resolves every export to a declaration, and defines nothing nameless', () => {
    for (const mod of manifest.modules) {
      for (const e of mod.exports ?? []) {
        const { name, module = mod.path, package: from } = e.declaration;
        if (from) continue;
        assert.ok(moduleAt(module), `${mod.path} exports ${e.name} from ${module}, which is described`);
        if (e.kind === 'js' && name === '*') continue;
        assert.ok(
          declarationIn(module, name) ?? (module !== mod.path && moduleExports(module, name)),
          `${mod.path} exports ${e.name}: ${name} from ${module} is declared or re-exported there`,
        );
        if (e.kind === 'custom-element-definition') assert.doesNotMatch(name, /^anonymous_/);
      }
    }
  });

  it('names and types every event with a class the package exports', () => {
    const events = elements.flatMap((e) => e.events ?? []);
    assert.ok(events.length > 0);
    for (const event of events) {
      assert.match(event.name, /^[a-z][a-z0-9-]*$/, `event name ${JSON.stringify(event.name)}`);
      const type = event.type?.text;
      assert.ok(type, `${event.name} has a type`);
      assert.ok(moduleExports(entry('.'), type), `${event.name}: ${type} is exported by the package`);
      assert.ok(event.description, `${event.name} is described`);
    }
  });

  it('gives every CSS custom property its default in the default field', () => {
    const properties = elements.flatMap((e) => e.cssProperties ?? []);
    assert.ok(properties.length > 0);
    for (const property of properties) {
      assert.match(property.name, /^--[a-z0-9-]+$/);
      assert.ok(property.default?.trim(), `${property.name} has a default`);
      assert.doesNotMatch(property.description ?? '', /\(default:/i, `${property.name}: the default is not left in prose`);
    }
  });

  it('spells out attribute types (no bare alias such as DraftMode)', () => {
    for (const element of elements) {
      for (const attribute of element.attributes ?? []) {
        const type = attribute.type?.text;
        assert.ok(type, `${attribute.name} has a type`);
        assert.doesNotMatch(type, /^[A-Z]\w*$/, `${attribute.name}: ${type}`);
      }
    }
    const draft = elements.flatMap((e) => e.attributes ?? []).find((a) => a.name === 'draft');
    if (draft) assert.deepEqual(literals(draft.type?.text), ['session', 'local', 'off']);
  });
});

// ---- Editor data ----------------------------------------------------------------------------

const WEB_TYPES_SCHEMA = 'https://raw.githubusercontent.com/JetBrains/web-types/master/schema/web-types.json';
const FILES = ['vscode.html-custom-data.json', 'vscode.css-custom-data.json', 'web-types.json'];

// Subsets of VS Code's custom data format (vscode-html-languageservice's and
// vscode-css-languageservice's customData schemas, version 1.1) and of Web-Types 2, written out
// here: neither schema is an npm package. No other properties are allowed, to catch typos.
const string = { type: 'string' };
const markup = {
  anyOf: [
    string,
    {
      type: 'object',
      required: ['kind', 'value'],
      properties: { kind: { enum: ['plaintext', 'markdown'] }, value: string },
      additionalProperties: false,
    },
  ],
};
const url = { type: 'string', pattern: '^https?://' };
const vscodeItem = (extra: Record<string, unknown> = {}) => ({
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', minLength: 1 },
    description: markup,
    references: {
      type: 'array',
      items: { type: 'object', required: ['name', 'url'], properties: { name: string, url }, additionalProperties: false },
    },
    ...extra,
  },
  additionalProperties: false,
});
const list = (items: unknown) => ({ type: 'array', items });
const vscodeHtmlSchema = {
  type: 'object',
  required: ['version', 'tags'],
  properties: {
    version: { const: 1.1 },
    tags: list(vscodeItem({ attributes: list(vscodeItem({ valueSet: string, values: list(vscodeItem()) })) })),
  },
  additionalProperties: false,
};
const vscodeCssSchema = {
  type: 'object',
  required: ['version'],
  properties: {
    version: { const: 1.1 },
    properties: list(vscodeItem({ syntax: string })),
    pseudoElements: list(vscodeItem()),
  },
  additionalProperties: false,
};
const webTypesItem = (extra: Record<string, unknown> = {}) => ({
  type: 'object',
  required: ['name'],
  properties: { name: { type: 'string', minLength: 1 }, description: string, ...extra },
  additionalProperties: false,
});
const jsType = {
  anyOf: [
    string,
    { type: 'object', required: ['name'], properties: { module: string, name: string }, additionalProperties: false },
  ],
};
const webTypesSchema = {
  type: 'object',
  required: ['$schema', 'name', 'version', 'contributions'],
  properties: {
    $schema: { const: WEB_TYPES_SCHEMA },
    name: string,
    version: string,
    'js-types-syntax': { const: 'typescript' },
    'description-markup': { enum: ['html', 'markdown', 'none'] },
    contributions: {
      type: 'object',
      required: ['html'],
      properties: {
        html: {
          type: 'object',
          required: ['elements'],
          properties: {
            elements: list(
              webTypesItem({
                'doc-url': url,
                source: {
                  type: 'object',
                  required: ['symbol'],
                  properties: { module: string, symbol: string },
                  additionalProperties: false,
                },
                attributes: list(
                  webTypesItem({
                    default: string,
                    required: { type: 'boolean' },
                    value: {
                      type: 'object',
                      properties: {
                        kind: { enum: ['no-value', 'plain', 'expression'] },
                        type: { anyOf: [string, list(string)] },
                        required: { type: 'boolean' },
                        default: string,
                      },
                      additionalProperties: false,
                    },
                    values: list(webTypesItem()),
                  }),
                ),
                slots: list(webTypesItem()),
                js: {
                  type: 'object',
                  properties: {
                    properties: list(webTypesItem({ type: jsType, default: string, 'read-only': { type: 'boolean' } })),
                    events: list(webTypesItem({ type: jsType })),
                  },
                  additionalProperties: false,
                },
                css: {
                  type: 'object',
                  properties: { properties: list(webTypesItem()), parts: list(webTypesItem()) },
                  additionalProperties: false,
                },
              }),
            ),
          },
          additionalProperties: false,
        },
      },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
};

interface Named {
  name: string;
}
type VscodeAttribute = Named & { valueSet?: string; values?: Named[] };
interface VscodeHtml {
  tags: (Named & { attributes: VscodeAttribute[] })[];
}
interface VscodeCss {
  properties: Named[];
  pseudoElements: Named[];
}
type WebTypesAttribute = Named & { values?: Named[]; value: { type: string } };
interface WebTypes {
  name: string;
  version: string;
  contributions: {
    html: {
      elements: (Named & {
        attributes: WebTypesAttribute[];
        slots: Named[];
        js: { properties: Named[]; events: (Named & { type?: unknown })[] };
        css: { properties: Named[]; parts: Named[] };
      })[];
    };
  };
}

const names = (items: Named[] | undefined) => (items ?? []).map((item) => item.name);

describe('editor data from the manifest (scripts/custom-data.mjs)', () => {
  let outdir = '';
  const generated = <T>(name: string): T => readJson<T>(join(outdir, name));
  before(() => {
    outdir = mkdtempSync(join(tmpdir(), 'custom-data-'));
    execFileSync(process.execPath, [join(root, 'scripts/custom-data.mjs'), '--outdir', outdir], { stdio: 'inherit' });
  });
  after(() => rmSync(outdir, { recursive: true, force: true }));

  it('is built into lib/, shipped, and matches the manifest', () => {
    assert.ok(pkg.files.includes('lib'));
    for (const name of FILES) {
      const built = join(root, 'lib', name);
      assert.ok(existsSync(built), `lib/${name} is missing: run npm run build`);
      assert.equal(
        readFileSync(built, 'utf8'),
        readFileSync(join(outdir, name), 'utf8'),
        `lib/${name} is stale: run npm run build`,
      );
      assert.equal(entry(`./${name}`), `lib/${name}`);
    }
  });

  it('VS Code HTML data lists every element, attribute and attribute value', () => {
    const data = generated<VscodeHtml>('vscode.html-custom-data.json');
    assertValid(vscodeHtmlSchema, data, 'vscode.html-custom-data.json');
    assert.deepEqual(names(data.tags), elements.map((e) => e.tagName));
    for (const element of elements) {
      const tag = data.tags.find((t) => t.name === element.tagName);
      assert.ok(tag);
      assert.deepEqual(names(tag.attributes), names(element.attributes));
      for (const attribute of element.attributes ?? []) {
        const found: VscodeAttribute | undefined = tag.attributes.find((a) => a.name === attribute.name);
        assert.ok(found);
        const values = literals(attribute.type?.text);
        if (values) assert.deepEqual(names(found.values), values, `values of ${attribute.name}`);
        if (attribute.type?.text === 'boolean') assert.equal(found.valueSet, 'v', `${attribute.name} takes no value`);
      }
    }
    const draft = data.tags.flatMap((t) => t.attributes).find((a) => a.name === 'draft');
    if (draft) assert.deepEqual(names(draft.values), ['session', 'local', 'off']);
  });

  it('VS Code CSS data lists every CSS custom property and part', () => {
    const data = generated<VscodeCss>('vscode.css-custom-data.json');
    assertValid(vscodeCssSchema, data, 'vscode.css-custom-data.json');
    assert.deepEqual(names(data.properties), names(elements.flatMap((e) => e.cssProperties ?? [])));
    assert.deepEqual(
      names(data.pseudoElements),
      elements.flatMap((e) => e.cssParts ?? []).map((p) => `::part(${p.name})`),
    );
  });

  it('Web-Types are referenced from package.json and list every attribute, event, slot, CSS property and part', () => {
    assert.equal(pkg['web-types'], './lib/web-types.json');
    const data = generated<WebTypes>('web-types.json');
    assertValid(webTypesSchema, data, 'web-types.json');
    assert.equal(data.name, pkg.name);
    assert.equal(data.version, pkg.version);
    const { elements: listed } = data.contributions.html;
    assert.deepEqual(names(listed), elements.map((e) => e.tagName));
    for (const element of elements) {
      const item = listed.find((e) => e.name === element.tagName);
      assert.ok(item);
      assert.deepEqual(names(item.attributes), names(element.attributes));
      assert.deepEqual(names(item.js.events), names(element.events));
      for (const event of item.js.events) assert.ok(event.type, `${event.name} has a type`);
      assert.deepEqual(names(item.slots), names(element.slots));
      assert.deepEqual(names(item.css.properties), names(element.cssProperties));
      assert.deepEqual(names(item.css.parts), names(element.cssParts));
      for (const attribute of element.attributes ?? []) {
        const values = literals(attribute.type?.text);
        if (!values) continue;
        const found: WebTypesAttribute | undefined = item.attributes.find((a) => a.name === attribute.name);
        assert.equal(found?.value.type, 'enum');
        assert.deepEqual(names(found?.values), values, `values of ${attribute.name}`);
      }
    }
  });
});
