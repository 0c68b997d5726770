// The demo cooperative's calendar year (the story's counters): 22 study sessions, 11 experience exchanges, topic
// teaching, weekly meetings with minutes, 3 drills with their emergency plan, all with invitees, attendance and
// materials; expert visits with prescriptions (calendar-experts.demo.ts); notices some members have not confirmed;
// what is coming next in demo-member's inbox. Rows go in with bulk inserts.
import { randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ActivityDetails, ActivityKind } from '../../../shared/schemas/activities';
import { ACTIVITY_KIND_LABELS } from '../../../shared/schemas/activities';
import { ActivityCheckinEntity, ActivityEntity, ActivityInviteeEntity } from '../activities/activity.entity';
import { beijingTime } from '../activities/activities.service';
import { type MemberPerson, insertInSlices, memberPeople } from '../notices/member-people';
import { NoticeAckEntity, NoticeEntity, NoticeRecipientEntity } from '../notices/notice.entity';
import { NotificationEntity } from '../notifications/notification.entity';
import { CooperativeEntity } from '../org/cooperative.entity';
import { RegionEntity } from '../org/region.entity';
import { UserEntity } from '../users/user.entity';
import { seedDemoExpertVisits } from './calendar-experts.demo';
import { DEMO_MATERIALS, demoMaterial } from './calendar-material';

const DAY = 86_400_000;
export const DEMO_ACTIVITY_COUNTS: Record<ActivityKind, number> = { study: 22, teaching: 4, exchange: 11, meeting: 8, drill: 3 };

const STUDY = ['《安全生产法》第三次修正', '《工贸企业重大事故隐患判定标准》', '有限空间作业安全', '电气火灾防范', '危险化学品储存“五距”', '岗位安全操作规程', '事故案例警示教育', '动火作业管理'];
const EXCHANGE = ['食品企业燃气安全', '玩具厂粉尘与电气防火', '机械加工防护罩改造', '乙炔站充装规范', '冷库作业安全'];
const TEACHING = ['配电箱“一机一闸一漏”', '消防设施日常检查', '重大事故隐患判定', '隐患随手拍与闭环整改'];
const DRILLS: { title: string; plan: string; scenario: string; findings: string }[] = [
  { title: '乙炔气瓶泄漏着火应急演练', plan: '日照市溶解乙炔气厂生产安全事故应急预案', scenario: '充装间一只气瓶阀门泄漏并起火，现场人员报警、切断气源、疏散、扑救初期火灾', findings: '警戒区设置偏小；两名新员工不会使用推车式灭火器，已补训' },
  { title: '冷库人员被困与氨气泄漏演练', plan: '日照青亚食品有限公司冷库事故现场处置方案', scenario: '冷库门故障一名员工被困，同时制冷机房报警', findings: '冷库内应急开门装置标识不清；呼救按钮响应正常' },
  { title: '玩具厂仓库火灾疏散演练', plan: '日照乐童玩具厂火灾事故专项应急预案', scenario: '成品仓库纸箱起火，全员 3 分钟内疏散至集合点', findings: '疏散用时 2 分 40 秒；二楼一处疏散指示灯不亮，已更换' },
];

/** A small deterministic generator: the same demo every time. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type NotificationRow = Partial<NotificationEntity> & Pick<NotificationEntity, 'userId' | 'kind' | 'title' | 'body' | 'link' | 'dedupeKey' | 'createdAt'>;
const note = (r: NotificationRow, readAt: Date | null) => ({ id: randomUUID(), pushStatus: 'skipped' as const, pushAttempts: 0, pushedAt: null, ...r, readAt });

export async function seedDemoCalendar(em: EntityManager, coopId: string, enterpriseIds: string[], now: Date, filesDir: string): Promise<void> {
  const users = await em.getRepository(UserEntity).find();
  const userOf = (username: string) => users.find((u) => u.username === username) as UserEntity;
  const [lead, member, expert, supervisor] = ['demo-lead', 'demo-member', 'demo-expert', 'demo-supervisor'].map(userOf);
  const people = await memberPeople(em, [coopId]);
  const materials: string[] = [];
  for (const m of DEMO_MATERIALS) materials.push(await demoMaterial(em, filesDir, lead.id, m));
  await seedDemoActivities(em, coopId, now, people, { lead, member, expert }, materials);
  await seedDemoExpertVisits(em, coopId, enterpriseIds, now, { expert, lead });
  await seedDemoNotices(em, coopId, now, people, { lead, member, supervisor });
}

/** 14:00 Beijing on the day `daysAgo` days back (negative: ahead). */
const afternoon = (now: Date, daysAgo: number) => new Date(now.getTime() - daysAgo * DAY - (now.getTime() % DAY) + 6 * 3600_000);

async function seedDemoActivities(
  em: EntityManager, coopId: string, now: Date, people: MemberPerson[], who: { lead: UserEntity; member: UserEntity; expert: UserEntity }, materials: string[],
): Promise<void> {
  const rand = rng(909);
  const activities: ActivityEntity[] = [];
  const add = (kind: ActivityKind, daysAgo: number, title: string, extra: Partial<ActivityEntity> = {}) => {
    const startsAt = afternoon(now, daysAgo);
    activities.push(
      em.getRepository(ActivityEntity).create({
        id: randomUUID(), cooperativeId: coopId, kind, title, startsAt, endsAt: new Date(startsAt.getTime() + 2 * 3600_000), place: '西湖镇合作社会议室（日照市溶解乙炔气厂二楼）',
        hostName: who.lead.name, hostUserId: null, description: '', materialIds: [], details: null, organiserId: who.lead.id, checkinSecret: randomBytes(24).toString('hex'),
        createdAt: new Date(startsAt.getTime() - 7 * DAY), updatedAt: startsAt, ...extra,
      }),
    );
  };
  // The year behind: evenly spread, a few days apart by kind so they do not fall on one day.
  for (let n = 0; n < DEMO_ACTIVITY_COUNTS.study; n++) {
    const topic = STUDY[n % STUDY.length];
    add('study', 360 - n * 16, `集中学习：${topic}`, { materialIds: n % 3 === 0 ? [materials[0]] : [], details: { kind: 'study', outline: `学习${topic}的主要条款，结合本社近期隐患逐条对照。` } });
  }
  for (let n = 0; n < DEMO_ACTIVITY_COUNTS.exchange; n++) {
    const topic = EXCHANGE[n % EXCHANGE.length];
    add('exchange', 350 - n * 32, `经验交流：${topic}`, { place: '成员企业现场（轮流）', materialIds: [materials[2]], details: { kind: 'exchange', outline: `${topic}做法交流，现场观摩整改前后对比。` } });
  }
  for (let n = 0; n < DEMO_ACTIVITY_COUNTS.teaching; n++) {
    add('teaching', 300 - n * 80, `专题教：${TEACHING[n]}`, { hostName: who.expert.name, hostUserId: who.expert.id, details: { kind: 'teaching', outline: '专家结合本社共性隐患讲解，现场答疑。' } });
  }
  for (let n = 0; n < DEMO_ACTIVITY_COUNTS.meeting; n++) {
    const details: ActivityDetails = {
      kind: 'meeting',
      minutes: `通报本周日巡查情况和互查发现的隐患；讨论逾期未整改事项。`,
      decisions: ['逾期隐患由合作社管理员逐户督办', '下周互查按计划进行'],
      followUps: [{ text: '汇总本周共性隐患，提交专题教选题', owner: who.lead.name, dueOn: null }],
    };
    add('meeting', 56 - n * 7, `周例会（第 ${n + 1} 次）`, { details });
  }
  DRILLS.forEach((d, n) =>
    add('drill', [300, 180, 40][n], d.title, {
      place: n === 0 ? '日照市溶解乙炔气厂充装间' : '演练企业厂区',
      materialIds: n === 0 ? [materials[1]] : [],
      details: { kind: 'drill', emergencyPlan: d.plan, scenario: d.scenario, participants: '合作社成员企业安全员及员工', findings: d.findings },
    }),
  );
  // Coming up: next week's study, the weekly meeting, a drill.
  add('meeting', -2, '周例会（第 9 次）', { details: { kind: 'meeting', minutes: '', decisions: [], followUps: [] } });
  add('study', -5, '集中学习：岁末年初安全防范', { materialIds: [materials[0]] });
  add('drill', -12, '冬季燃气泄漏应急演练', { details: { kind: 'drill', emergencyPlan: '日照青亚食品有限公司燃气泄漏现场处置方案', scenario: '', participants: '', findings: '' } });
  await em.getRepository(ActivityEntity).insert(activities);

  const invitees = activities.flatMap((a) => people.map((p) => ({ id: randomUUID(), activityId: a.id, userId: p.userId, enterpriseId: p.enterpriseId })));
  await insertInSlices(em, ActivityInviteeEntity, invitees);
  // Most come; the demo member missed two study sessions.
  const past = activities.filter((a) => a.startsAt < now);
  const checkins = past.flatMap((a) =>
    people
      .filter((p) => rand() < 0.85 && !(p.userId === who.member.id && (a.title.endsWith(STUDY[2]) || a.title.endsWith(STUDY[5]))))
      .map((p) => ({ id: randomUUID(), activityId: a.id, userId: p.userId, enterpriseId: p.enterpriseId, at: new Date(a.startsAt.getTime() - Math.floor(rand() * 15) * 60_000) })),
  );
  await insertInSlices(em, ActivityCheckinEntity, checkins);
  // Invitations in the inbox: what is coming (unread) and the last two (read).
  const told = [...activities.filter((a) => a.startsAt >= now), ...past.slice(-2)];
  await insertInSlices(
    em,
    NotificationEntity,
    told.flatMap((a) =>
      people.map((p) =>
        note(
          {
            userId: p.userId, kind: 'activity_invited', title: `${ACTIVITY_KIND_LABELS[a.kind]}邀请`,
            body: `${a.title}。时间：${beijingTime(a.startsAt)}，地点：${a.place}，${a.kind === 'meeting' ? '主持' : '主讲'}：${a.hostName}。请准时参加，到场扫码签到。`,
            link: `/activities/${a.id}`, dedupeKey: `activity_invited:${a.id}:${p.userId}`, createdAt: a.createdAt,
          },
          a.startsAt < now ? a.startsAt : null,
        ),
      ),
    ),
  );
}

async function seedDemoNotices(em: EntityManager, coopId: string, now: Date, people: MemberPerson[], who: { lead: UserEntity; member: UserEntity; supervisor: UserEntity }): Promise<void> {
  const { regionId } = await em.getRepository(CooperativeEntity).findOneByOrFail({ id: coopId });
  const town = await em.getRepository(RegionEntity).findOneByOrFail({ id: regionId });
  const others = people.filter((p) => p.userId !== who.member.id);
  // [title, body, publisher, daysAgo, to the district?, category, who has not confirmed, reminder rounds, version]
  const list: [string, string, UserEntity, number, boolean, NoticeEntity['category'], string[], number, number][] = [
    ['关于第三季度隐患排查治理情况的通报', '第三季度全社共排查隐患 126 项，已整改 119 项，整改率 94.4%。日照乐童玩具厂、日照西湖鑫源机械加工厂整改及时，予以通报表扬。', who.lead, 70, false, 'bulletin', [], 0, 1],
    ['关于开展冬季消防安全专项检查的通知', '各成员企业：\n请于 12 月 20 日前完成冬季消防安全自查，重点检查电气线路、取暖设备、疏散通道和灭火器材，自查记录通过“安全互助”日巡查提交。', who.lead, 25, false, 'notice', others.slice(-2).map((p) => p.userId), 1, 1],
    ['东港区应急管理局关于加强岁末年初安全防范工作的通知', '各镇街、各安全生产互助合作社：\n岁末年初是事故易发期。请各企业落实主要负责人带班检查，严禁“三合一”场所住人，严格动火、有限空间作业审批。\n（12 月 5 日更新：增加燃气使用安全检查要求。）', who.supervisor, 8, true, 'notice', [who.member.id, ...others.slice(0, 2).map((p) => p.userId)], 0, 2],
    ['关于召开第四季度安全生产例会的通知', '定于下周三下午 2 点在合作社会议室召开第四季度安全生产例会，请各成员企业主要负责人参加。', who.lead, 2, false, 'notice', [who.member.id, ...others.slice(1, 4).map((p) => p.userId)], 0, 1],
  ];
  const notices: NoticeEntity[] = [];
  const recipients: object[] = [];
  const acks: object[] = [];
  const inbox: object[] = [];
  for (const [title, body, publisher, daysAgo, toDistrict, category, pending, rounds, version] of list) {
    const publishedAt = new Date(now.getTime() - daysAgo * DAY);
    const n = em.getRepository(NoticeEntity).create({
      id: randomUUID(), category, title, body, attachmentIds: [], cooperativeId: toDistrict ? null : coopId, regionId: toDistrict ? (town.parentId ?? town.id) : null,
      publishedById: publisher.id, version, publishedAt, reminderRound: rounds, remindedAt: rounds ? new Date(publishedAt.getTime() + 3 * DAY) : null, createdAt: publishedAt, updatedAt: publishedAt,
    });
    notices.push(n);
    for (const p of people) {
      recipients.push({ id: randomUUID(), noticeId: n.id, userId: p.userId, enterpriseId: p.enterpriseId });
      const confirmed = !pending.includes(p.userId);
      const at = new Date(publishedAt.getTime() + (1 + (p.userId.charCodeAt(0) % 20)) * 3600_000);
      if (confirmed) acks.push({ id: randomUUID(), noticeId: n.id, userId: p.userId, version, at });
      const label = category === 'bulletin' ? '通报' : '通知';
      inbox.push(note({ userId: p.userId, kind: 'notice_published', title: version > 1 ? `${label}已更新，请重新确认` : `新${label}，请阅读确认`, body: title, link: `/notices/${n.id}`, dedupeKey: `notice_published:${n.id}:v${version}:${p.userId}`, createdAt: publishedAt }, confirmed ? at : null));
      for (let r = 1; r <= rounds && !confirmed; r++) {
        inbox.push(note({ userId: p.userId, kind: 'notice_reminder', title: `请确认${label}（第 ${r} 次提醒）`, body: title, link: `/notices/${n.id}`, dedupeKey: `notice_reminder:${n.id}:v${version}:r${r}:${p.userId}`, createdAt: new Date(publishedAt.getTime() + 3 * DAY) }, null));
      }
    }
  }
  await em.getRepository(NoticeEntity).insert(notices);
  await insertInSlices(em, NoticeRecipientEntity, recipients);
  await insertInSlices(em, NoticeAckEntity, acks);
  await insertInSlices(em, NotificationEntity, inbox);
}
