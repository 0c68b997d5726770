import type { EntityManager } from 'typeorm';
import type { RiskLevel } from '../../../shared/enums';
import { computeLec } from '../../../shared/lec';
import { EnterpriseEntity } from '../org/enterprise.entity';
import { newManualCode, newQrToken } from '../workshops/codes';
import { WorkshopEntity } from '../workshops/workshop.entity';

// Demo workshops / risk points per industry: name, location, and either LEC inputs or a level by hand.
type DemoWorkshop = [name: string, location: string, lecOrLevel: [number, number, number] | RiskLevel];

const BY_INDUSTRY: Record<string, DemoWorkshop[]> = {
  工业气体: [
    ['乙炔发生车间', '厂区北侧甲类厂房', [3, 6, 40]],
    ['乙炔充装间', '充装台东侧', [3, 6, 15]],
    ['电石库', '厂区西北角', [1, 6, 40]],
    ['气瓶检验间', '厂区南侧', [3, 3, 7]],
    ['配电室', '办公楼东侧', [1, 6, 7]],
  ],
  危险化学品: [
    ['危化品仓库', '院内东侧', [3, 6, 15]],
    ['装卸区', '大门内侧', [3, 3, 7]],
  ],
  食品加工: [
    ['原料库', '一号厂房西侧', 'blue'],
    ['加工车间', '一号厂房', [3, 6, 7]],
    ['冷库及制冷机房', '厂区北侧', [1, 6, 40]],
    ['锅炉房', '厂区东南角', [1, 6, 15]],
    ['包装车间', '二号厂房', 'blue'],
  ],
  机械加工: [
    ['机加工车间', '主厂房', [3, 6, 7]],
    ['焊接区', '主厂房东跨', [3, 6, 7]],
    ['油品存放间', '厂区西侧', 'yellow'],
  ],
  木材加工: [
    ['锯切车间', '一号厂房', [6, 6, 7]],
    ['喷漆房', '二号厂房北侧', [3, 6, 15]],
    ['除尘系统', '厂房外侧', [3, 3, 15]],
    ['成品库', '三号厂房', 'blue'],
  ],
  玩具制造: [
    ['注塑车间', '一号厂房', [3, 6, 3]],
    ['手工组装车间', '二号厂房二楼', 'yellow'],
    ['成品仓库', '三号厂房', 'blue'],
  ],
  纺织服装: [
    ['缝纫车间', '主楼二层', [3, 6, 3]],
    ['裁剪车间', '主楼一层', 'yellow'],
    ['布料仓库', '主楼三层', [1, 6, 15]],
    ['配电室', '主楼北侧', 'yellow'],
  ],
  塑料制品: [
    ['挤出车间', '一号厂房', [3, 6, 7]],
    ['原料仓库', '二号厂房', 'yellow'],
  ],
  金属制品: [
    ['冲压车间', '一号厂房', [6, 6, 7]],
    ['焊接车间', '二号厂房', [3, 6, 7]],
    ['行车及吊装区', '一号厂房西跨', [3, 3, 15]],
    ['成品堆场', '厂区东侧', 'blue'],
  ],
  印刷包装: [
    ['印刷车间', '一号厂房', [3, 6, 7]],
    ['油墨溶剂库', '厂区西北角', [3, 6, 15]],
    ['模切车间', '二号厂房', 'yellow'],
  ],
  建材: [
    ['破碎筛分车间', '采区南侧', [3, 6, 7]],
    ['搅拌站', '厂区中部', 'yellow'],
  ],
  仓储物流: [
    ['一号仓库', '园区东侧', [1, 6, 15]],
    ['叉车充电区', '一号仓库北侧', 'yellow'],
    ['装卸平台', '一号仓库西侧', [3, 6, 3]],
  ],
};
const FALLBACK: DemoWorkshop[] = [
  ['生产车间', '主厂房', 'yellow'],
  ['仓库', '厂区东侧', 'blue'],
  ['配电室', '厂区北侧', 'yellow'],
];

/** Every demo enterprise gets 2–6 workshops with QR tokens and manual codes (the list for its industry). */
export async function seedDemoWorkshops(em: EntityManager): Promise<number> {
  const enterprises = await em.getRepository(EnterpriseEntity).find({ order: { createdAt: 'ASC', id: 'ASC' } });
  const used = new Set<string>();
  const code = (): string => {
    let c = newManualCode();
    while (used.has(c)) c = newManualCode();
    used.add(c);
    return c;
  };
  const rows: Partial<WorkshopEntity>[] = [];
  enterprises.forEach((e, i) => {
    const list = BY_INDUSTRY[e.industry] ?? FALLBACK;
    // Vary the count a little between enterprises of one industry (at least 2, at most 6).
    const count = Math.max(2, Math.min(6, list.length - (i % 2)));
    for (const [name, location, spec] of list.slice(0, count)) {
      const lec = Array.isArray(spec) ? { l: spec[0], e: spec[1], c: spec[2] } : null;
      rows.push({
        enterpriseId: e.id,
        name,
        location,
        responsiblePerson: e.contactName,
        riskLevel: lec ? computeLec(lec).level : (spec as RiskLevel),
        lecL10: lec ? Math.round(lec.l * 10) : null,
        lecE10: lec ? Math.round(lec.e * 10) : null,
        lecC: lec ? lec.c : null,
        qrToken: newQrToken(),
        manualCode: code(),
      });
    }
  });
  const repo = em.getRepository(WorkshopEntity);
  for (let i = 0; i < rows.length; i += 100) await repo.save(rows.slice(i, i + 100).map((r) => repo.create(r)));
  return rows.length;
}
