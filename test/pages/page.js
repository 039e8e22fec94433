// First script of every test page (test/pages.mjs): records the page's CSP violations for the
// test, and makes the automated browser look ordinary to friendly-challenge (NOTES), before
// the captcha's chunk can load.
window.violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample });
});
for (const [name, value] of [
  ['webdriver', false],
  ['userAgent', navigator.userAgent.replace(/Headless/g, '')],
  ['appVersion', navigator.appVersion.replace(/Headless/g, '')],
]) {
  Object.defineProperty(Navigator.prototype, name, { get: () => value, configurable: true });
}
