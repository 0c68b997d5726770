// A4 pages of Chinese text with pdfkit, drawn like the rectification notice (hazards/hazard-notice.ts): each text
// as Noto Sans SC glyph outlines (the same in every viewer and printer) with invisible real text on top, so it
// can be searched, copied and read by pdftotext. Used by the prescription and the demo's study materials.
import PDFDocument from 'pdfkit';
import { CjkFont } from '../files/cjk-font';
import { wrap } from '../hazards/hazard-notice';

const PAGE = { w: 595.28, h: 841.89, margin: 50 };
/** Baseline below the top of a line, in em (Noto Sans SC's ascender). */
const ASCENT = 0.88;

export class CjkPage {
  readonly width = PAGE.w - 2 * PAGE.margin;
  readonly left = PAGE.margin;
  /** Top of the next line. */
  y = PAGE.margin;
  private readonly font = CjkFont.regular();
  private readonly doc: PDFKit.PDFDocument;
  private readonly registered = new Set<string>();
  private readonly done: Promise<Buffer>;

  constructor(title: string) {
    this.doc = new PDFDocument({ size: 'A4', margin: PAGE.margin, info: { Title: title, Author: '安全互助' } });
    const chunks: Buffer[] = [];
    this.done = new Promise((resolve, reject) => {
      this.doc.on('data', (c: Buffer) => chunks.push(c));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
    });
  }

  textWidth(s: string, size: number): number {
    return this.font.width(s, size);
  }

  draw(s: string, x: number, top: number, size: number, color = '#000000'): void {
    if (!s) return;
    const { doc, font } = this;
    doc.path(font.svgPath(s, size, x, top + size * ASCENT)).fill(color);
    doc.save();
    doc.fillOpacity(0);
    let pen = x;
    for (const run of font.runs(s)) {
      if (!this.registered.has(run.key)) {
        doc.registerFont(run.key, font.buffer(run.key));
        this.registered.add(run.key);
      }
      doc.font(run.key).fontSize(size).text(run.text, pen, top, { lineBreak: false });
      pen += font.width(run.text, size);
    }
    doc.restore();
  }

  /** Centred on the page, then moves down by `advance`. */
  centred(s: string, size: number, advance: number, color?: string): void {
    this.draw(s, this.left + (this.width - this.textWidth(s, size)) / 2, this.y, size, color);
    this.y += advance;
  }

  /** Flush right on the current line. */
  right(s: string, size: number, color?: string, dy = 0): void {
    this.draw(s, this.left + this.width - this.textWidth(s, size), this.y + dy, size, color);
  }

  /** Room for `height` more points on this page, else a new page. */
  room(height: number): void {
    if (this.y + height <= PAGE.h - PAGE.margin) return;
    this.doc.addPage();
    this.y = PAGE.margin;
  }

  /** A paragraph wrapped to the width, `label` in front of the first line. */
  para(text: string, size: number, opts: { label?: string; color?: string; indent?: number } = {}): void {
    const indent = opts.indent ?? 0;
    const labelW = opts.label ? this.textWidth(opts.label, size) : 0;
    const lead = size * 1.6;
    wrap(this.font, text || '—', size, this.width - indent - labelW).forEach((line, i) => {
      this.room(lead);
      if (i === 0 && opts.label) this.draw(opts.label, this.left + indent, this.y, size, '#333333');
      this.draw(line, this.left + indent + labelW, this.y, size, opts.color);
      this.y += lead;
    });
  }

  rule(): void {
    this.doc.lineWidth(0.5).strokeColor('#BBBBBB').moveTo(this.left, this.y).lineTo(this.left + this.width, this.y).stroke();
    this.y += 8;
  }

  /** Two signature lines side by side under their labels. */
  signatures(leftLabel: string, rightLabel: string): void {
    const half = this.width / 2;
    this.draw(leftLabel, this.left, this.y, 12);
    this.draw(rightLabel, this.left + half, this.y, 12);
    this.y += 34;
    this.doc.lineWidth(0.7).strokeColor('#000000');
    this.doc.moveTo(this.left, this.y).lineTo(this.left + half - 30, this.y).stroke();
    this.doc.moveTo(this.left + half, this.y).lineTo(this.left + this.width, this.y).stroke();
    this.y += 24;
  }

  end(): Promise<Buffer> {
    this.doc.end();
    return this.done;
  }
}
