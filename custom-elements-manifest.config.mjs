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

export default {
  globs: ['src/refund-exchange-form.ts', 'src/define.ts', 'src/events.ts'],
  litelement: true,
  // package.json names custom-elements.json itself; the stale check writes elsewhere.
  packagejson: false,
  plugins: [dropUnnamedEvents],
};
