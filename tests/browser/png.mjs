// PNG checks for the browser tests: decode a screenshot with node's zlib and count its
// distinct colours or matching pixels, so a test can tell a real screenshot from a blank one.
// lib.mjs re-exports these.

import { existsSync, readFileSync } from "node:fs";
import { inflateSync } from "node:zlib";

/**
 * Decodes a PNG (8-bit, non-interlaced RGB/RGBA/grey, as Chromium writes
 * them) and reports its size and number of distinct colours.
 *
 * @param {Buffer | string} png The image bytes or a file path.
 * @returns {{width: number, height: number, colours: number}}
 */
export function pngStats(png) {
  const colours = new Set();
  const { width, height } = scanPng(png, (line, channels) => {
    for (let x = 0; x < line.length; x += channels) {
      let key = 0;
      for (let k = 0; k < channels; k++) key = key * 256 + line[x + k];
      colours.add(key);
    }
  });
  return { width, height, colours: colours.size };
}

/**
 * Counts the pixels of a PNG (as pngStats reads them) for which `test(r, g, b)` is true;
 * grey images give r = g = b.
 *
 * @param {Buffer | string} png The image bytes or a file path.
 * @param {(r: number, g: number, b: number) => boolean} test
 * @returns {number}
 */
export function countPixels(png, test) {
  let count = 0;
  scanPng(png, (line, channels) => {
    for (let x = 0; x < line.length; x += channels) {
      const [r, g, b] =
        channels >= 3 ? [line[x], line[x + 1], line[x + 2]] : [line[x], line[x], line[x]];
      if (test(r, g, b)) count++;
    }
  });
  return count;
}

/** Decodes a PNG row by row, calling `visit(row, channels)` with each unfiltered row. */
function scanPng(png, visit) {
  const buf = typeof png === "string" ? readFileSync(png) : png;
  const SIGNATURE = "89504e470d0a1a0a";
  if (buf.subarray(0, 8).toString("hex") !== SIGNATURE) throw new Error("not a PNG");
  let width = 0;
  let height = 0;
  let bitDepth = 0;
  let colourType = 0;
  let interlace = 0;
  const idat = [];
  for (let at = 8; at + 8 <= buf.length; ) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString("latin1", at + 4, at + 8);
    const data = buf.subarray(at + 8, at + 8 + length);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      bitDepth = data[8];
      colourType = data[9];
      interlace = data[12];
    } else if (type === "IDAT") {
      idat.push(data);
    } else if (type === "IEND") {
      break;
    }
    at += 12 + length;
  }
  const channelsByType = { 0: 1, 2: 3, 4: 2, 6: 4 };
  const channels = channelsByType[colourType];
  if (bitDepth !== 8 || !channels || interlace !== 0) {
    throw new Error(
      `unsupported PNG (depth ${bitDepth}, colour type ${colourType}, interlace ${interlace})`,
    );
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  let prev = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? line[i - channels] : 0;
      const b = prev[i];
      const c = i >= channels ? prev[i - channels] : 0;
      let add = 0;
      if (filter === 1) add = a;
      else if (filter === 2) add = b;
      else if (filter === 3) add = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        add = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      line[i] = (line[i] + add) & 0xff;
    }
    visit(line, channels);
    prev = line;
  }
  return { width, height };
}

/**
 * Throws unless the PNG file exists and has at least `minColours` distinct
 * colours (text anti-aliasing alone gives dozens; a blank page gives 1).
 *
 * @returns {{width: number, height: number, colours: number}}
 */
export function assertScreenshotNotBlank(file, minColours = 16) {
  if (!existsSync(file)) throw new Error(`screenshot missing: ${file}`);
  const stats = pngStats(file);
  if (stats.colours < minColours) {
    throw new Error(`screenshot ${file} looks blank: ${stats.colours} distinct colours`);
  }
  return stats;
}
