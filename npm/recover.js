// Calls into the Wasm module so that one bad call never leaves it dead for the next.
//
// A Rust panic (or any trap) aborts the Wasm instance mid-call: its stack pointer and heap are
// left as they were, so the instance must not be used again. The wasm-bindgen glue is built with
// `--experimental-reset-state-function`, which adds `__wbg_reset_state()`: it creates a fresh
// instance from the already compiled module, synchronously. Every exception that did not come
// from naqi itself (a `NaqiError`) may have unwound through Wasm frames, so it resets too.
import { toText } from "./bytes.js";
import { asNaqiError, naqiError, NaqiError } from "./error.js";
import { encodeDocument } from "./tree.js";

/**
 * Wraps the exports of a wasm-bindgen glue module.
 * @param {Record<string, Function>} glue the glue module (with `__wbg_reset_state`)
 * @param {() => boolean} isReady whether the module has been instantiated
 */
export function recovering(glue, isReady = () => true) {
  const guard =
    (name) =>
    (...args) =>
      callGuarded(glue, isReady, name, args);
  const extract = guard("extract");
  const readable = guard("isProbablyReadable");
  const extractTree = guard("extractTree");
  return {
    // A string, or the page's bytes (decoded as browsers do, see bytes.js); `contentType` is
    // the HTTP header's value, which names the charset before the page does.
    extract: (input, options) => {
      const { contentType, ...rest } = options ?? {};
      return extract(toText(input, contentType), options == null ? options : rest);
    },
    extractTree,
    // The live DOM is walked in JavaScript (no HTML is serialized or parsed again); its URL
    // resolves links unless `options.url` says otherwise.
    extractDocument: (document, options) => {
      if (typeof document !== "object" || document === null || !("documentElement" in document)) {
        throw naqiError(
          "INVALID_INPUT",
          `document must be a Document, not ${document === null ? "null" : typeof document}`,
        );
      }
      const url =
        typeof document.URL === "string" && /^https?:/.test(document.URL)
          ? document.URL
          : undefined;
      return extractTree(
        encodeDocument(document),
        url && !options?.url ? { ...options, url } : options,
      );
    },
    encodeDocument,
    isProbablyReadable: (input, options) => readable(toText(input, options?.contentType)),
    isProbablyReadableTree: guard("isProbablyReadableTree"),
    NaqiError,
  };
}

/**
 * Calls `glue[name](...args)`, recovering the module after a trap. Every error comes out as a
 * `NaqiError`. Exported for the package's own tests, which reach it by its file, not through
 * the package's entries.
 * @param {Record<string, Function>} glue
 * @param {() => boolean} isReady
 * @param {string} name
 * @param {unknown[]} args
 */
export function callGuarded(glue, isReady, name, args) {
  if (!isReady()) {
    throw naqiError("NOT_INITIALIZED", "naqi is not initialised yet: await init() first");
  }
  try {
    return glue[name](...args);
  } catch (error) {
    if (error instanceof Error && error.name === "NaqiError") throw asNaqiError(error);
    glue.__wbg_reset_state();
    if (error instanceof WebAssembly.RuntimeError) {
      throw naqiError(
        "PANIC",
        "naqi crashed on this input and was restarted; later calls work " +
          `(the panic message, if any, is on the console; ${error.message})`,
        error,
      );
    }
    throw error;
  }
}
