// Registered (with shared.js) only for the sites the user chose in the options page, each with
// its own granted host permission. It asks the worker to open the reading view; the worker
// does so only if the page looks like an article.
chrome.runtime.sendMessage({ kind: globalThis.NaqiShared.MSG.AUTO_OPEN }).catch(() => {});
