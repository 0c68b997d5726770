import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { creditCodeCheckChar } from '../../../shared/credit-code';
import { hashPassword } from '../auth/password';
import { AppConfig } from '../config/config';
import { CooperativeEntity } from '../org/cooperative.entity';
import { EnterpriseEntity } from '../org/enterprise.entity';
import { MembershipEntity } from '../org/membership.entity';
import { RegionEntity } from '../org/region.entity';
import { RoleGrantEntity } from '../users/role-grant.entity';
import { UserEntity } from '../users/user.entity';
import { PushSubscriptionEntity } from '../push/push-subscription.entity';
import { seedDemoCalendar } from './calendar.demo';
import { seedDemoInspections } from './inspections.demo';
import {
  DEMO_DISTRICT,
  DEMO_PASSWORD,
  DEMO_TOWNS,
  type DemoEnterprise,
  TAOLUO_LEAD,
  TAOLUO_MEMBERS,
  XIHU_LEAD,
  XIHU_MEMBERS,
} from './demo.data';
import { seedDemoWorkshops } from './workshops.demo';

/** A valid unified social credit code for demo enterprise n (the check digit is computed, not faked). */
export function demoCreditCode(n: number): string {
  const first17 = `91371102MA${String(3000000 + n).padStart(7, '0')}`;
  return first17 + (creditCodeCheckChar(first17) as string);
}

/** Seeds the demo district on an empty database, in embedded/demo mode only (never in production). */
@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoSeeder');

  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demo) return;
    if ((await this.db.getRepository(UserEntity).count()) > 0) return;
    const hash = await hashPassword(DEMO_PASSWORD);
    await this.db.transaction((em) => this.seed(em, hash));
    this.logger.log('demo data seeded');
  }

  private async seed(em: EntityManager, passwordHash: string): Promise<void> {
    const regions = em.getRepository(RegionEntity);
    const district = await regions.save(regions.create({ name: DEMO_DISTRICT, level: 'district', parentId: null }));
    const towns = new Map<string, RegionEntity>();
    for (const name of DEMO_TOWNS) {
      towns.set(name, await regions.save(regions.create({ name, level: 'town', parentId: district.id })));
    }
    let n = 0;
    const coop = async (name: string, town: string, industry: string, foundedOn: string, lead: DemoEnterprise, members: DemoEnterprise[]) => {
      const regionId = (towns.get(town) as RegionEntity).id;
      const c = await em.getRepository(CooperativeEntity).save({ name, regionId, industry, foundedOn, leadEnterpriseId: null, description: `${town}小微企业安全生产互助合作社，龙头企业带动、互查互学。` });
      const ids: string[] = [];
      for (const [i, e] of [lead, ...members].entries()) {
        n += 1;
        const phone = `1356330${String(1000 + n).padStart(4, '0')}`;
        const ent = await em.getRepository(EnterpriseEntity).save({ ...e, creditCode: demoCreditCode(n), contactPhone: phone, regionId });
        // Members joined over the cooperative's first months.
        const since = i === 0 ? foundedOn : `${foundedOn.slice(0, 4)}-${String(4 + (i % 8)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}`;
        await em.getRepository(MembershipEntity).insert({ cooperativeId: c.id, enterpriseId: ent.id, since });
        ids.push(ent.id);
      }
      await em.getRepository(CooperativeEntity).update({ id: c.id }, { leadEnterpriseId: ids[0] });
      return { coopId: c.id, enterpriseIds: ids };
    };
    const xihu = await coop('西湖镇安全生产互助合作社', '西湖镇', '综合（镇域）', '2023-03-15', XIHU_LEAD, XIHU_MEMBERS);
    await coop('涛雒镇海产品加工安全生产互助合作社', '涛雒镇', '食品加工', '2024-05-20', TAOLUO_LEAD, TAOLUO_MEMBERS);
    await seedDemoWorkshops(em);

    const user = async (username: string, name: string, grants: Partial<RoleGrantEntity>[]) => {
      const u = await em.getRepository(UserEntity).save({ username, name, passwordHash, openid: null, unionid: null });
      for (const g of grants) {
        await em.getRepository(RoleGrantEntity).insert({ userId: u.id, cooperativeId: null, enterpriseId: null, regionId: null, ...g });
      }
    };
    await user('demo-admin', '平台管理员', [{ role: 'admin' }]);
    await user('demo-lead', '焦自祥', [
      { role: 'coop_admin', cooperativeId: xihu.coopId },
      { role: 'member', cooperativeId: xihu.coopId, enterpriseId: xihu.enterpriseIds[0] },
    ]);
    await user('demo-member', '焦淑富', [{ role: 'member', cooperativeId: xihu.coopId, enterpriseId: xihu.enterpriseIds[1] }]);
    await user('demo-expert', '孙安平（安全专家）', [{ role: 'expert', regionId: district.id }]);
    await user('demo-supervisor', '东港区应急管理局 王科长', [{ role: 'supervisor', regionId: district.id }]);
    await seedDemoInspections(em, xihu.coopId, xihu.enterpriseIds, new Date());
    await seedDemoCalendar(em, xihu.coopId, xihu.enterpriseIds, new Date(), this.config.filesDir);
    // demo-member accepted WeChat reminders for deadlines (three taps) and notices (one), not the rest
    const member = await em.getRepository(UserEntity).findOneByOrFail({ username: 'demo-member' });
    const accepted: Partial<Record<string, number>> = { deadline: 3, notice: 1 };
    await em.getRepository(PushSubscriptionEntity).insert(
      this.config.push.templates.filter((t) => accepted[t.topic]).map((t) => ({ userId: member.id, templateId: t.templateId, quota: accepted[t.topic] ?? 0, enabled: true })),
    );
  }
}
