// Writes editor data for the package's elements from custom-elements.json (run by build:lib):
// - lib/vscode.html-custom-data.json and lib/vscode.css-custom-data.json, VS Code's custom data
//   (its html.customData and css.customData settings): tags, attributes and their values; the
//   CSS custom properties and ::part()s.
// - lib/web-types.json, JetBrains IDEs' Web-Types, found through package.json's "web-types":
//   elements with their attributes, slots, properties, events, CSS custom properties and parts.
//
// `node scripts/custom-data.mjs --outdir <dir>` writes them elsewhere (relative to the working
// directory); the Node test compares that with lib/.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const WEB_TYPES_SCHEMA = 'https://raw.githubusercontent.com/JetBrains/web-types/master/schema/web-types.json';

/** The custom elements the manifest defines: their tag, class declaration and module. */
export function elementsOf(manifest) {
  const declared = (module, name) =>
    manifest.modules.find((m) => m.path === module)?.declarations?.find((d) => d.name === name);
  const elements = new Map();
  for (const mod of manifest.modules) {
    for (const e of mod.exports ?? []) {
      const declaration = e.kind === 'custom-element-definition' && declared(e.declaration.module ?? mod.path, e.declaration.name);
      if (declaration) elements.set(e.name, { tag: e.name, declaration });
    }
  }
  // Classes with a @tag but no definition the analyzer could follow.
  for (const mod of manifest.modules) {
    for (const declaration of mod.declarations ?? []) {
      if (declaration.customElement && declaration.tagName && !elements.has(declaration.tagName)) {
        elements.set(declaration.tagName, { tag: declaration.tagName, declaration });
      }
    }
  }
  return [...elements.values()];
}

/**
 * What an attribute takes, from its TypeScript type: one of a few literals (an enum), a number,
 * a boolean (present or absent), or any string.
 */
export function valueOf(attribute) {
  const parts = (attribute.type?.text ?? 'string')
    .split('|')
    .map((part) => part.trim())
    .filter((part) => part !== 'undefined' && part !== 'null');
  if (parts.length && parts.every((part) => /^(?:'[^']*'|"[^"]*"|-?\d+(?:\.\d+)?)$/.test(part))) {
    return { kind: 'enum', values: parts.map((part) => part.replace(/^(['"])(.*)\1$/, '$2')) };
  }
  if (parts.length === 1 && (parts[0] === 'boolean' || parts[0] === 'number')) return { kind: parts[0] };
  return { kind: 'string' };
}

/** The attribute's default as written in HTML (the manifest has the field's initializer). */
export function attributeDefault(attribute) {
  if (attribute.default === undefined || valueOf(attribute).kind === 'boolean') return undefined;
  const text = attribute.default.replace(/^(['"`])(.*)\1$/s, '$2');
  return text === '' ? undefined : text;
}

const publicFields = (declaration) =>
  (declaration.members ?? []).filter(
    (m) => m.kind === 'field' && !m.static && (m.privacy ?? 'public') === 'public' && !m.name.startsWith('#'),
  );
const publicMethods = (declaration) =>
  (declaration.members ?? []).filter(
    (m) => m.kind === 'method' && !m.static && (m.privacy ?? 'public') === 'public' && !m.name.startsWith('#'),
  );

/** The package specifier a manifest module is imported by (its entry in package.json exports). */
function specifierOf(pkg, module) {
  for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
    const file = typeof target === 'string' ? target : target?.default ?? target?.import;
    if (file === `./${module}`) return subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`;
  }
  return undefined;
}

/** Whether module `path` exports `name`: itself, through `export { name } from` or `export *`. */
function moduleExports(manifest, path, name, seen = new Set()) {
  if (seen.has(path)) return false;
  seen.add(path);
  const mod = manifest.modules.find((m) => m.path === path);
  return (mod?.exports ?? []).some(
    (e) =>
      e.kind === 'js' &&
      (e.name === name || (e.name === '*' && e.declaration.module && moduleExports(manifest, e.declaration.module, name, seen))),
  );
}

/** The public specifier that exports `name`, the package root first. */
function exportedFrom(manifest, pkg, name) {
  const specifiers = manifest.modules
    .filter((m) => moduleExports(manifest, m.path, name))
    .map((m) => specifierOf(pkg, m.path))
    .filter(Boolean);
  return specifiers.find((s) => s === pkg.name) ?? specifiers[0];
}

const code = (text) => `\`${text}\``;
const join2 = (...parts) => parts.filter(Boolean).join('\n\n');
const docsUrl = (pkg) => pkg.homepage ?? `https://www.npmjs.com/package/${pkg.name}`;

/** A markdown list section for a tag's description: events, slots, CSS properties and parts. */
function section(title, items, line) {
  return items?.length ? `**${title}**\n\n${items.map((item) => `- ${line(item)}`).join('\n')}` : '';
}

function tagDescription(declaration) {
  return join2(
    declaration.summary ?? declaration.description,
    section('Events', declaration.events, (e) => `${code(e.name)}${e.type ? ` (${code(e.type.text)})` : ''}: ${e.description ?? ''}`),
    section('Methods', publicMethods(declaration), (m) => `${code(`${m.name}()`)}: ${m.description ?? ''}`),
    section('Slots', declaration.slots, (s) => `${s.name ? code(s.name) : 'default'}: ${s.description ?? ''}`),
    section('CSS custom properties', declaration.cssProperties, (p) =>
      `${code(p.name)}${p.default ? ` (default ${code(p.default)})` : ''}: ${p.description ?? ''}`,
    ),
    section('CSS parts', declaration.cssParts, (p) => `${code(`::part(${p.name})`)}: ${p.description ?? ''}`),
  );
}

const markdown = (value) => ({ kind: 'markdown', value });

/** VS Code's HTML custom data, format version 1.1 (vscode-html-languageservice). */
export function vscodeHtmlData(manifest, pkg) {
  return {
    version: 1.1,
    tags: elementsOf(manifest).map(({ tag, declaration }) => ({
      name: tag,
      description: markdown(tagDescription(declaration)),
      attributes: (declaration.attributes ?? []).map((attribute) => {
        const value = valueOf(attribute);
        const byDefault = attributeDefault(attribute);
        return {
          name: attribute.name,
          description: markdown(join2(attribute.description, byDefault !== undefined && `Default: ${code(byDefault)}.`)),
          // "v": the built-in value set of attributes written without a value.
          ...(value.kind === 'boolean' && { valueSet: 'v' }),
          ...(value.kind === 'enum' && { values: value.values.map((name) => ({ name })) }),
        };
      }),
      references: [{ name: 'Documentation', url: docsUrl(pkg) }],
    })),
  };
}

/** VS Code's CSS custom data, format version 1.1 (vscode-css-languageservice). */
export function vscodeCssData(manifest, pkg) {
  const elements = elementsOf(manifest);
  const references = [{ name: 'Documentation', url: docsUrl(pkg) }];
  return {
    version: 1.1,
    properties: elements.flatMap(({ tag, declaration }) =>
      (declaration.cssProperties ?? []).map((p) => ({
        name: p.name,
        description: markdown(join2(`${code(`<${tag}>`)}: ${p.description ?? ''}`, p.default && `Default: ${code(p.default)}.`)),
        ...(p.syntax && { syntax: p.syntax }),
        references,
      })),
    ),
    pseudoElements: elements.flatMap(({ tag, declaration }) =>
      (declaration.cssParts ?? []).map((p) => ({
        name: `::part(${p.name})`,
        description: markdown(`${code(`<${tag}>`)}: ${p.description ?? ''}`),
        references,
      })),
    ),
  };
}

/** Web-Types 2 (JetBrains IDEs), framework-neutral: the elements work in any HTML. */
export function webTypes(manifest, pkg) {
  const type = (text) => {
    const from = /^[A-Za-z_$][\w$]*$/.test(text) ? exportedFrom(manifest, pkg, text) : undefined;
    return from ? { module: from, name: text } : text;
  };
  return {
    $schema: WEB_TYPES_SCHEMA,
    name: pkg.name,
    version: pkg.version,
    'js-types-syntax': 'typescript',
    'description-markup': 'markdown',
    contributions: {
      html: {
        elements: elementsOf(manifest).map(({ tag, declaration }) => {
          const module = exportedFrom(manifest, pkg, declaration.name);
          return {
            name: tag,
            description: declaration.summary ?? declaration.description ?? '',
            'doc-url': docsUrl(pkg),
            ...(module && { source: { module, symbol: declaration.name } }),
            attributes: (declaration.attributes ?? []).map((attribute) => {
              const value = valueOf(attribute);
              const byDefault = attributeDefault(attribute);
              return {
                name: attribute.name,
                description: attribute.description ?? '',
                ...(byDefault !== undefined && { default: byDefault }),
                required: false,
                value:
                  value.kind === 'boolean'
                    ? { type: 'boolean', required: false }
                    : { type: value.kind, ...(value.kind !== 'enum' && { kind: 'plain' }) },
                ...(value.kind === 'enum' && { values: value.values.map((name) => ({ name })) }),
              };
            }),
            slots: (declaration.slots ?? []).map((s) => ({ name: s.name, description: s.description ?? '' })),
            js: {
              properties: publicFields(declaration).map((field) => ({
                name: field.name,
                description: field.description ?? '',
                ...(field.type && { type: field.type.text }),
                ...(field.default !== undefined && { default: field.default }),
                ...(field.readonly && { 'read-only': true }),
              })),
              events: (declaration.events ?? []).map((e) => ({
                name: e.name,
                description: e.description ?? '',
                ...(e.type && { type: type(e.type.text) }),
              })),
            },
            css: {
              properties: (declaration.cssProperties ?? []).map((p) => ({
                name: p.name,
                description: join2(p.description, p.default && `Default: ${code(p.default)}.`),
              })),
              parts: (declaration.cssParts ?? []).map((p) => ({ name: p.name, description: p.description ?? '' })),
            },
          };
        }),
      },
    },
  };
}

export const FILES = {
  'vscode.html-custom-data.json': vscodeHtmlData,
  'vscode.css-custom-data.json': vscodeCssData,
  'web-types.json': webTypes,
};

/** Writes every file into `outdir` from the manifest and package.json at the package root. */
export function write(outdir) {
  const read = (name) => JSON.parse(readFileSync(join(root, name), 'utf8'));
  const manifest = read(read('package.json').customElements ?? 'custom-elements.json');
  const pkg = read('package.json');
  mkdirSync(outdir, { recursive: true });
  for (const [name, generate] of Object.entries(FILES)) {
    writeFileSync(join(outdir, name), `${JSON.stringify(generate(manifest, pkg), null, 2)}\n`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const at = process.argv.indexOf('--outdir');
  write(at === -1 ? join(root, 'lib') : resolve(process.argv[at + 1]));
}
