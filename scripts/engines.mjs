// The engines the browser tests run in: all three unless BROWSERS picks some, e.g.
// BROWSERS=webkit or BROWSERS=chromium,firefox.
export const ENGINES = (process.env.BROWSERS ?? 'chromium,firefox,webkit').split(',');
