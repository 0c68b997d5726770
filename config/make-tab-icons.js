// Writes the tabBar icons (81×81 PNG, two colours each) with pure Node: no image libraries.
// Run: node config/make-tab-icons.js  → miniprogram/assets/tab/*.png
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const SIZE = 81;
const OUT = path.join(__dirname, '..', 'miniprogram', 'assets', 'tab');

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

function png(inside, [r, g, b]) {
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) {
    raw[y * (SIZE * 4 + 1)] = 0;
    for (let x = 0; x < SIZE; x++) {
      // 2×2 supersampling for softer edges
      let hits = 0;
      for (const dy of [0.25, 0.75]) for (const dx of [0.25, 0.75]) if (inside(x + dx, y + dy)) hits++;
      const o = y * (SIZE * 4 + 1) + 1 + x * 4;
      raw[o] = r; raw[o + 1] = g; raw[o + 2] = b; raw[o + 3] = Math.round((hits / 4) * 255);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const inRect = (x, y, x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const inCircle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const inRing = (x, y, cx, cy, r, w) => inCircle(x, y, cx, cy, r) && !inCircle(x, y, cx, cy, r - w);
const inTriangle = (x, y, ax, ay, bx, by, cx, cy) => {
  const s = (px, py, qx, qy, rx, ry) => (px - rx) * (qy - ry) - (qx - rx) * (py - ry);
  const d1 = s(x, y, ax, ay, bx, by), d2 = s(x, y, bx, by, cx, cy), d3 = s(x, y, cx, cy, ax, ay);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
};

const shapes = {
  // house: roof + body with a door
  home: (x, y) =>
    inTriangle(x, y, 40.5, 10, 8, 40, 73, 40) ||
    (inRect(x, y, 17, 38, 64, 70) && !inRect(x, y, 34, 50, 47, 70)),
  // clipboard with a tick
  inspect: (x, y) => {
    const board = inRect(x, y, 16, 14, 65, 72) && !inRect(x, y, 22, 22, 59, 66);
    const clip = inRect(x, y, 30, 8, 51, 20);
    const tick = Math.abs(y - (x + 18)) < 4 && inRect(x, y, 28, 40, 40, 58) ||
      Math.abs(y - (-1.2 * x + 106)) < 4.5 && inRect(x, y, 38, 30, 55, 58);
    return board || clip || tick;
  },
  // warning triangle with "!"
  hazard: (x, y) => {
    const outer = inTriangle(x, y, 40.5, 8, 6, 72, 75, 72);
    const inner = inTriangle(x, y, 40.5, 22, 17, 65, 64, 65);
    const bang = inRect(x, y, 37, 32, 44, 52) || inCircle(x, y, 40.5, 58, 4);
    return (outer && !inner) || bang;
  },
  // person: head ring + shoulders
  mine: (x, y) =>
    inRing(x, y, 40.5, 26, 15, 6) ||
    (y >= 48 && y <= 74 && inCircle(x, y, 40.5, 76, 30) && !inCircle(x, y, 40.5, 78, 23)),
};

fs.mkdirSync(OUT, { recursive: true });
for (const [name, inside] of Object.entries(shapes)) {
  fs.writeFileSync(path.join(OUT, `${name}.png`), png(inside, [122, 126, 131]));
  fs.writeFileSync(path.join(OUT, `${name}-on.png`), png(inside, [31, 111, 235]));
}
console.log('tab icons written to', OUT);
