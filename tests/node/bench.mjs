// Time per extraction of the acceptance page: the median of RUNS calls after WARMUP calls, in
// Node (the `naqi` entry) and in headless Chromium (the `naqi/web` entry). Prints, asserts nothing.
// Run from the throwaway consumer project that scripts/test-node.sh sets up.
import { performance } from "node:perf_hooks";

import { extract } from "naqi";
import { acceptanceHtml, consumer, importFromRepo } from "./support.mjs";

const RUNS = 20;
const WARMUP = 3;

const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function timeRuns(run) {
  for (let i = 0; i < WARMUP; i++) run();
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return times;
}

const nodeTimes = timeRuns(() => extract(acceptanceHtml));

const { launchChromium, startServer } = await importFromRepo("tests/browser/lib.mjs");
const server = await startServer({
  root: consumer,
  routes: {
    "/seed-page.html": { body: acceptanceHtml },
    "/bench.html": {
      body: `<!doctype html><meta charset="utf-8"><script type="module">
import init, { extract } from "/node_modules/naqi/web.js";
window.result = (async () => {
  await init();
  const html = await (await fetch("/seed-page.html")).text();
  for (let i = 0; i < ${WARMUP}; i++) extract(html);
  const times = [];
  for (let i = 0; i < ${RUNS}; i++) {
    const start = performance.now();
    extract(html);
    times.push(performance.now() - start);
  }
  return times;
})();
</script>`,
    },
  },
});
const browser = await launchChromium();
let chromiumTimes;
try {
  const page = await browser.newPage();
  await page.goto(server.url("/bench.html"));
  await page.waitForFunction(() => window.result !== undefined);
  chromiumTimes = await page.evaluate(() => window.result);
} finally {
  await browser.close();
  await server.close();
}

const kb = (Buffer.byteLength(acceptanceHtml) / 1024).toFixed(1);
const fmt = (xs) => `median ${median(xs).toFixed(2)} ms (min ${Math.min(...xs).toFixed(2)}, max ${Math.max(...xs).toFixed(2)})`;
console.log(`acceptance page (${kb} KB), ${RUNS} runs after ${WARMUP} warm-up:`);
console.log(`  Node ${process.version}: ${fmt(nodeTimes)}`);
console.log(`  Chromium (headless): ${fmt(chromiumTimes)}`);
