// Page bytes to text, as browsers find a document's encoding: a byte-order mark, then the
// charset of the HTTP Content-Type header (the `contentType` option), then a `<meta charset>` or
// `http-equiv` declaration near the start, then UTF-8 when the bytes are valid UTF-8, then a
// guess between windows-1256 (when the high bytes read as Arabic letters there) and
// windows-1252. The platform's TextDecoder does the decoding (Node >= 20 and browsers carry
// windows-1256, ISO-8859-6 and the rest), so no decoder tables ship in the Wasm module.
import { naqiError } from "./error.js";

/** How far into the bytes a charset declaration is looked for (as the Rust side does). */
const PRESCAN_BYTES = 8 * 1024;

/**
 * The text of `input`: a string as it is; bytes (`Uint8Array`, Node `Buffer`, `ArrayBuffer`,
 * any `ArrayBufferView`) decoded. Anything else is a `NaqiError` with code `INVALID_INPUT`.
 * @param {unknown} input
 * @param {string} [contentType] the HTTP `Content-Type` header, e.g. `text/html; charset=windows-1256`
 * @returns {string}
 */
export function toText(input, contentType) {
  if (typeof input === "string") return input;
  const bytes = asBytes(input);
  if (!bytes) {
    const what = input === null ? "null" : Array.isArray(input) ? "an array" : typeof input;
    throw naqiError(
      "INVALID_INPUT",
      `naqi takes the page as a string, a Uint8Array, a Buffer or an ArrayBuffer, not ${what}`,
    );
  }
  return decode(bytes, encodingOf(bytes, contentType));
}

/** The bytes of a binary input, or undefined. */
function asBytes(input) {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input))
    return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  return undefined;
}

/**
 * The encoding label for `bytes`, in the order browsers use.
 * @param {Uint8Array} bytes
 * @param {string} [contentType]
 */
export function encodingOf(bytes, contentType) {
  const bom = fromBom(bytes);
  if (bom) return bom;
  const declared = known(charsetParameter(contentType)) ?? known(metaCharset(bytes));
  if (declared) {
    // A document that declares UTF-16 without a byte-order mark is read as UTF-8.
    return declared.startsWith("utf-16") ? "utf-8" : declared;
  }
  if (isUtf8(bytes)) return "utf-8";
  return looksArabic(bytes) ? "windows-1256" : "windows-1252";
}

function fromBom(b) {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return "utf-8";
  if (b[0] === 0xff && b[1] === 0xfe) return "utf-16le";
  if (b[0] === 0xfe && b[1] === 0xff) return "utf-16be";
  return undefined;
}

/** The label TextDecoder gives a charset name, or undefined when it knows none. */
function known(label) {
  if (!label) return undefined;
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return undefined;
  }
}

/** The `charset` parameter of a Content-Type value. */
function charsetParameter(contentType) {
  if (typeof contentType !== "string") return undefined;
  const m = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType);
  return m ? m[2] : undefined;
}

/** The charset a `<meta>` tag near the start names. */
function metaCharset(bytes) {
  const head = latin1(bytes.subarray(0, PRESCAN_BYTES)).toLowerCase();
  for (const m of head.matchAll(/<meta\b[^>]*>/g)) {
    const c = /charset\s*=\s*["']?\s*([^"'\s;/>]+)/.exec(m[0]);
    if (c) return c[1];
  }
  return undefined;
}

function latin1(bytes) {
  let out = "";
  for (let i = 0; i < bytes.length; i += 0x2000) {
    out += String.fromCharCode(...bytes.subarray(i, i + 0x2000));
  }
  return out;
}

function isUtf8(bytes) {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Whether most high bytes read as Arabic letters in windows-1256. */
function looksArabic(bytes) {
  const text = new TextDecoder("windows-1256").decode(bytes);
  let high = 0;
  let arabic = 0;
  for (const c of text) {
    const code = c.codePointAt(0) ?? 0;
    if (code < 0x80) continue;
    high += 1;
    if (code >= 0x600 && code <= 0x6ff) arabic += 1;
  }
  return high > 0 && arabic * 10 >= high * 6;
}

function decode(bytes, label) {
  // A BOM the label came from is dropped by TextDecoder itself.
  return new TextDecoder(label).decode(bytes);
}
