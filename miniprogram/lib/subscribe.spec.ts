jest.mock('@tarojs/taro', () => ({}));
jest.mock('../services/push', () => ({}));
// (jest hoists the mocks above the import)
import { acceptedIds, idsFor } from './subscribe';

const subs = {
  hasWechat: true,
  items: [
    { topic: 'notice' as const, templateId: 't-notice', label: '通知公告', enabled: true, remaining: 0, willNotify: false },
    { topic: 'activity' as const, templateId: 't-act', label: '活动', enabled: false, remaining: 0, willNotify: false },
    { topic: 'inspection' as const, templateId: 't-insp', label: '检查', enabled: true, remaining: 1, willNotify: true },
    { topic: 'deadline' as const, templateId: 't-dl', label: '期限', enabled: true, remaining: 0, willNotify: false },
  ],
};

describe('subscribe prompts', () => {
  it('asks only for the moment’s topics that the person has switched on', () => {
    expect(idsFor('joined', subs)).toEqual(['t-notice', 't-insp']);
    expect(idsFor('activity_signed_in', subs)).toEqual([]);
    expect(idsFor('rectification_submitted', subs)).toEqual(['t-dl']);
  });
  it('reports only the ids answered accept', () => {
    expect(acceptedIds({ errMsg: 'requestSubscribeMessage:ok', 't-notice': 'accept', 't-insp': 'reject' }, ['t-notice', 't-insp'])).toEqual(['t-notice']);
    expect(acceptedIds({ 't-notice': 'ban' }, ['t-notice'])).toEqual([]);
  });
});
