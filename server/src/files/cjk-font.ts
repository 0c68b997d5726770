import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';

// Noto Sans SC (SIL OFL) from the npm package `noto-sans-sc`, as Google Fonts splits it: ~100 woff2
// files, each covering a unicode-range. A text is cut into runs by file; only the files a text needs
// are read. No system font is used, so labels and photo stamps look the same on every server.

interface Range {
  from: number;
  to: number;
  file: string;
}

export interface FontRun {
  /** Name of the woff2 file that draws this run (also its key for PDF font registration). */
  key: string;
  text: string;
}

export class CjkFont {
  private static instance: CjkFont | null = null;
  private readonly ranges: Range[];
  private readonly buffers = new Map<string, Buffer>();
  private readonly fonts = new Map<string, fontkit.Font>();

  private constructor(private readonly dir: string) {
    const css = readFileSync(join(dir, 'css.css'), 'utf8');
    const ranges: Range[] = [];
    for (const m of css.matchAll(/src: url\(([^)]+)\)[^;]*;\s*unicode-range: ([^;]+);/g)) {
      for (const part of m[2].split(',')) {
        const [a, b] = part.trim().replace(/^U\+/i, '').split('-');
        ranges.push({ from: parseInt(a, 16), to: parseInt(b ?? a, 16), file: m[1] });
      }
    }
    if (ranges.length === 0) throw new Error(`no font ranges in ${dir}/css.css`);
    this.ranges = ranges.sort((x, y) => x.from - y.from);
  }

  /** The regular weight, loaded once per process. */
  static regular(): CjkFont {
    CjkFont.instance ??= new CjkFont(join(dirname(require.resolve('noto-sans-sc/package.json')), 'noto_sans_sc_regular'));
    return CjkFont.instance;
  }

  /** The file that covers a code point (binary search), or null. */
  private fileFor(cp: number): string | null {
    let lo = 0;
    let hi = this.ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = this.ranges[mid];
      if (cp < r.from) hi = mid - 1;
      else if (cp > r.to) lo = mid + 1;
      else return r.file;
    }
    return null;
  }

  /** Cuts a text into runs drawn by one file each; uncovered characters join the run before them. */
  runs(text: string): FontRun[] {
    const out: FontRun[] = [];
    for (const ch of text) {
      const key = this.fileFor(ch.codePointAt(0) ?? 0) ?? out.at(-1)?.key ?? this.ranges[0].file;
      const last = out.at(-1);
      if (last && last.key === key) last.text += ch;
      else out.push({ key, text: ch });
    }
    return out;
  }

  buffer(key: string): Buffer {
    let b = this.buffers.get(key);
    if (!b) {
      b = readFileSync(join(this.dir, key));
      this.buffers.set(key, b);
    }
    return b;
  }

  font(key: string): fontkit.Font {
    let f = this.fonts.get(key);
    if (!f) {
      f = fontkit.create(this.buffer(key));
      this.fonts.set(key, f);
    }
    return f;
  }

  /** Width of a text at `size` px. */
  width(text: string, size: number): number {
    return this.runs(text).reduce((w, r) => {
      const f = this.font(r.key);
      return w + (f.layout(r.text).advanceWidth * size) / f.unitsPerEm;
    }, 0);
  }

  /** SVG path data of a text at `size` px with its baseline starting at (x, y): text as outlines, no font needed to draw it. */
  svgPath(text: string, size: number, x: number, y: number): string {
    let pen = x;
    const parts: string[] = [];
    for (const r of this.runs(text)) {
      const f = this.font(r.key);
      const k = size / f.unitsPerEm;
      const run = f.layout(r.text);
      run.glyphs.forEach((g, i) => {
        const pos = run.positions[i];
        // Font units go up; SVG goes down: flip y around the baseline.
        parts.push(g.path.scale(k, -k).translate(pen + pos.xOffset * k, y - pos.yOffset * k).toSVG());
        pen += pos.xAdvance * k;
      });
    }
    return parts.join(' ');
  }
}
