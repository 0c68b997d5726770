// Study materials and an emergency plan for the demo's activities: small real PDFs in the file store, so the
// activity screens open something. Keys come from the title: seeding again rewrites the same file.
import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { CjkPage } from '../experts/cjk-page';
import { LocalFileStore } from '../files/file-store';
import { StoredFileEntity } from '../files/stored-file.entity';

export interface DemoMaterial {
  title: string;
  sections: [heading: string, text: string][];
}

export async function demoMaterial(em: EntityManager, filesDir: string, uploaderId: string, m: DemoMaterial): Promise<string> {
  const p = new CjkPage(m.title);
  p.centred(m.title, 18, 36);
  for (const [heading, text] of m.sections) {
    p.room(60);
    p.draw(heading, p.left, p.y, 13);
    p.y += 22;
    p.para(text, 11, { indent: 10 });
    p.y += 8;
  }
  const pdf = await p.end();
  const key = createHash('md5').update(`demo-material:${m.title}`).digest('hex');
  await new LocalFileStore(filesDir).put(key, pdf);
  const row = em.getRepository(StoredFileEntity).create({
    id: randomUUID(), storageKey: key, thumbKey: null, mime: 'application/pdf', size: pdf.length, width: null, height: null,
    uploadedById: uploaderId, enterpriseId: null, workshopId: null, inspectionId: null,
  });
  await em.getRepository(StoredFileEntity).insert(row);
  return row.id;
}

export const DEMO_MATERIALS: DemoMaterial[] = [
  {
    title: '《中华人民共和国安全生产法》学习要点',
    sections: [
      ['一、生产经营单位的主体责任', '生产经营单位的主要负责人是本单位安全生产第一责任人，对本单位的安全生产工作全面负责。应当建立健全全员安全生产责任制，组织制定并实施安全生产规章制度和操作规程。'],
      ['二、隐患排查治理', '生产经营单位应当建立安全风险分级管控和隐患排查治理双重预防工作机制，采取技术、管理措施，及时发现并消除事故隐患。事故隐患排查治理情况应当如实记录，并通过职工大会或者职工代表大会、信息公示栏等方式向从业人员通报。'],
      ['三、从业人员的权利和义务', '从业人员有权了解其作业场所和工作岗位存在的危险因素、防范措施及事故应急措施；应当接受安全生产教育和培训，掌握本职工作所需的安全生产知识。'],
    ],
  },
  {
    title: '日照市溶解乙炔气厂生产安全事故应急预案（演练版）',
    sections: [
      ['一、适用范围', '本预案适用于本厂充装间、瓶库发生乙炔泄漏、火灾、爆炸等生产安全事故的应急处置。'],
      ['二、应急组织', '总指挥：厂长；副总指挥：安全员；下设警戒疏散组、抢险组、医疗救护组、后勤保障组。'],
      ['三、处置程序', '发现泄漏立即报告，切断气源，停止充装，熄灭一切火源，开启通风；警戒组设置 30 米警戒区疏散无关人员；如发生火灾，使用干粉灭火器扑救初期火灾并拨打 119，冷却周边气瓶。'],
      ['四、演练要求', '每半年至少组织一次综合演练，演练后进行评估，修订预案。'],
    ],
  },
  {
    title: '食品加工企业粉尘与燃气安全经验交流材料',
    sections: [
      ['一、油炸车间燃气管理', '燃气管道加装可燃气体报警器并与紧急切断阀联锁，每班开工前检查软管和接头，严禁私接燃具。'],
      ['二、冷库安全', '冷库门内侧设置应急开门装置和呼救按钮，进库作业两人同行，定期检查制冷剂管路。'],
      ['三、有限空间', '清洗罐、污水池等有限空间建立清单，作业前审批，先通风、再检测、后作业。'],
    ],
  },
];
