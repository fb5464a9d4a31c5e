// The `naqi/web` entry: the browser build with explicit initialisation, for pages, workers and
// extension service workers. `await init()` once (it fetches the `.wasm` beside this file
// unless told otherwise), or `initSync({ module })` with the bytes or a compiled module.
//
// The browser build has no HTML parser: `extract(html)` parses with the browser's DOMParser and
// reads the result as `extractDocument` reads a live page (encodeDocument, then the tree
// path). Where there is no DOMParser (Web Workers, service workers, Node), `init()` also loads
// the full build (its own HTML parser) with a dynamic import, and `extract(html)` uses it.
import initGlue, * as glue from "./wasm/naqi.js";
import { toText } from "./bytes.js";
import { naqiError } from "./error.js";
import { checkedHtml, hasDomParser, htmlToTree } from "./html.js";
import { recovering } from "./recover.js";

let ready = false;
/** The full build's API once loaded (only where there is no DOMParser, or on request). */
let full = null;

/**
 * Fetches, compiles and instantiates the Wasm module; where there is no DOMParser, the full
 * build's too. Calling it again is harmless.
 * @param {{ module_or_path?: unknown }} [input]
 */
export default async function init(input) {
  await initGlue(input ?? { module_or_path: new URL("./wasm/naqi_bg.wasm", import.meta.url) });
  ready = true;
  if (!hasDomParser() && full === null) {
    // Service workers do not allow import(): there `extract(html)` throws NOT_INITIALIZED,
    // and `extractTree` (from a page's `encodeDocument`) is the way.
    await loadFull().catch(() => {});
  }
}

export { init };

/**
 * Loads the full build (HTML parser included), which `extract` and `isProbablyReadable` use
 * where there is no DOMParser. `init()` calls it there; call it yourself to pass the module
 * (`{ module_or_path }`, e.g. the bytes of `naqi/full.wasm`).
 * @param {{ module_or_path?: unknown }} [input]
 */
export async function loadFull(input) {
  if (full !== null) return;
  const fullGlue = await import("./wasm/full/naqi.js");
  await fullGlue.default(
    input ?? { module_or_path: new URL("./wasm/full/naqi_bg.wasm", import.meta.url) },
  );
  full ??= recovering(fullGlue);
}

/**
 * Instantiates the Wasm module synchronously from its bytes or a compiled module.
 * @param {{ module: unknown }} input
 */
export function initSync(input) {
  glue.initSync(input);
  ready = true;
}

const browser = recovering(glue, () => ready);

/** The HTML text of `input` after the checks, or the full build's answer where it parses. */
function parserFor(name) {
  if (!ready && full === null) {
    throw naqiError("NOT_INITIALIZED", "naqi is not initialised yet: await init() first");
  }
  if (hasDomParser()) return null;
  if (full !== null) return full;
  throw naqiError(
    "NOT_INITIALIZED",
    `${name}(html) needs a DOMParser or the full build, and this context has neither: ` +
      "await init() (or loadFull()) first, or pass a page's encodeDocument() to extractTree",
  );
}

/**
 * Extracts the article from a page's HTML (a string or its bytes). Throws a `NaqiError`.
 * @param {unknown} input
 * @param {Record<string, unknown>} [options]
 */
export function extract(input, options) {
  const other = parserFor("extract");
  if (other !== null) return other.extract(input, options);
  const { contentType, ...rest } = options ?? {};
  const html = checkedHtml(toText(input, contentType), rest);
  return browser.extractTree(htmlToTree(html), options == null ? options : rest);
}

/**
 * Whether a page looks like it holds an article (cheap; for showing a reader button).
 * @param {unknown} input
 * @param {{ contentType?: string }} [options]
 */
export function isProbablyReadable(input, options) {
  const other = parserFor("isProbablyReadable");
  if (other !== null) return other.isProbablyReadable(input, options);
  let html;
  try {
    html = checkedHtml(toText(input, options?.contentType), undefined);
  } catch (error) {
    if (error?.code === "INVALID_INPUT") throw error;
    return false;
  }
  return browser.isProbablyReadableTree(htmlToTree(html));
}

export const { extractTree, extractDocument, encodeDocument, isProbablyReadableTree, NaqiError } =
  browser;
