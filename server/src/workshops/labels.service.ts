import { Injectable } from '@nestjs/common';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { Principal } from '../../../shared/policy';
import { RISK_LEVEL_COLORS, RISK_LEVEL_LABELS, SCAN_PAGE_PATH } from '../../../shared/schemas/workshops';
import { CjkFont } from '../files/cjk-font';
import { WeChatClient } from '../wechat/wechat.client';
import { WorkshopsService } from './workshops.service';

// A4 in points, 2 × 4 labels per page, each cut along the grey frame.
const PAGE = { w: 595.28, h: 841.89, margin: 28 };
const COLS = 2;
const ROWS = 4;
const GAP = 12;
const QR_SIZE = 118;
/** Baseline below the top of a line, in em (Noto Sans SC's ascender). */
const ASCENT = 0.88;

@Injectable()
export class LabelsService {
  constructor(
    private readonly workshops: WorkshopsService,
    private readonly wechat: WeChatClient,
  ) {}

  /** The A4 sheet of labels of every workshop of an enterprise (those who manage it). */
  async sheet(actor: Principal, enterpriseId: string): Promise<Buffer> {
    const { enterprise, workshops } = await this.workshops.forLabels(actor, enterpriseId);
    const qrs = await Promise.all(
      workshops.map((w) => QRCode.toBuffer(this.workshops.qrUrl(w.qrToken), { type: 'png', margin: 1, width: 360, errorCorrectionLevel: 'M' })),
    );
    const font = CjkFont.regular();
    const doc = new PDFDocument({ size: 'A4', margin: PAGE.margin, info: { Title: `${enterprise.name} 风险点二维码标签`, Author: '安全互助' } });
    const done = collect(doc);
    const registered = new Set<string>();
    // Each text twice: drawn as glyph outlines (looks the same in every viewer and printer; fonts cut from
    // woff2 files do not embed reliably) and as invisible real text on top, so it can be searched, copied
    // and read by pdftotext. The invisible runs use the font file that covers them (see CjkFont).
    const text = (s: string, x: number, y: number, size: number, maxWidth: number, color = '#000000'): void => {
      const fitted = fit(font, s, size, maxWidth);
      doc.path(font.svgPath(fitted, size, x, y + size * ASCENT)).fill(color);
      doc.save();
      doc.fillOpacity(0);
      let pen = x;
      for (const run of font.runs(fitted)) {
        if (!registered.has(run.key)) {
          doc.registerFont(run.key, font.buffer(run.key));
          registered.add(run.key);
        }
        doc.font(run.key).fontSize(size).text(run.text, pen, y, { lineBreak: false });
        pen += font.width(run.text, size);
      }
      doc.restore();
    };

    const cellW = (PAGE.w - 2 * PAGE.margin - (COLS - 1) * GAP) / COLS;
    const cellH = (PAGE.h - 2 * PAGE.margin - (ROWS - 1) * GAP) / ROWS;
    if (workshops.length === 0) {
      text(`${enterprise.name}：尚未登记风险点`, PAGE.margin, PAGE.margin, 14, PAGE.w - 2 * PAGE.margin);
    }
    workshops.forEach((w, i) => {
      const slot = i % (COLS * ROWS);
      if (i > 0 && slot === 0) doc.addPage();
      const x = PAGE.margin + (slot % COLS) * (cellW + GAP);
      const y = PAGE.margin + Math.floor(slot / COLS) * (cellH + GAP);
      const colour = RISK_LEVEL_COLORS[w.riskLevel];
      doc.lineWidth(0.5).strokeColor('#999999').rect(x, y, cellW, cellH).stroke();
      // The risk colour as a band across the top, with its name in it.
      doc.rect(x, y, cellW, 26).fill(colour);
      text(RISK_LEVEL_LABELS[w.riskLevel], x + 10, y + 6, 13, cellW - 20, w.riskLevel === 'yellow' ? '#000000' : '#FFFFFF');
      const body = y + 34;
      doc.image(qrs[i], x + 8, body, { width: QR_SIZE, height: QR_SIZE });
      const tx = x + QR_SIZE + 16;
      const tw = cellW - QR_SIZE - 24;
      text(w.name, tx, body + 2, 15, tw);
      text(enterprise.name, tx, body + 26, 9, tw, '#333333');
      if (w.location) text(`位置：${w.location}`, tx, body + 42, 9, tw, '#333333');
      if (w.responsiblePerson) text(`责任人：${w.responsiblePerson}`, tx, body + 57, 9, tw, '#333333');
      text('手工码', tx, body + 78, 9, tw, '#666666');
      text(w.manualCode, tx, body + 90, 18, tw);
      text('微信扫码开始巡查；无法扫码时在“扫码”页输入手工码', x + 8, y + cellH - 18, 7.5, cellW - 16, '#666666');
    });
    doc.end();
    return done;
  }

  /** A mini-program code for the workshop (scene = its token), drawn by WeChat. */
  async wxaCode(actor: Principal, id: string): Promise<Buffer> {
    const { workshop } = await this.workshops.managed(actor, id);
    // The page path without its leading slash; check_path off so the code works before the page is released.
    return this.wechat.getWxaCodeUnlimit({ scene: workshop.qrToken, page: SCAN_PAGE_PATH.slice(1), checkPath: false });
  }
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/** The text, cut with an ellipsis so it fits `maxWidth` at `size`. */
function fit(font: CjkFont, s: string, size: number, maxWidth: number): string {
  if (font.width(s, size) <= maxWidth) return s;
  const chars = [...s];
  while (chars.length > 1 && font.width(`${chars.join('')}…`, size) > maxWidth) chars.pop();
  return `${chars.join('')}…`;
}
