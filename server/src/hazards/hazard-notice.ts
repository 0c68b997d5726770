// The rectification notice (隐患整改通知书) as an A4 PDF, drawn with pdfkit and Noto Sans SC (files/cjk-font.ts)
// like the QR labels: each text as glyph outlines (the same in every viewer and printer) with invisible real
// text on top, so it can be searched, copied and read by pdftotext.
import PDFDocument from 'pdfkit';
import type { FixMode } from '../../../shared/deadlines';
import type { HazardLevel, HazardStatus } from '../../../shared/enums';
import { HAZARD_LEVEL_TEXT, HAZARD_STATUS_TEXT } from '../../../shared/hazard-labels';
import { CjkFont } from '../files/cjk-font';

const PAGE = { w: 595.28, h: 841.89, margin: 50 };
const WIDTH = PAGE.w - 2 * PAGE.margin;
/** Baseline below the top of a line, in em (Noto Sans SC's ascender). */
const ASCENT = 0.88;
const PHOTO = { w: 150, h: 112, gap: 10 };

export interface NoticeHazard {
  description: string;
  place: string | null;
  level: HazardLevel;
  fixMode: FixMode;
  status: HazardStatus;
  foundOn: string;
  deadline: string;
  planDueOn: string | null;
  /** Before-photos (JPEG or PNG bytes), drawn scaled. */
  photos: Buffer[];
}

export interface NoticeInput {
  /** Printed as 编号. */
  number: string;
  enterpriseName: string;
  /** The round that found them, or null for hazards found outside one. */
  inspection: { date: string; typeLabel: string } | null;
  inspectors: string[];
  hazards: NoticeHazard[];
  /** Shanghai date of issue. */
  issuedOn: string;
}

/** What the enterprise must do, in the words of docs/domain.md "The hazard loop". */
export function requirementText(h: Pick<NoticeHazard, 'level' | 'fixMode' | 'deadline' | 'planDueOn'>): string {
  const close = '整改完成后在“安全互助”中提交整改措施、资金、责任人和整改后照片，经验收人复查合格后销号。';
  if (h.level === 'major') {
    return (
      `重大隐患：请于 ${h.planDueOn ?? h.deadline} 前填报治理方案（责任、措施、资金、时限、预案），于 ${h.deadline} 前完成整改；` +
      `整改期间落实监控和防范措施，必要时局部停产停业。${close}`
    );
  }
  if (h.fixMode === 'immediate') return `立即整改，须于 ${h.deadline} 当日完成。${close}`;
  return `请于 ${h.deadline} 前完成整改。${close}`;
}

/** The notice as PDF bytes (a few pages at most: held in memory). */
export function renderNotice(input: NoticeInput): Promise<Buffer> {
  const font = CjkFont.regular();
  const doc = new PDFDocument({ size: 'A4', margin: PAGE.margin, info: { Title: `隐患整改通知书 ${input.enterpriseName}`, Author: '安全互助' } });
  const done = collect(doc);
  const registered = new Set<string>();
  let y = PAGE.margin;

  const draw = (s: string, x: number, top: number, size: number, color = '#000000'): void => {
    if (!s) return;
    doc.path(font.svgPath(s, size, x, top + size * ASCENT)).fill(color);
    doc.save();
    doc.fillOpacity(0);
    let pen = x;
    for (const run of font.runs(s)) {
      if (!registered.has(run.key)) {
        doc.registerFont(run.key, font.buffer(run.key));
        registered.add(run.key);
      }
      doc.font(run.key).fontSize(size).text(run.text, pen, top, { lineBreak: false });
      pen += font.width(run.text, size);
    }
    doc.restore();
  };
  /** Room for `height` more points on this page, else a new page. */
  const room = (height: number): void => {
    if (y + height <= PAGE.h - PAGE.margin) return;
    doc.addPage();
    y = PAGE.margin;
  };
  /** A paragraph wrapped to the width, `label` in front of the first line. */
  const para = (text: string, size: number, opts: { label?: string; color?: string; indent?: number } = {}): void => {
    const indent = opts.indent ?? 0;
    const labelW = opts.label ? font.width(opts.label, size) : 0;
    const lines = wrap(font, text || '—', size, WIDTH - indent - labelW);
    const lead = size * 1.6;
    lines.forEach((line, i) => {
      room(lead);
      if (i === 0 && opts.label) draw(opts.label, PAGE.margin + indent, y, size, '#333333');
      draw(line, PAGE.margin + indent + labelW, y, size, opts.color);
      y += lead;
    });
  };

  const title = '隐患整改通知书';
  draw(title, PAGE.margin + (WIDTH - font.width(title, 22)) / 2, y, 22);
  y += 40;
  draw(`编号：${input.number}`, PAGE.margin + WIDTH - font.width(`编号：${input.number}`, 9), y, 9, '#666666');
  y += 18;
  para(input.enterpriseName, 12, { label: '受检单位：' });
  if (input.inspection) para(`${input.inspection.date}\u3000\u3000检查类型：${input.inspection.typeLabel}`, 12, { label: '检查日期：' });
  if (input.inspectors.length > 0) para(input.inspectors.join('、'), 12, { label: '检查人员：' });
  y += 4;
  para(`经检查，你单位存在下列 ${input.hazards.length} 项事故隐患。根据《安全生产法》和合作社互查互学约定，请按下列要求限期整改，逾期未整改的将报告合作社和属地应急管理部门。`, 11);
  y += 6;

  input.hazards.forEach((h, i) => {
    room(120);
    doc.lineWidth(0.5).strokeColor('#BBBBBB').moveTo(PAGE.margin, y).lineTo(PAGE.margin + WIDTH, y).stroke();
    y += 8;
    draw(`隐患 ${i + 1}`, PAGE.margin, y, 13, h.level === 'major' ? '#C0392B' : '#000000');
    const tag = `${HAZARD_LEVEL_TEXT[h.level]}隐患\u3000当前状态：${HAZARD_STATUS_TEXT[h.status]}`;
    draw(tag, PAGE.margin + WIDTH - font.width(tag, 10), y + 2, 10, '#555555');
    y += 24;
    para(h.place ?? '—', 11, { label: '部位：', indent: 10 });
    para(h.description, 11, { label: '隐患描述：', indent: 10 });
    para(`${h.deadline}（发现日期 ${h.foundOn}）`, 11, { label: '整改期限：', indent: 10 });
    para(requirementText(h), 11, { label: '整改要求：', indent: 10 });
    if (h.photos.length > 0) {
      // the label stays on the page of the first row of photos
      room(18 + PHOTO.h + PHOTO.gap);
      draw('整改前照片：', PAGE.margin + 10, y, 11, '#333333');
      y += 18;
      h.photos.forEach((photo, n) => {
        const col = n % 3;
        if (col === 0) {
          if (n > 0) y += PHOTO.h + PHOTO.gap;
          room(PHOTO.h + PHOTO.gap);
        }
        const x = PAGE.margin + 10 + col * (PHOTO.w + PHOTO.gap);
        try {
          doc.image(photo, x, y, { fit: [PHOTO.w, PHOTO.h], align: 'center', valign: 'center' });
        } catch {
          // a photo pdfkit cannot read (not JPEG/PNG): a frame in its place rather than no notice at all
          doc.lineWidth(0.5).strokeColor('#999999').rect(x, y, PHOTO.w, PHOTO.h).stroke();
        }
      });
      y += PHOTO.h + PHOTO.gap;
    }
    y += 6;
  });

  room(150);
  y += 16;
  para('受检单位收到本通知书后，应立即组织整改；整改期间无法保证安全的，应停止相关作业。本通知书一式两份，受检单位和检查组各执一份。', 10, { color: '#333333' });
  y += 24;
  const half = WIDTH / 2;
  draw('检查人员（签字）：', PAGE.margin, y, 12);
  draw('受检单位负责人（签收）：', PAGE.margin + half, y, 12);
  y += 34;
  doc.lineWidth(0.7).strokeColor('#000000');
  doc.moveTo(PAGE.margin, y).lineTo(PAGE.margin + half - 30, y).stroke();
  doc.moveTo(PAGE.margin + half, y).lineTo(PAGE.margin + WIDTH, y).stroke();
  y += 10;
  draw('日期：\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日', PAGE.margin, y, 11);
  draw('日期：\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日', PAGE.margin + half, y, 11);
  y += 30;
  const issued = `签发日期：${input.issuedOn}`;
  draw(issued, PAGE.margin + WIDTH - font.width(issued, 10), y, 10, '#555555');
  doc.end();
  return done;
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/**
 * Lines of at most `maxWidth` at `size`, broken at newlines and between any two Chinese characters (no
 * spaces to break at), but never inside a date, a number or a Latin word.
 */
export function wrap(font: CjkFont, text: string, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  for (const para of text.split(/\r?\n/)) {
    let line = '';
    let width = 0;
    const tokens = (para.match(/[A-Za-z0-9][A-Za-z0-9\-.:/%]*|[^]/gu) ?? []).flatMap((t) => (font.width(t, size) > maxWidth ? [...t] : [t]));
    for (const token of tokens) {
      const w = font.width(token, size);
      if (line && width + w > maxWidth) {
        lines.push(line);
        line = '';
        width = 0;
      }
      line += token;
      width += w;
    }
    lines.push(line);
  }
  return lines;
}
