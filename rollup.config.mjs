// Bundles the tsc output (lib/) into the script-tag build: one entry that defines the element,
// plus lazily loaded chunks for what a customer may never need (photo processing).
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';

const PRIVATE =
  /^(handle(Input|Leave|RemovePhoto|Submit|Reset|ConfirmReset|Press|Interaction|StartOver|SummaryLink)|focusLater|clearEntries|renderRest|confirmingReset|interacted|prefiller|withdrawing|flow|limits|press|drafts|submission|tag|context|formStart|endpointCheck|captchaField|formModel|formRules|photoField)$/;

export default {
  input: { 'refund-exchange-form': 'lib/define.js' },
  // The entry needs no exports kept apart; a facade chunk would only add a request.
  preserveEntrySignatures: 'allow-extension',
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[hash:6].js',
    sourcemap: true,
  },
  plugins: [
    nodeResolve({ exportConditions: ['production', 'browser'] }),
    // Whitespace in html`` and css`` templates is bytes every customer downloads.
    minifyTemplateLiterals({ options: { minifyOptions: { collapseBooleanAttributes: true } } }),
    terser({
      ecma: 2022,
      module: true,
      compress: { passes: 2 },
      // The element's private members, whose long names TypeScript's `private` leaves in the
      // output: named here, since a pattern could catch a DOM or library name (handleEvent).
      // Each is a name only the entry uses (formModel, not model, which chunks read on objects
      // of their own), as every chunk is renamed alike; `builtins`, as terser would leave those
      // that are also DOM names (tag, context).
      mangle: { properties: { regex: PRIVATE, builtins: true } },
      format: { comments: false },
    }),
  ],
};
