// For the demo-page test of hostile.html (www.test.mjs): the page embeds naqi itself, as a
// site would, and opens its own article in the reader's full-page mode. The page's
// hostile.js runs beside it with no more rights than any page script.
import { init, extract } from "/naqi/web.js";

await init();
// The test scrolls the page first, then asks for the view (to check the scroll is restored).
document.documentElement.dataset.naqiLoaded = "true";
await new Promise((resolve) => addEventListener("naqi-test-open", resolve, { once: true }));
const article = extract(document.documentElement.outerHTML, { url: location.href });
const host = document.createElement("naqi-reader");
document.documentElement.append(host);
window.naqiPrefsWritten = [];
window.naqiView = NaqiReader.mount(host, article, {
  fullPage: true,
  uiLang: "ar",
  onPrefsChange: (prefs) => window.naqiPrefsWritten.push(prefs),
  onClose: () => {
    window.naqiView.unmount();
    host.remove();
    window.naqiClosed = true;
  },
});
document.documentElement.dataset.naqiReady = "true";
