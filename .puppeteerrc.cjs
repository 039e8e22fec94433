// Browsers come from Debian (chromium, firefox-esr); nothing may download one.
module.exports = { skipDownload: true };
