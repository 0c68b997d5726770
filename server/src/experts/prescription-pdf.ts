// The rectification prescription (整改处方) of an expert visit as an A4 PDF, drawn like the rectification notice
// (hazards/hazard-notice.ts): Noto Sans SC glyph outlines with invisible real text on top, so it prints the
// same everywhere and pdftotext still reads it. Its wrapping and the standard requirement text are reused.
import PDFDocument from 'pdfkit';
import { HAZARD_LEVEL_TEXT } from '../../../shared/hazard-labels';
import type { PrescriptionItem } from '../../../shared/schemas/experts';
import { CjkFont } from '../files/cjk-font';
import { requirementText, wrap } from '../hazards/hazard-notice';

const PAGE = { w: 595.28, h: 841.89, margin: 50 };
const WIDTH = PAGE.w - 2 * PAGE.margin;
const ASCENT = 0.88;

export interface PrescriptionInput {
  number: string;
  enterpriseName: string;
  expertName: string;
  expertTitle: string | null;
  visitedOn: string;
  purpose: string;
  items: PrescriptionItem[];
  advice: string | null;
  followUp: string | null;
  issuedOn: string;
}

export function renderPrescription(input: PrescriptionInput): Promise<Buffer> {
  const font = CjkFont.regular();
  const doc = new PDFDocument({ size: 'A4', margin: PAGE.margin, info: { Title: `整改处方 ${input.enterpriseName}`, Author: '安全互助' } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
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
  const room = (height: number): void => {
    if (y + height <= PAGE.h - PAGE.margin) return;
    doc.addPage();
    y = PAGE.margin;
  };
  const para = (text: string, size: number, opts: { label?: string; color?: string; indent?: number } = {}): void => {
    const indent = opts.indent ?? 0;
    const labelW = opts.label ? font.width(opts.label, size) : 0;
    const lead = size * 1.6;
    wrap(font, text || '—', size, WIDTH - indent - labelW).forEach((line, i) => {
      room(lead);
      if (i === 0 && opts.label) draw(opts.label, PAGE.margin + indent, y, size, '#333333');
      draw(line, PAGE.margin + indent + labelW, y, size, opts.color);
      y += lead;
    });
  };
  const rule = (): void => {
    doc.lineWidth(0.5).strokeColor('#BBBBBB').moveTo(PAGE.margin, y).lineTo(PAGE.margin + WIDTH, y).stroke();
    y += 8;
  };

  const title = '隐患整改处方';
  draw(title, PAGE.margin + (WIDTH - font.width(title, 22)) / 2, y, 22);
  y += 34;
  const sub = '专家上门“把脉问诊”';
  draw(sub, PAGE.margin + (WIDTH - font.width(sub, 11)) / 2, y, 11, '#555555');
  y += 22;
  draw(`编号：${input.number}`, PAGE.margin + WIDTH - font.width(`编号：${input.number}`, 9), y, 9, '#666666');
  y += 18;
  para(input.enterpriseName, 12, { label: '受检单位：' });
  para(input.expertTitle ? `${input.expertName}（${input.expertTitle}）` : input.expertName, 12, { label: '检查专家：' });
  para(input.visitedOn, 12, { label: '检查日期：' });
  para(input.purpose, 12, { label: '检查重点：' });
  y += 4;
  para(
    input.items.length
      ? `经现场检查，发现下列 ${input.items.length} 项事故隐患。现开具整改处方如下，请按处方意见和期限整改，整改完成后由专家复查验收。`
      : '经现场检查，未发现需要限期整改的事故隐患。请继续落实安全生产主体责任，保持日常巡查。',
    11,
  );
  y += 6;

  input.items.forEach((h, i) => {
    room(110);
    rule();
    draw(`处方 ${i + 1}`, PAGE.margin, y, 13, h.level === 'major' ? '#C0392B' : '#000000');
    const tag = `${HAZARD_LEVEL_TEXT[h.level]}隐患`;
    draw(tag, PAGE.margin + WIDTH - font.width(tag, 10), y + 2, 10, '#555555');
    y += 24;
    para(h.place ?? '—', 11, { label: '部位：', indent: 10 });
    para(h.description, 11, { label: '隐患：', indent: 10 });
    para(h.advice ?? requirementText({ level: h.level, fixMode: h.fixMode, deadline: h.deadline, planDueOn: null }), 11, { label: '专家意见：', indent: 10 });
    para(h.deadline, 11, { label: '整改期限：', indent: 10 });
    y += 4;
  });

  room(120);
  rule();
  draw('总体意见', PAGE.margin, y, 13);
  y += 22;
  para(input.advice ?? '—', 11, { indent: 10 });
  if (input.followUp) para(input.followUp, 11, { label: '后续跟踪：', indent: 10 });

  room(110);
  y += 24;
  const half = WIDTH / 2;
  draw('检查专家（签字）：', PAGE.margin, y, 12);
  draw('受检单位负责人（签收）：', PAGE.margin + half, y, 12);
  y += 34;
  doc.lineWidth(0.7).strokeColor('#000000');
  doc.moveTo(PAGE.margin, y).lineTo(PAGE.margin + half - 30, y).stroke();
  doc.moveTo(PAGE.margin + half, y).lineTo(PAGE.margin + WIDTH, y).stroke();
  y += 24;
  const issued = `开具日期：${input.issuedOn}`;
  draw(issued, PAGE.margin + WIDTH - font.width(issued, 10), y, 10, '#555555');
  doc.end();
  return done;
}
