// Time per extraction of the acceptance page, in Node (the `naqi` entry) and in headless Chromium
// (the `naqi/web` entry): the first call after instantiation, then the median of RUNS calls after
// WARMUP more (V8 compiles hot Wasm functions again with its optimizing tier during the first
// calls). Prints, asserts nothing. Wall-clock numbers on a loaded machine are noisy; the Node line
// also gives CPU time per call. Run from the consumer project that scripts/test-node.sh sets up.
import { performance } from "node:perf_hooks";

import { extract } from "naqi";
import { acceptanceHtml, consumer, importFromRepo } from "./support.mjs";

const RUNS = 20;
const WARMUP = 10;

const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function timeRuns(run) {
  const start = performance.now();
  run();
  const first = performance.now() - start;
  for (let i = 0; i < WARMUP; i++) run();
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return { first, times };
}

const cpuBefore = process.cpuUsage();
const nodeRuns = timeRuns(() => extract(acceptanceHtml));
const cpu = process.cpuUsage(cpuBefore);
const cpuPerCall = (cpu.user + cpu.system) / 1000 / (1 + WARMUP + RUNS);

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
  const begin = performance.now();
  extract(html);
  const first = performance.now() - begin;
  for (let i = 0; i < ${WARMUP}; i++) extract(html);
  const times = [];
  for (let i = 0; i < ${RUNS}; i++) {
    const start = performance.now();
    extract(html);
    times.push(performance.now() - start);
  }
  return { first, times };
})();
</script>`,
    },
  },
});
const browser = await launchChromium();
let chromiumRuns;
try {
  const page = await browser.newPage();
  await page.goto(server.url("/bench.html"));
  await page.waitForFunction(() => window.result !== undefined);
  chromiumRuns = await page.evaluate(() => window.result);
} finally {
  await browser.close();
  await server.close();
}

const kb = (Buffer.byteLength(acceptanceHtml) / 1024).toFixed(1);
const ms = (x) => `${x.toFixed(2)} ms`;
const fmt = ({ first, times }) =>
  `first call ${ms(first)}; then median ${ms(median(times))} (min ${ms(Math.min(...times))}, max ${ms(Math.max(...times))})`;
console.log(`acceptance page (${kb} KB), ${RUNS} runs after ${WARMUP} warm-up calls:`);
console.log(`  Node ${process.version}: ${fmt(nodeRuns)}; CPU ${ms(cpuPerCall)} per call`);
console.log(`  Chromium (headless): ${fmt(chromiumRuns)}`);
