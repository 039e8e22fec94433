/**
 * A test-runner command that takes the browser offline the way the browser itself does
 * (`navigator.onLine` false, an `offline` event, every request failing), and back online after
 * `ms`. Going back is scheduled here, on the server, since the page cannot reach the test
 * runner while it is offline: in Chromium the command's own answer only arrives once the page
 * is back online, so tests wait for the `offline` event instead (see goOffline in helpers.ts).
 */
export function network() {
  return {
    name: 'go-offline',
    async executeCommand({ command, payload, session }) {
      if (command !== 'go-offline') return undefined;
      if (session.browser.type !== 'puppeteer') {
        throw new Error(`go-offline is not implemented for ${session.browser.type} sessions`);
      }
      const page = session.browser.getPage(session.id);
      if (session.browser.name !== 'Chromium') {
        await page.setOfflineMode(true);
        setTimeout(() => page.setOfflineMode(false).catch(() => undefined), payload.ms);
        return true;
      }
      // Chromium no longer changes navigator.onLine for the deprecated emulateNetworkConditions
      // that puppeteer sends: requests and the navigator state are set apart.
      const cdp = await page.createCDPSession();
      const set = async (offline) => {
        const conditions = { latency: 0, downloadThroughput: -1, uploadThroughput: -1 };
        await cdp.send('Network.emulateNetworkConditionsByRule', {
          offline,
          matchedNetworkConditions: [{ urlPattern: '', ...conditions }],
        });
        await cdp.send('Network.overrideNetworkState', { offline, ...conditions });
      };
      await cdp.send('Network.enable');
      await set(true);
      setTimeout(() => set(false).then(() => cdp.detach()).catch(() => undefined), payload.ms);
      return true;
    },
  };
}

/**
 * Answers a source module 1.5 s late while the page's `slow-module` cookie names its
 * path (without extension), so a test can make one chunk lose a race that it otherwise wins or loses by chance.
 */
export function slowModules() {
  return async (ctx, next) => {
    const slow = ctx.cookies.get('slow-module');
    // Named without its extension: a source imported as `.js` is served from its `.ts`.
    if (slow && ctx.path.replace(/\.[jt]s$/, '') === slow) await new Promise((resolve) => setTimeout(resolve, 1500));
    return next();
  };
}
