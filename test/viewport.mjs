/**
 * A test-runner command that sizes the page's viewport in every engine: puppeteer's own for
 * Chromium and Firefox, and for WebKit (WebDriver, which can only size the window) the window,
 * corrected by what the page then measures, since MiniBrowser's window has its own chrome.
 *
 *   await executeServerCommand('viewport', { width: 320, height: 640 });
 */
export function viewport() {
  return {
    name: 'viewport',
    async executeCommand({ command, payload, session }) {
      if (command !== 'viewport') return undefined;
      const { width, height } = payload;
      if (session.browser.type === 'puppeteer') {
        await session.browser.getPage(session.id).setViewport({ width, height });
        return true;
      }
      const { driver } = session.browser;
      await driver.setWindowSize(width, height);
      const [innerWidth, innerHeight] = await driver.execute('return [innerWidth, innerHeight]');
      await driver.setWindowSize(2 * width - innerWidth, 2 * height - innerHeight);
      return true;
    },
  };
}
