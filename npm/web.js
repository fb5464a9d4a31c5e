// The `naqi/web` entry: the web build with explicit initialisation, for pages and extension
// service workers. `await init()` once (it fetches the `.wasm` beside this file unless told
// otherwise), or `initSync({ module })` with the bytes or a compiled `WebAssembly.Module`.
import initGlue, * as glue from "./wasm/naqi.js";
import { recovering } from "./recover.js";

let ready = false;

/**
 * Fetches, compiles and instantiates the Wasm module. Calling it again is harmless.
 * @param {{ module_or_path?: unknown }} [input]
 */
export default async function init(input) {
  await initGlue(input ?? { module_or_path: new URL("./wasm/naqi_bg.wasm", import.meta.url) });
  ready = true;
}

export { init };

/**
 * Instantiates the Wasm module synchronously from its bytes or a compiled module.
 * @param {{ module: unknown }} input
 */
export function initSync(input) {
  glue.initSync(input);
  ready = true;
}

export const {
  extract, extractTree, extractDocument, encodeDocument, isProbablyReadable, isProbablyReadableTree,
  NaqiError,
} =
  recovering(glue, () => ready);
