import { checkTemplateData } from '../server/src/wechat/simulator/keywords';
import {
  DEFAULT_PUSH_TEMPLATES,
  PUSH_TOPICS,
  SUBSCRIBE_PROMPTS,
  TOPIC_OF_KIND,
  firstDate,
  fitKeyword,
  formatDate,
  formatTime,
  parsePushTemplates,
  pushData,
  pushPage,
  templateFor,
} from './push-templates';
import { NOTIFICATION_KINDS } from './schemas/notifications';

// 2026-12-06 17:05 UTC = 2026-12-07 01:05 in Shanghai
const AT = new Date('2026-12-06T17:05:00Z');

describe('keyword formatting (WECHAT.md rules: truncate, never fail)', () => {
  it('thing: at most 20 characters, an ellipsis where cut, no newlines or control characters', () => {
    const long = '储罐区静电接地线断开且未设置警示标志，需立即整改并复查全部接地点';
    const v = fitKeyword('thing1', long);
    expect([...v]).toHaveLength(20);
    expect(v.endsWith('…')).toBe(true);
    expect(v.startsWith('储罐区静电接地线断开')).toBe(true);
    expect(fitKeyword('thing2', '第一行\n第二行\t\u0007结束\u202e')).toBe('第一行 第二行 结束');
    expect(fitKeyword('thing3', '短')).toBe('短');
    expect(fitKeyword('thing3', ' \n ')).toBe('无');
    // astral characters count as one each and are never split in half
    expect([...fitKeyword('thing1', '𠀀'.repeat(30))]).toHaveLength(20);
  });

  it('phrase: Chinese characters only, at most 5', () => {
    expect(fitKeyword('phrase4', '待整改')).toBe('待整改');
    expect(fitKeyword('phrase4', '已逾期 7 天!')).toBe('已逾期天');
    expect(fitKeyword('phrase4', '重大隐患立即督办')).toBe('重大隐患立');
    expect(fitKeyword('phrase4', 'OK')).toBe('通知');
  });

  it('name, number, character_string, letter, phone_number, amount', () => {
    expect(fitKeyword('name1', '欧阳·张三丰李四王五赵六钱七')).toBe('欧阳·张三丰李四王五');
    expect(fitKeyword('name1', 'Zhang San 123')).toBe('Zhang San');
    expect(fitKeyword('number2', '共 12.5 吨')).toBe('12.5');
    expect(fitKeyword('character_string3', 'AB-12 中文 ✓')).toBe('AB-12');
    expect(fitKeyword('letter4', 'abc123')).toBe('abc');
    expect(fitKeyword('phone_number5', '电话 0571-8888 8888')).toBe('0571-8888 8888');
    expect(fitKeyword('amount6', '1,200.50 元')).toBe('¥1200.50');
  });

  it('time and date in Shanghai time, in forms WeChat accepts', () => {
    expect(formatTime(AT)).toBe('2026-12-07 01:05');
    expect(formatDate(AT)).toBe('2026年12月7日');
    expect(formatDate('2026-03-09')).toBe('2026年3月9日');
    expect(firstDate('须于 2026-12-10 前整改完成')).toBe('2026-12-10');
    expect(firstDate('期限 2026-02-30')).toBeNull();
    expect(firstDate('没有日期')).toBeNull();
  });

  it.each(NOTIFICATION_KINDS)('every kind (%s) maps onto a template whose data passes the simulator’s keyword rules', (kind) => {
    const t = templateFor(DEFAULT_PUSH_TEMPLATES, kind);
    expect(t?.topic).toBe(TOPIC_OF_KIND[kind]);
    const data = pushData(t!, {
      kind,
      title: '隐患逾期未整改：甲镇一号食品厂的储罐区静电接地断开\n（第二次提醒）',
      body: '「甲镇一号食品厂」的隐患「储罐区静电接地断开，警示标志缺失，消防通道堵塞」已超过整改期限 2026-12-01（逾期 6 天）。\u0000',
      createdAt: AT,
    });
    expect(Object.keys(data).sort()).toEqual(Object.keys(t!.keywords).sort());
    expect(checkTemplateData(data)).toBeNull();
  });

  it('a date keyword carries the day the notice names (the deadline), a time keyword the notice’s own time', () => {
    const deadline = DEFAULT_PUSH_TEMPLATES.find((t) => t.topic === 'deadline')!;
    const data = pushData(deadline, { kind: 'hazard_reminder', title: '整改期限临近', body: '隐患「灭火器」须于 2026-12-10 前整改完成，还剩 3 天。', createdAt: AT });
    expect(data).toEqual({
      thing1: { value: '整改期限临近' },
      date2: { value: '2026年12月10日' },
      thing3: { value: '隐患「灭火器」须于 2026-12-1…' },
      phrase4: { value: '待整改' },
    });
    const notice = DEFAULT_PUSH_TEMPLATES.find((t) => t.topic === 'notice')!;
    expect(pushData(notice, { kind: 'notice_published', title: '关于冬季防火的通知', body: '请各成员企业于 2026-12-20 前自查。', createdAt: AT }).time3).toEqual({ value: '2026-12-07 01:05' });
  });
});

describe('PUSH_TEMPLATES', () => {
  it('defaults: one template per topic, distinct ids', () => {
    const r = parsePushTemplates(undefined);
    if (!('templates' in r)) throw new Error('expected templates');
    expect(r.templates.map((t) => t.topic)).toEqual([...PUSH_TOPICS]);
    expect(new Set(r.templates.map((t) => t.templateId)).size).toBe(PUSH_TOPICS.length);
  });

  it('topic → id, or {id, label, keywords}; topics left out keep their defaults', () => {
    const r = parsePushTemplates(JSON.stringify({ deadline: 'AbC-123_xyz', notice: { id: 'N1', label: '公告', keywords: { thing5: 'title', time6: 'time' } } }));
    if (!('templates' in r)) throw new Error(JSON.stringify(r));
    expect(r.templates.find((t) => t.topic === 'deadline')).toMatchObject({ templateId: 'AbC-123_xyz', label: '整改期限提醒' });
    expect(r.templates.find((t) => t.topic === 'notice')).toEqual({ topic: 'notice', templateId: 'N1', label: '公告', keywords: { thing5: 'title', time6: 'time' } });
    expect(r.templates.find((t) => t.topic === 'activity')?.templateId).toBe('demo-tmpl-activity');
  });

  it.each([
    ['not json', '{', /not valid JSON/],
    ['an array', '[]', /JSON object/],
    ['an unknown topic', '{"party":"x"}', /unknown topic party/],
    ['an empty id', '{"deadline":""}', /empty template id/],
    ['bad keywords', '{"deadline":{"id":"x","keywords":{"thing1":"colour"}}}', /keywords must map/],
    ['one id twice', '{"deadline":"same","overdue":"same"}', /share one template id/],
  ])('refuses %s with a message', (_, raw, message) => {
    const r = parsePushTemplates(raw);
    expect('errors' in r && r.errors.join('; ')).toMatch(message);
  });
});

describe('pushPage', () => {
  it('opens the hazard or inspection the notice links to, else the inbox; never a leading slash', () => {
    expect(pushPage('/hazards/3f2a-11')).toBe('packages/hazard/pages/detail/index?id=3f2a-11');
    expect(pushPage('/inspections/abc')).toBe('packages/inspect/pages/detail/index?id=abc');
    expect(pushPage(null)).toBe('packages/inbox/pages/index/index');
    expect(pushPage('/notices/9')).toBe('packages/notices/pages/detail/index?id=9');
    expect(pushPage('/activities/a-1')).toBe('packages/calendar/pages/detail/index?id=a-1');
    expect(pushPage('/expert-visits/v-2')).toBe('packages/experts/pages/visit/index?id=v-2');
    expect(pushPage('/cooperatives/9')).toBe('packages/inbox/pages/index/index');
    expect(pushPage('/hazards/x y')).toBe('packages/inbox/pages/index/index');
  });
});

describe('SUBSCRIBE_PROMPTS', () => {
  it('asks for at most 3 known topics per tap, and every topic is asked for somewhere', () => {
    const asked = new Set<string>();
    for (const topics of Object.values(SUBSCRIBE_PROMPTS)) {
      expect(topics.length).toBeGreaterThanOrEqual(1);
      expect(topics.length).toBeLessThanOrEqual(3);
      for (const t of topics) asked.add(t);
    }
    expect([...asked].sort()).toEqual([...PUSH_TOPICS].sort());
  });
});
