import { Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { CHECK_CATEGORY_LABELS } from '../../../../../shared/schemas/checklists';
import { HAZARD_ACTION_LABELS, type HazardAction } from '../../../../../shared/hazard-lifecycle';
import type { HazardDetail } from '../../../../../shared/schemas/hazards';
import { CountdownBadge, HazardStatusTag, LevelTag } from '../../../../components/hazard-item';
import { StateView } from '../../../../components/state-view';
import { useQuery } from '../../../../hooks/use-query';
import { FIX_MODE_LABELS, FINDING_SOURCE_LABELS } from '../../../../lib/hazard-labels';
import { navigateTo } from '../../../../lib/nav';
import { formatDate, formatDateTime } from '../../../../lib/time';
import { ROUTES, withQuery } from '../../../../routes';
import { getHazard, hazardNoticeUrl, inspectionNoticeUrl, openPdf, verifyHazard, voidHazard } from '../../../../services/hazards';
import { toastError } from '../../../../services/request';
import { Button } from '../../components/nut';
import { ServerPhotos } from '../../components/photos';
import { Timeline } from '../../components/timeline';
import { runMove } from '../../lib/act';
import '../../../../components/hazard-item.scss';
import './index.scss';

type Panel = 'reject' | 'void' | null;

/** One hazard: what, where, the deadline, before/after photos, plan, fix, the timeline, and the caller's actions. */
export function HazardDetailPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const query = useQuery(() => getHazard(id), [id], { enabled: !!id, refetchOnShow: true });
  const h = query.data;
  const [panel, setPanel] = useState<Panel>(null);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = async () => {
    setPanel(null);
    await query.reload();
  };
  const move = async (fn: () => Promise<HazardDetail>, done: string) => {
    setBusy(true);
    const saved = await runMove(fn, reload);
    setBusy(false);
    if (!saved) return;
    setPanel(null);
    setNote('');
    // the server answers the moved hazard; an answer without its timeline is reloaded instead
    if (Array.isArray((saved as Partial<HazardDetail>).events)) query.setData(saved);
    else await query.reload();
    void Taro.showToast({ title: done, icon: 'success' });
  };

  const act = async (a: HazardAction) => {
    if (!h) return;
    setNoteError(null);
    switch (a) {
      case 'submit_plan':
        return navigateTo(withQuery(ROUTES.hazardPlan, { id }));
      case 'submit_rectification':
        return navigateTo(withQuery(ROUTES.hazardRectify, { id }));
      case 'request_extension':
      case 'grant_extension':
      case 'deny_extension':
        return navigateTo(withQuery(ROUTES.hazardExtension, { id }));
      case 'accept': {
        const { confirm } = await Taro.showModal({ title: '验收通过', content: '确认整改到位、予以销号吗？', confirmText: '通过', cancelText: '取消' });
        if (confirm) await move(() => verifyHazard(id, { decision: 'accept', version: h.version }), '已销号');
        return;
      }
      case 'reject':
      case 'void':
        setNote('');
        return setPanel(a);
    }
  };

  const confirmPanel = async () => {
    if (!h || !panel) return;
    const text = note.trim();
    if (!text) return setNoteError(panel === 'reject' ? '退回整改须说明原因' : '请填写作废原因');
    if (panel === 'reject') return move(() => verifyHazard(id, { decision: 'reject', note: text, version: h.version }), '已退回');
    const { confirm } = await Taro.showModal({
      title: '作废隐患',
      content: '作废表示这条隐患是误录，记录仍会保留，但不再计入整改。确定作废吗？',
      confirmText: '作废',
      confirmColor: '#d4380d',
      cancelText: '取消',
    });
    if (confirm) await move(() => voidHazard(id, text), '已作废');
  };

  const pdf = (url: string) => void openPdf(url).catch(toastError);

  return (
    <View className='page hazard'>
      <StateView query={query} error={id ? query.error : '缺少隐患参数'}>
        {h && (
          <View className='hazard__cols'>
            <View className='hazard__main'>
              <View className='card'>
                <View className='hazard__badges'>
                  <LevelTag level={h.level} />
                  <HazardStatusTag status={h.status} />
                  <CountdownBadge hazard={h} />
                </View>
                <Text className='hazard__desc'>{h.description}</Text>
                <Text className='card__meta'>
                  {h.enterpriseName}
                  {h.workshopName ? ` · ${h.workshopName}` : ''}
                </Text>
                <Text className='card__meta'>
                  {CHECK_CATEGORY_LABELS[h.category]} · {FINDING_SOURCE_LABELS[h.source]} · {FIX_MODE_LABELS[h.fixMode]}
                  {h.itemCode ? ` · 检查项 ${h.itemCode}` : ''}
                </Text>
                <Text className='card__meta'>
                  {h.foundByName} 发现于 {formatDate(h.foundOn)}
                </Text>
                <Text className={`hazard__deadline${h.overdue ? ' hazard__deadline--overdue' : ''}`}>整改期限：{formatDate(h.deadline)}</Text>
                {h.planDueOn && !h.plan && h.status === 'reported' && <Text className='hazard__warn'>治理方案（五定）须于 {formatDate(h.planDueOn)} 前填报</Text>}
                {h.verifiedByName && (
                  <Text className='card__meta'>
                    验收：{h.verifiedByName}
                    {h.verifiedOn ? ` · ${formatDate(h.verifiedOn)}` : ''}
                  </Text>
                )}
                <ServerPhotos ids={h.photoIds} label='隐患照片（整改前）' />
                {h.actions.length > 0 && (
                  <View className='hazard__actions'>
                    {h.actions.map((a) => (
                      <Button
                        key={a}
                        className={`btn hazard__action hazard__action--${a}`}
                        type={a === 'void' || a === 'reject' || a === 'deny_extension' ? 'danger' : 'primary'}
                        fill={a === 'submit_rectification' || a === 'accept' ? 'solid' : 'outline'}
                        disabled={busy}
                        onClick={() => void act(a)}
                      >
                        {HAZARD_ACTION_LABELS[a]}
                      </Button>
                    ))}
                  </View>
                )}
                {panel && (
                  <View className='hazard__panel'>
                    <Text className='hazard__panel-title'>{panel === 'reject' ? '退回原因（企业将看到）' : '作废原因'}</Text>
                    <Textarea
                      className='hazard__note'
                      value={note}
                      maxlength={500}
                      autoHeight
                      placeholder={panel === 'reject' ? '哪里没有整改到位、还需要做什么' : '例如：重复录入、录错企业'}
                      onInput={(e) => setNote(e.detail.value)}
                    />
                    {noteError && <Text className='field__error'>{noteError}</Text>}
                    <View className='card__actions'>
                      <Button className='btn' disabled={busy} onClick={() => setPanel(null)}>
                        取消
                      </Button>
                      <Button className='btn hazard__confirm' type='danger' loading={busy} disabled={busy} onClick={() => void confirmPanel()}>
                        {panel === 'reject' ? '退回整改' : '作废'}
                      </Button>
                    </View>
                  </View>
                )}
              </View>

              {h.extensionRequest && (
                <View className='card hazard__extension'>
                  <Text className='card__title'>延期申请（待审批）</Text>
                  <Text className='card__meta'>
                    {h.extensionRequest.requestedByName} 于 {formatDateTime(h.extensionRequest.requestedAt)} 申请延期至 {formatDate(h.extensionRequest.deadline)}
                  </Text>
                  <Text className='hazard__text'>{h.extensionRequest.reason}</Text>
                </View>
              )}

              {h.plan && (
                <View className='card hazard__plan'>
                  <Text className='card__title'>治理方案（五定）</Text>
                  <Text className='hazard__line'>责任人：{h.plan.responsible}</Text>
                  <Text className='hazard__line'>治理措施：{h.plan.measures}</Text>
                  <Text className='hazard__line'>治理资金：{h.plan.funds.toFixed(2)} 元</Text>
                  <Text className='hazard__line'>完成时限：{formatDate(h.plan.deadline)}</Text>
                  <Text className='hazard__line'>应急预案：{h.plan.contingency}</Text>
                  <Text className='card__meta'>填报于 {formatDateTime(h.plan.submittedAt)}</Text>
                </View>
              )}

              {h.rectification && (
                <View className='card hazard__fix'>
                  <Text className='card__title'>整改情况</Text>
                  <Text className='hazard__line'>整改措施：{h.rectification.measures}</Text>
                  <Text className='hazard__line'>整改资金：{h.rectification.cost.toFixed(2)} 元</Text>
                  <Text className='hazard__line'>责任人：{h.rectification.responsible}</Text>
                  <Text className='hazard__line'>完成日期：{formatDate(h.rectification.completedOn)}</Text>
                  <Text className='card__meta'>
                    {h.rectification.submittedByName} 提交于 {formatDateTime(h.rectification.submittedAt)}
                  </Text>
                  <ServerPhotos ids={h.rectification.photoIds} label='整改后照片' />
                </View>
              )}
            </View>
            <View className='hazard__side'>
              <Text className='section-title'>处理记录</Text>
              <View className='card'>
                <Timeline events={h.events} />
              </View>

              <View className='card__actions hazard__docs'>
                <Button className='btn hazard__notice' fill='outline' onClick={() => pdf(hazardNoticeUrl(id))}>
                  整改通知书
                </Button>
                {h.inspectionId && (
                  <Button className='btn' fill='outline' onClick={() => pdf(inspectionNoticeUrl(h.inspectionId ?? ''))}>
                    本次检查通知书
                  </Button>
                )}
              </View>
            </View>
          </View>
        )}
      </StateView>
    </View>
  );
}

export default HazardDetailPage;
