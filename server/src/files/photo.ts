import sharp from 'sharp';
import { CjkFont } from './cjk-font';

export const PHOTO_MAX_SIDE = 1280;
export const THUMB_MAX_SIDE = 320;
// Phone photos are ≤ ~50 MP; anything larger is refused rather than decoded (decompression bombs).
const MAX_INPUT_PIXELS = 80_000_000;

export interface ProcessedPhoto {
  main: Buffer;
  thumb: Buffer;
  width: number;
  height: number;
}

/** Beijing time as on the paper forms: 2026-12-01 15:42 (China has no daylight saving time). */
export function stampTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * Re-encodes a photo: turned upright by its EXIF orientation, at most 1280 px on the long side, JPEG
 * without any metadata (no EXIF, no GPS), with the stamp lines drawn in a dark band along the bottom,
 * and a ≈ 320 px thumbnail of the stamped photo. Throws when the bytes are not a decodable image.
 */
export async function processPhoto(input: Buffer, stampLines: string[]): Promise<ProcessedPhoto> {
  const { data, info } = await sharp(input, { failOn: 'error', limitInputPixels: MAX_INPUT_PIXELS })
    .rotate()
    .resize({ width: PHOTO_MAX_SIDE, height: PHOTO_MAX_SIDE, fit: 'inside', withoutEnlargement: true })
    .toBuffer({ resolveWithObject: true });
  const { width, height } = info;
  const lines = stampLines.filter((l) => l.trim() !== '');
  const band = stampBand(width, height, lines);
  const main = await sharp(data)
    .composite(band ? [{ input: band.svg, left: 0, top: height - band.height }] : [])
    .jpeg({ quality: 82, mozjpeg: true })
    .toBuffer();
  const thumb = await sharp(main)
    .resize({ width: THUMB_MAX_SIDE, height: THUMB_MAX_SIDE, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 72 })
    .toBuffer();
  return { main, thumb, width, height };
}

/** The stamp as an SVG of text outlines (the font travels with the product, not the system). */
function stampBand(width: number, height: number, lines: string[]): { svg: Buffer; height: number } | null {
  if (lines.length === 0) return null;
  const font = CjkFont.regular();
  const size = Math.max(12, Math.min(28, Math.round(Math.min(width, height) / 30)));
  const pad = Math.round(size * 0.5);
  const lineH = Math.round(size * 1.35);
  const bandH = Math.min(height, pad * 2 + lineH * lines.length);
  const maxW = width - 2 * pad;
  const paths = lines.map((line, i) => font.svgPath(fitWidth(font, line, size, maxW), size, pad, pad + i * lineH + size));
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${bandH}">` +
    `<rect width="${width}" height="${bandH}" fill="#000" fill-opacity="0.5"/>` +
    `<path d="${paths.join(' ')}" fill="#fff"/></svg>`;
  return { svg: Buffer.from(svg), height: bandH };
}

function fitWidth(font: CjkFont, s: string, size: number, maxWidth: number): string {
  if (font.width(s, size) <= maxWidth) return s;
  const chars = [...s];
  while (chars.length > 1 && font.width(`${chars.join('')}…`, size) > maxWidth) chars.pop();
  return `${chars.join('')}…`;
}
