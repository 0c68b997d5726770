// The rectification prescription (整改处方) of an expert visit as an A4 PDF (cjk-page.ts: outlines with searchable
// text). Hazards without the expert's own advice carry the standard requirement of the rectification notice.
import { HAZARD_LEVEL_TEXT } from '../../../shared/hazard-labels';
import type { PrescriptionItem } from '../../../shared/schemas/experts';
import { requirementText } from '../hazards/hazard-notice';
import { CjkPage } from './cjk-page';

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
  const p = new CjkPage(`整改处方 ${input.enterpriseName}`);
  p.centred('隐患整改处方', 22, 34);
  p.centred('专家上门“把脉问诊”', 11, 22, '#555555');
  p.right(`编号：${input.number}`, 9, '#666666');
  p.y += 18;
  p.para(input.enterpriseName, 12, { label: '受检单位：' });
  p.para(input.expertTitle ? `${input.expertName}（${input.expertTitle}）` : input.expertName, 12, { label: '检查专家：' });
  p.para(input.visitedOn, 12, { label: '检查日期：' });
  p.para(input.purpose, 12, { label: '检查重点：' });
  p.y += 4;
  p.para(
    input.items.length
      ? `经现场检查，发现下列 ${input.items.length} 项事故隐患。现开具整改处方如下，请按处方意见和期限整改，整改完成后由专家复查验收。`
      : '经现场检查，未发现需要限期整改的事故隐患。请继续落实安全生产主体责任，保持日常巡查。',
    11,
  );
  p.y += 6;

  input.items.forEach((h, i) => {
    p.room(110);
    p.rule();
    p.draw(`处方 ${i + 1}`, p.left, p.y, 13, h.level === 'major' ? '#C0392B' : '#000000');
    p.right(`${HAZARD_LEVEL_TEXT[h.level]}隐患`, 10, '#555555', 2);
    p.y += 24;
    p.para(h.place ?? '—', 11, { label: '部位：', indent: 10 });
    p.para(h.description, 11, { label: '隐患：', indent: 10 });
    p.para(h.advice ?? requirementText({ level: h.level, fixMode: h.fixMode, deadline: h.deadline, planDueOn: null }), 11, { label: '专家意见：', indent: 10 });
    p.para(h.deadline, 11, { label: '整改期限：', indent: 10 });
    p.y += 4;
  });

  p.room(120);
  p.rule();
  p.draw('总体意见', p.left, p.y, 13);
  p.y += 22;
  p.para(input.advice ?? '—', 11, { indent: 10 });
  if (input.followUp) p.para(input.followUp, 11, { label: '后续跟踪：', indent: 10 });

  p.room(110);
  p.y += 24;
  p.signatures('检查专家（签字）：', '受检单位负责人（签收）：');
  p.right(`开具日期：${input.issuedOn}`, 10, '#555555');
  return p.end();
}
