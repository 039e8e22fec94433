/** A stylesheet imported as its text: bench/build.mjs bundles `.css` files minified, as strings. */
declare module '*.css' {
  const text: string;
  export default text;
}
