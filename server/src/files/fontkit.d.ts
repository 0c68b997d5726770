// The few parts of fontkit 2 used here (it ships no types).
declare module 'fontkit' {
  export interface Glyph {
    advanceWidth: number;
    path: { toSVG(): string; scale(x: number, y?: number): Glyph['path']; translate(x: number, y: number): Glyph['path'] };
  }
  export interface GlyphRun {
    glyphs: Glyph[];
    positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[];
    advanceWidth: number;
  }
  export interface Font {
    unitsPerEm: number;
    ascent: number;
    descent: number;
    hasGlyphForCodePoint(cp: number): boolean;
    layout(text: string): GlyphRun;
  }
  export function create(buffer: Buffer): Font;
}
