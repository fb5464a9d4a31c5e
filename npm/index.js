// The default entry, for bundlers and browsers (`import { extract } from "naqi"`): the web entry
// (browser build; the full build only where there is no DOMParser), instantiated with top-level
// await from the `.wasm` beside it. Bundlers (webpack 5, Vite, Rollup) see the
// `new URL(..., import.meta.url)` in web.js and ship the `.wasm` as an asset.
// Where top-level await is not allowed (service workers), use `naqi/web` and call `init()`.
import init from "./web.js";

await init();

export {
  extract,
  extractTree,
  extractDocument,
  encodeDocument,
  isProbablyReadable,
  isProbablyReadableTree,
  NaqiError,
} from "./web.js";
