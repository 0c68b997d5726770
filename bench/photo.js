// Photo processing, measured apart from any request or database transaction (issue: photos/s for a
// 3 MB phone JPEG): decode, upright, resize to ≤ 1280 px, stamp in Chinese, JPEG, thumbnail.
// Uses the compiled server (dist/server), like the other benchmarks.
const { join } = require('node:path');
const { cpus } = require('node:os');

const root = join(__dirname, '..');

/** A 4032 × 3024 "phone photo" of ~3 MB: smooth gradients plus noise, so JPEG cannot shrink it to nothing. */
async function phoneJpeg(sharp) {
  const w = 4032;
  const h = 3024;
  const raw = Buffer.alloc(w * h * 3);
  let seed = 42;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const n = (seed >> 16) % 40;
      const i = (y * w + x) * 3;
      raw[i] = (x / 16 + n) & 255;
      raw[i + 1] = (y / 12 + n) & 255;
      raw[i + 2] = ((x + y) / 28 + n) & 255;
    }
  }
  return sharp(raw, { raw: { width: w, height: h, channels: 3 } }).jpeg({ quality: 75 }).toBuffer();
}

async function photoBench(fig, { seconds = 8 } = {}) {
  const sharp = require('sharp');
  const { processPhoto } = require(join(root, 'dist', 'server', 'server', 'src', 'files', 'photo.js'));
  const input = await phoneJpeg(sharp);
  fig('photo input (phone JPEG 4032×3024)', Math.round(input.length / 1024), 'KB');
  const lines = ['2026-12-01 15:42（北京时间）', '日照市溶解乙炔气厂 · 乙炔充装车间', '检查人：焦自祥'];
  await processPhoto(input, lines); // warm-up (font files, libvips)
  for (const concurrency of [1, cpus().length]) {
    let done = 0;
    const t0 = Date.now();
    const until = t0 + seconds * 1000;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (Date.now() < until) {
          await processPhoto(input, lines);
          done++;
        }
      }),
    );
    fig(`photo processing, ${concurrency} at a time`, Math.round((done / ((Date.now() - t0) / 1000)) * 10) / 10, 'photos/s');
  }
}

module.exports = { photoBench };

if (require.main === module) {
  photoBench((name, value, unit) => console.log(`${name.padEnd(44)} ${String(value).padStart(12)} ${unit}`)).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
