import { Picker, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { shanghaiDate } from '../../../../../shared/dates';
import { StateView } from '../../../../components/state-view';
import { useQuery } from '../../../../hooks/use-query';
import { ROUTES, withQuery } from '../../../../routes';
import { listChecklists } from '../../../../services/checklists';
import { listInspectorCandidates, scheduleMutual } from '../../../../services/inspections';
import { getCooperative, listEnterprises } from '../../../../services/org';
import { ApiError, toastError } from '../../../../services/request';
import { Button } from '../../components/nut';
import '../../../../components/form-field.scss';
import './index.scss';

interface Picked {
  userId: string;
  leader: boolean;
}

/** 安排互查 (coop admin): host enterprise, date, checklist, a group of ≥ 2 from other members with a leader, optional expert. */
export function SchedulePage() {
  const { params } = useRouter();
  const cooperativeId = params.cooperativeId ?? '';
  const [host, setHost] = useState('');
  const [date, setDate] = useState(() => shanghaiDate(new Date(Date.now() + 7 * 86400_000)));
  const [checklistId, setChecklistId] = useState('');
  const [group, setGroup] = useState<Picked[]>([]);
  const [expert, setExpert] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const query = useQuery(
    async () => {
      const [coop, members, checklists, people] = await Promise.all([
        getCooperative(cooperativeId),
        listEnterprises({ cooperativeId, pageSize: 100 }),
        listChecklists(cooperativeId),
        listInspectorCandidates(cooperativeId),
      ]);
      return { coop, members: members.items, checklists: checklists.items, people: people.items };
    },
    [cooperativeId],
    { enabled: !!cooperativeId },
  );
  const data = query.data;
  // the host's own people never inspect their own plant
  const candidates = (data?.people ?? []).filter((p) => p.role === 'member' && p.enterpriseId !== host);
  const experts = (data?.people ?? []).filter((p) => p.role === 'expert');

  const toggle = (userId: string) =>
    setGroup((g) => {
      if (g.some((p) => p.userId === userId)) {
        const rest = g.filter((p) => p.userId !== userId);
        // the leader left: the first remaining member leads
        return rest.length && !rest.some((p) => p.leader) ? rest.map((p, i) => ({ ...p, leader: i === 0 })) : rest;
      }
      return [...g, { userId, leader: g.length === 0 }];
    });
  const makeLeader = (userId: string) => setGroup((g) => g.map((p) => ({ ...p, leader: p.userId === userId })));

  const pickHost = (id: string) => {
    setHost(id);
    // people of the new host drop out of the group
    const hostPeople = new Set((data?.people ?? []).filter((p) => p.enterpriseId === id).map((p) => p.userId));
    setGroup((g) => {
      const rest = g.filter((p) => !hostPeople.has(p.userId));
      return rest.length && !rest.some((p) => p.leader) ? rest.map((p, i) => ({ ...p, leader: i === 0 })) : rest;
    });
  };

  const save = async () => {
    const errs: Record<string, string> = {};
    if (!host) errs.hostEnterpriseId = '请选择受检企业';
    if (!checklistId) errs.checklistId = '请选择检查表';
    if (group.length < 2) errs.inspectors = '检查组至少需要 2 人';
    setErrors(errs);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      const created = await scheduleMutual({
        type: 'mutual',
        cooperativeId,
        hostEnterpriseId: host,
        scheduledOn: date,
        checklistId,
        inspectors: group,
        ...(expert ? { expertUserId: expert } : {}),
      });
      void Taro.showToast({ title: '已安排，已通知检查组', icon: 'none' });
      void Taro.redirectTo({ url: withQuery(ROUTES.inspection, { id: created.id }) }).catch(() => undefined);
    } catch (e) {
      if (e instanceof ApiError) setErrors(e.fields);
      toastError(e);
    } finally {
      setBusy(false);
    }
  };

  const chip = (on: boolean, label: string, onClick: () => void, extra = '') => (
    <Text className={`schedule__chip${on ? ' schedule__chip--on' : ''} ${extra}`} onClick={onClick}>
      {label}
    </Text>
  );

  return (
    <View className='page schedule'>
      <StateView query={query} error={cooperativeId ? query.error : '缺少合作社参数'}>
        {data && (
          <View>
            <View className='card'>
              <Text className='card__title'>{data.coop.name}</Text>
              <Text className='card__meta'>安排一次成员企业互查：检查组由其他成员企业的人员组成（至少 2 人，1 名组长），受检企业自己的人员不能参加。</Text>
            </View>
            <View className={`field${errors.hostEnterpriseId ? ' field--invalid' : ''}`}>
              <Text className='field__label'>受检企业</Text>
              <View className='schedule__chips'>{data.members.map((m) => chip(host === m.id, m.name, () => pickHost(m.id), 'schedule__host'))}</View>
              {errors.hostEnterpriseId && <Text className='field__error'>{errors.hostEnterpriseId}</Text>}
            </View>
            <View className={`field${errors.scheduledOn ? ' field--invalid' : ''}`}>
              <Text className='field__label'>检查日期</Text>
              <Picker mode='date' value={date} start={shanghaiDate(new Date())} onChange={(e) => setDate(String(e.detail.value))}>
                <Text className='schedule__date'>{date}</Text>
              </Picker>
              {errors.scheduledOn && <Text className='field__error'>{errors.scheduledOn}</Text>}
            </View>
            <View className={`field${errors.checklistId ? ' field--invalid' : ''}`}>
              <Text className='field__label'>检查表</Text>
              <View className='schedule__chips'>
                {data.checklists.map((c) => chip(checklistId === c.id, `${c.name}（${c.itemCount} 项${c.cooperativeId ? ' · 本社' : ''}）`, () => setChecklistId(c.id), 'schedule__checklist'))}
              </View>
              {errors.checklistId && <Text className='field__error'>{errors.checklistId}</Text>}
            </View>
            <View className={`field${errors.inspectors ? ' field--invalid' : ''}`}>
              <Text className='field__label'>检查组（点选成员；再点“设为组长”）</Text>
              {!host && <Text className='card__meta'>先选择受检企业。</Text>}
              {host && candidates.length === 0 && <Text className='card__meta'>其他成员企业还没有可选的人员。</Text>}
              {host && (
                <View className='schedule__chips'>
                  {candidates.map((p) =>
                    chip(group.some((g) => g.userId === p.userId), `${p.name}${p.enterpriseName ? ` · ${p.enterpriseName}` : ''}`, () => toggle(p.userId), 'schedule__person'),
                  )}
                </View>
              )}
              {group.length > 0 && (
                <View>
                  <Text className='schedule__group'>已选 {group.length} 人：</Text>
                  <View className='schedule__chips'>
                    {group.map((g) => {
                      const p = data.people.find((x) => x.userId === g.userId);
                      return chip(false, `${p?.name ?? ''}${g.leader ? '（组长）' : ' 设为组长'}`, () => makeLeader(g.userId), g.leader ? 'schedule__chip--leader' : 'schedule__leader');
                    })}
                  </View>
                </View>
              )}
              {errors.inspectors && <Text className='field__error'>{errors.inspectors}</Text>}
            </View>
            {experts.length > 0 && (
              <View className='field'>
                <Text className='field__label'>专家（可选）</Text>
                <View className='schedule__chips'>{experts.map((p) => chip(expert === p.userId, p.name, () => setExpert(expert === p.userId ? '' : p.userId)))}</View>
              </View>
            )}
            <Button className='block-btn schedule__save' block type='primary' loading={busy} disabled={busy} onClick={() => void save()}>
              安排互查并通知检查组
            </Button>
          </View>
        )}
      </StateView>
    </View>
  );
}

export default SchedulePage;
