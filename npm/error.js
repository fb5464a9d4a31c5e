// The one error class of the package. Every error naqi throws — from the Wasm module, from the
// JavaScript wrappers, in Node or in a browser, through any entry — is a `NaqiError` with a
// stable `code` (the codes of the Rust `Error` enum, plus the wrappers' own). Both entries import
// this module, so `instanceof NaqiError` holds whichever entry threw.

/** An error from naqi, with a stable machine-readable `code`. */
export class NaqiError extends Error {
  /**
   * @param {string} code
   * @param {string} message
   * @param {{ cause?: unknown }} [options]
   */
  constructor(code, message, options) {
    super(message, options);
    this.name = "NaqiError";
    this.code = code;
  }
}

/**
 * A `NaqiError`.
 * @param {string} code
 * @param {string} message
 * @param {unknown} [cause]
 */
export function naqiError(code, message, cause) {
  return new NaqiError(code, message, cause === undefined ? undefined : { cause });
}

/**
 * The same error as a `NaqiError` instance: the Wasm module throws plain `Error`s named
 * `NaqiError` (it cannot reach this class); they become instances here, code and all.
 * @param {unknown} error
 */
export function asNaqiError(error) {
  if (error instanceof NaqiError) return error;
  if (error instanceof Error && error.name === "NaqiError") {
    Object.setPrototypeOf(error, NaqiError.prototype);
  }
  return error;
}
