import { checkCreate, checkUpdate, detailsFormOf, detailsOf, emptyBasics, emptyDetails } from './activity-form';

const coop = 'c0a80101-0000-4000-8000-000000000001';
const basics = { ...emptyBasics(new Date('2026-12-07T02:00:00Z')), cooperativeId: coop, title: '周例会', place: '会议室', hostName: '李建国' };

describe('the activity form', () => {
  it('starts tomorrow (Beijing) at 14:00 and sends Beijing instants', () => {
    expect(emptyBasics(new Date('2026-12-07T17:00:00Z')).date).toBe('2026-12-09');
    const ok = checkCreate({ ...basics, end: '16:00' }, emptyDetails(), [], '');
    expect(ok).toMatchObject({ ok: true, body: { startsAt: '2026-12-08T14:00:00+08:00', endsAt: '2026-12-08T16:00:00+08:00', details: null } });
  });

  it('an end before the start, an empty title and a drill without its plan are field errors in Chinese', () => {
    const bad = checkCreate({ ...basics, kind: 'drill', title: '', end: '09:00' }, emptyDetails(), [], '');
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.endsAt).toBe('结束时间不能早于开始时间');
    expect(bad.errors.title).toBe('请填写此项');
    expect(bad.errors['details.emergencyPlan']).toBe('请填写所演练的应急预案');
    expect(checkCreate({ ...basics, cooperativeId: '' }, emptyDetails(), [], '')).toMatchObject({ ok: false, errors: { cooperativeId: '请选择合作社' } });
  });

  it('a meeting keeps only the written decisions and follow-ups; nothing written is no record', () => {
    expect(detailsOf('meeting', emptyDetails())).toBeNull();
    const d = { ...emptyDetails(), decisions: ['', '每周三例会'], followUps: [{ text: '换灯具', owner: '', dueOn: '' }, { text: ' ', owner: '王', dueOn: '2026-12-20' }] };
    expect(detailsOf('meeting', d)).toEqual({ kind: 'meeting', minutes: '', decisions: ['每周三例会'], followUps: [{ text: '换灯具', owner: '', dueOn: null }] });
    expect(detailsOf('study', { ...emptyDetails(), outline: '第一章' })).toEqual({ kind: 'study', outline: '第一章' });
  });

  it('completing a record starts from the saved one and sends it back through the update schema', () => {
    const saved = { kind: 'meeting' as const, minutes: '纪要', decisions: ['甲'], followUps: [{ text: '乙', owner: '丙', dueOn: '2026-12-20' }] };
    const form = detailsFormOf(saved);
    expect(form.followUps).toEqual([{ text: '乙', owner: '丙', dueOn: '2026-12-20' }]);
    expect(checkUpdate('meeting', form, ['f1'], '说明')).toEqual({ ok: true, body: { description: '说明', materialIds: ['f1'], details: saved } });
  });
});
