// The default entry, for bundlers and browsers (`import { extract } from "naqi"`): the web build
// of the glue, instantiated with top-level await from the `.wasm` beside it. Bundlers (webpack 5,
// Vite, Rollup) see the `new URL(..., import.meta.url)` and ship the `.wasm` as an asset.
// Where top-level await is not allowed (service workers), use `naqi/web` and call `init()`.
import init, * as glue from "./wasm/naqi.js";
import { recovering } from "./recover.js";

await init({ module_or_path: new URL("./wasm/naqi_bg.wasm", import.meta.url) });

export const {
  extract, extractTree, extractDocument, encodeDocument, isProbablyReadable, isProbablyReadableTree,
  NaqiError,
} =
  recovering(glue);
