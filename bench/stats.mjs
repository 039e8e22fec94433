// Medians and spreads of repeated measurements, and how the report writes them.

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Median, min and max; undefined for no values. */
export const spread = (xs) => (xs.length ? { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length } : undefined);

export const ms = (x) => `${x.toFixed(1)} ms`;
export const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;

/** A table row of a spread: median, min, max, each written by `unit`. */
export const row = (label, s, unit = ms) => `| ${label} | ${unit(s.median)} | ${unit(s.min)} | ${unit(s.max)} |`;
export const SPREAD_HEAD = ['| | median | min | max |', '| --- | ---: | ---: | ---: |'];
