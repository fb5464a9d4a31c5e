// Calls into the Wasm module so that one bad call never leaves it dead for the next.
//
// A Rust panic (or any trap) aborts the Wasm instance mid-call: its stack pointer and heap are
// left as they were, so the instance must not be used again. The wasm-bindgen glue is built with
// `--experimental-reset-state-function`, which adds `__wbg_reset_state()`: it creates a fresh
// instance from the already compiled module, synchronously. Every exception that did not come
// from naqi itself (a `NaqiError`) may have unwound through Wasm frames, so it resets too.
import { encodeDocument } from "./tree.js";

/**
 * Builds an `Error` named `NaqiError` with a stable `code`, like the ones the Wasm module throws.
 * @param {string} code
 * @param {string} message
 * @param {unknown} [cause]
 */
export function naqiError(code, message, cause) {
  const error = new Error(message, cause === undefined ? undefined : { cause });
  error.name = "NaqiError";
  error.code = code;
  return error;
}

/**
 * Wraps the exports of a wasm-bindgen glue module.
 * @param {Record<string, Function>} glue the glue module (with `__wbg_reset_state`)
 * @param {() => boolean} isReady whether the module has been instantiated
 */
export function recovering(glue, isReady = () => true) {
  const guard = (name) => (...args) => {
    if (!isReady()) {
      throw naqiError("NOT_INITIALIZED", "naqi is not initialised yet: await init() first");
    }
    try {
      return glue[name](...args);
    } catch (error) {
      if (error instanceof Error && error.name === "NaqiError") throw error;
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
  };
  const extractTree = guard("extractTree");
  return {
    extract: guard("extract"),
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
      const url = typeof document.URL === "string" && /^https?:/.test(document.URL)
        ? document.URL : undefined;
      return extractTree(encodeDocument(document), url && !options?.url ? { ...options, url } : options);
    },
    encodeDocument,
    isProbablyReadable: guard("isProbablyReadable"),
    isProbablyReadableTree: guard("isProbablyReadableTree"),
    // Not part of the typed API: lets the package's own tests prove the recovery.
    __naqiTrapForTests: guard("__naqiTrapForTests"),
  };
}
