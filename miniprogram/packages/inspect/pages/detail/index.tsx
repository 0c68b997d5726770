import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { CHECK_CATEGORY_LABELS } from '../../../../../shared/schemas/checklists';
import { INSPECTION_TYPE_LABELS, type CarriedHazard, type Inspection, type RecheckMark } from '../../../../../shared/schemas/inspections';
import { StateView } from '../../../../components/state-view';
import { askSubscribe, primeSubscribe } from '../../../../lib/subscribe';
import { useQuery } from '../../../../hooks/use-query';
import type { QueuedEntry } from '../../../../lib/offline-queue';
import { navigateTo } from '../../../../lib/nav';
import { formatDate } from '../../../../lib/time';
import { ROUTES, withQuery } from '../../../../routes';
import { getInspection, startInspection, submitInspection } from '../../../../services/inspections';
import { toastError } from '../../../../services/request';
import { Button } from '../../components/nut';
import { StatusTag } from '../../components/status-tag';
import { outbox } from '../../lib/outbox';
import './index.scss';

// an inspector who starts a round will want its verification messages next: asked at the tap itself
// (WeChat refuses the prompt after a round trip), the start goes on meanwhile
const startWithSubscribe = (id: string): Promise<Inspection> => {
  void askSubscribe('inspection_accepted');
  return startInspection(id);
};

const ROLE_LABELS = { leader: '组长', member: '组员', expert: '专家' } as const;
const MARK_LABELS: Record<RecheckMark, string> = { still_fixed: '仍已整改', recurred: '复发' };
const HAZARD_STATUS_LABELS: Record<CarriedHazard['status'], string> = {
  reported: '待整改',
  pending_verification: '待验收',
  closed: '已销号',
  voided: '已作废',
};

// each hazard opens its own page: photos, timeline, what may be done with it now
const openHazard = (id: string) => navigateTo(withQuery(ROUTES.hazard, { id }));

/** One inspection: who, what, the workshops to check, 回头看 of the host's earlier hazards, submit. */
export function InspectionPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const [busy, setBusy] = useState<string | null>(null);
  // marks made on this visit stay shown once sent (the detail is not reloaded for each)
  const [marked, setMarked] = useState<Record<string, RecheckMark>>({});
  const [waiting, setWaiting] = useState<QueuedEntry[]>(() => outbox().pending(id));
  // the template ids read ahead, so the start tap can ask at once
  useEffect(primeSubscribe, []);
  useEffect(() => {
    const q = outbox();
    const update = () => setWaiting(q.pending(id));
    update();
    return q.subscribe(update);
  }, [id]);

  const query = useQuery(() => getInspection(id), [id], { enabled: !!id, refetchOnShow: true });
  const data = query.data;

  const run = async (what: string, fn: () => Promise<Inspection>) => {
    setBusy(what);
    try {
      query.setData(await fn());
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(null);
    }
  };

  // a mark made here (or offline) shows at once, before the server has it
  const markOf = (h: CarriedHazard): RecheckMark | null => {
    const local = waiting.find((e) => e.key === `recheck:${h.hazardId}`);
    return local ? (local.payload as { mark: RecheckMark }).mark : (marked[h.hazardId] ?? h.mark);
  };

  const mark = async (h: CarriedHazard, m: RecheckMark) => {
    if (m === 'recurred') {
      const { confirm } = await Taro.showModal({
        title: '标记为复发',
        content: `“${h.description}”将在提交时记为一条新的隐患（与原隐患关联），并计入年度考核。确定吗？`,
        confirmText: '复发',
        cancelText: '取消',
        confirmColor: '#d4380d',
      });
      if (!confirm) return;
    }
    outbox().add({ inspectionId: id, kind: 'rechecks', key: `recheck:${h.hazardId}`, payload: { hazardId: h.hazardId, mark: m } });
    setMarked((cur) => ({ ...cur, [h.hazardId]: m }));
    await outbox().flush();
  };

  const submit = async () => {
    if (!data) return;
    const r = await outbox().flush();
    if (outbox().pending(id).length > 0 || r.offline) {
      void Taro.showModal({ title: '还有记录未同步', content: '手机上还有检查记录没有上传，请在有网络时再提交。', showCancel: false, confirmText: '知道了' });
      return;
    }
    const unmarked = data.carried.filter((h) => !markOf(h)).length;
    const { confirm } = await Taro.showModal({
      title: '提交检查',
      content: `${unmarked ? `还有 ${unmarked} 条“回头看”未标记。` : ''}提交后记录不能再修改，发现的隐患将按规则生成整改期限并通知企业。确定提交吗？`,
      confirmText: '提交',
      cancelText: '取消',
    });
    if (!confirm) return;
    await run('submit', () => submitInspection(id));
  };

  const openRun = (workshopId?: string) => navigateTo(withQuery(ROUTES.inspectionRun, { id, workshopId }));
  const answered = (wsId: string | null) => data?.results.filter((r) => r.workshopId === wsId).length ?? 0;

  return (
    <View className='page inspection'>
      <StateView query={query} error={id ? query.error : '缺少检查参数'}>
        {data && (
          <View>
            <View className='card'>
              <View>
                <Text className='card__title' style={{ display: 'inline' }}>
                  {data.hostName}
                </Text>
                <StatusTag status={data.status} />
              </View>
              <Text className='card__meta'>
                {INSPECTION_TYPE_LABELS[data.type]} · {formatDate(data.scheduledOn)} · {data.checklistName}（第 {data.checklistVersion} 版）
              </Text>
              {data.inspectors.length > 0 && (
                <Text className='inspection__people'>
                  检查组：
                  {data.inspectors.map((p) => `${p.name}（${ROLE_LABELS[p.role]}${p.enterpriseName ? ` · ${p.enterpriseName}` : ''}）`).join('、')}
                </Text>
              )}
              {waiting.length > 0 && <Text className='card__meta'>手机上有 {waiting.length} 条记录待同步。</Text>}
              <View className='card__actions'>
                {data.canStart && (
                  <Button className='btn' type='primary' loading={busy === 'start'} disabled={!!busy} onClick={() => void run('start', () => startWithSubscribe(id))}>
                    开始检查
                  </Button>
                )}
                {data.canSubmit && (
                  <Button className='btn inspection__submit' type='primary' loading={busy === 'submit'} disabled={!!busy} onClick={() => void submit()}>
                    提交检查
                  </Button>
                )}
                {data.type === 'mutual' && data.status === 'submitted' && (
                  <Button className='btn' type='primary' fill='outline' onClick={() => navigateTo(withQuery(ROUTES.inspectionFeedback, { id }))}>
                    反馈汇总
                  </Button>
                )}
              </View>
            </View>

            {data.canRecord && (
              <View>
                <Text className='section-title'>逐项检查</Text>
                <View className='card'>
                  {data.workshops.length === 0 ? (
                    <Button className='btn' type='primary' fill='outline' onClick={() => openRun()}>
                      全厂检查（已填 {answered(null)}/{data.items.length} 项）
                    </Button>
                  ) : (
                    data.workshops.map((w) => (
                      <View key={w.id} className='card__actions'>
                        <Button className='btn inspection__workshop' type='primary' fill='outline' onClick={() => openRun(w.id)}>
                          {w.name}（已填 {answered(w.id)}/{data.items.length} 项）
                        </Button>
                      </View>
                    ))
                  )}
                </View>
              </View>
            )}

            {data.carried.length > 0 && (
              <View>
                <Text className='section-title'>回头看：上次检查发现的隐患（{data.carried.length}）</Text>
                {data.carried.map((h) => {
                  const m = markOf(h);
                  return (
                    <View key={h.hazardId} className='inspection__carried'>
                      <Text className='inspection__carried-text inspection__link' onClick={() => openHazard(h.hazardId)}>
                        {h.description} ›
                      </Text>
                      <Text className='card__meta'>
                        {h.workshopName ? `${h.workshopName} · ` : ''}
                        {CHECK_CATEGORY_LABELS[h.category]} · {h.level === 'major' ? '重大' : '一般'} · {HAZARD_STATUS_LABELS[h.status]} · 发现于 {formatDate(h.foundOn)}
                      </Text>
                      {m && <Text className={`inspection__mark${m === 'recurred' ? ' inspection__mark--recurred' : ''}`}>已标记：{MARK_LABELS[m]}</Text>}
                      {data.canRecord && (
                        <View className='card__actions'>
                          <Button className='btn inspection__fixed' size='small' type={m === 'still_fixed' ? 'success' : 'default'} onClick={() => void mark(h, 'still_fixed')}>
                            仍已整改
                          </Button>
                          <Button className='btn inspection__recurred' size='small' type={m === 'recurred' ? 'danger' : 'default'} onClick={() => void mark(h, 'recurred')}>
                            复发
                          </Button>
                        </View>
                      )}
                    </View>
                  );
                })}
              </View>
            )}

            {data.hazards.length > 0 && (
              <View>
                <Text className='section-title'>本次发现的隐患（{data.hazards.length}）</Text>
                <View className='card'>
                  {data.hazards.map((h) => (
                    <Text key={h.id} className='inspection__hazard inspection__link' onClick={() => openHazard(h.id)}>
                      {h.level === 'major' ? '【重大】' : '【一般】'}
                      {h.description} · 整改期限 {formatDate(h.deadline)} ›
                    </Text>
                  ))}
                </View>
              </View>
            )}
          </View>
        )}
      </StateView>
    </View>
  );
}

export default InspectionPage;
