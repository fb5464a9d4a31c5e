// Draws the toolbar icons as PNG files, so the repository holds no binary images:
//   node extension/icons/draw.mjs OUT_DIR
// writes icon-{16,32,48,128}.png (neutral: grey tile) and readable-{16,32,48,128}.png (the
// page looks like an article: green tile). The picture is a page with right-aligned lines of
// text, as an Arabic page reads, on a rounded tile. Drawn with 4x4 supersampling.

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 128];
const VARIANTS = {
  icon: [0x5b, 0x63, 0x70],
  readable: [0x0f, 0x76, 0x6e],
};
const PAPER = [0xff, 0xff, 0xff];
const INK = [0x33, 0x3a, 0x45];

// Shapes in a 0..1 coordinate system: [x0, y0, x1, y1, radius].
const TILE = [0.02, 0.02, 0.98, 0.98, 0.2];
const PAGE = [0.22, 0.14, 0.78, 0.86, 0.06];
// Lines of text end at the same right edge (RTL), with different starts.
const LINES = [
  [0.32, 0.26, 0.68, 0.33],
  [0.4, 0.4, 0.68, 0.47],
  [0.32, 0.54, 0.68, 0.61],
  [0.48, 0.68, 0.68, 0.75],
];

function inRoundedRect(x, y, [x0, y0, x1, y1, r]) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function colourAt(x, y, tile) {
  if (!inRoundedRect(x, y, TILE)) return null;
  if (!inRoundedRect(x, y, PAGE)) return tile;
  const lineHeight = LINES[0][3] - LINES[0][1];
  if (LINES.some(([x0, y0, x1, y1]) => inRoundedRect(x, y, [x0, y0, x1, y1, lineHeight / 2]))) {
    return INK;
  }
  return PAPER;
}

function render(size, tile) {
  const SS = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const c = colourAt((px + (sx + 0.5) / SS) / size, (py + (sy + 0.5) / SS) / size, tile);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          covered++;
        }
      }
      const at = (py * size + px) * 4;
      if (covered) {
        rgba[at] = Math.round(r / covered);
        rgba[at + 1] = Math.round(g / covered);
        rgba[at + 2] = Math.round(b / covered);
        rgba[at + 3] = Math.round((255 * covered) / (SS * SS));
      }
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = process.argv[2];
if (!out) {
  console.error('usage: node extension/icons/draw.mjs OUT_DIR');
  process.exit(2);
}
mkdirSync(out, { recursive: true });
for (const [name, tile] of Object.entries(VARIANTS)) {
  for (const size of SIZES) {
    writeFileSync(path.join(out, `${name}-${size}.png`), encodePng(size, render(size, tile)));
  }
}
