import { Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { EXPERT_VISIT_STATUS_LABELS, type ExpertVisitDetail } from '../../../../../shared/schemas/experts';
import { StateView } from '../../../../components/state-view';
import { useQuery } from '../../../../hooks/use-query';
import { FIX_MODE_LABELS, HAZARD_LEVEL_LABELS } from '../../../../lib/hazard-labels';
import { navigateTo } from '../../../../lib/nav';
import { formatDate, formatDateTime } from '../../../../lib/time';
import { ROUTES, withQuery } from '../../../../routes';
import { getVisit, prescriptionPdfUrl, savePrescription } from '../../../../services/experts';
import { openPdf } from '../../../../services/hazards';
import { toastError } from '../../../../services/request';
import { Button } from '../../components/nut';
import '../../components/experts.scss';

/** The expert's prescription form: general advice, per hazard, and the follow-up. */
function PrescriptionForm({ v, onSaved }: { v: ExpertVisitDetail; onSaved: (d: ExpertVisitDetail) => void }) {
  const [advice, setAdvice] = useState('');
  const [followUp, setFollowUp] = useState('');
  const [items, setItems] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setAdvice(v.advice ?? '');
    setFollowUp(v.followUp ?? '');
    setItems(Object.fromEntries(v.items.map((i) => [i.hazardId, i.advice ?? ''])));
  }, [v.id]);

  const save = async () => {
    setBusy(true);
    try {
      const body = {
        advice: advice.trim(),
        followUp: followUp.trim() || null,
        items: v.items.map((i) => ({ hazardId: i.hazardId, advice: (items[i.hazardId] ?? '').trim() })),
      };
      onSaved(await savePrescription(v.id, body));
      void Taro.showToast({ title: '处方已保存', icon: 'success' }).catch(() => undefined);
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='card'>
      <Text className='exp__section'>{v.advice || v.items.some((i) => i.advice) ? '修改整改处方' : '填写整改处方'}</Text>
      <Text className='card__meta'>总体意见</Text>
      <Textarea className='exp__textarea exp__advice-input' value={advice} maxlength={2000} autoHeight onInput={(e) => setAdvice(e.detail.value)} />
      {v.items.map((i, n) => (
        <View key={i.hazardId}>
          <Text className='card__meta'>
            {n + 1}. {i.description}
          </Text>
          <Textarea
            className='exp__textarea'
            value={items[i.hazardId] ?? ''}
            maxlength={1000}
            autoHeight
            placeholder='针对本条隐患的整改建议（不填则按标准要求）'
            onInput={(e) => setItems((cur) => ({ ...cur, [i.hazardId]: e.detail.value }))}
          />
        </View>
      ))}
      <Text className='card__meta'>后续跟踪</Text>
      <Textarea className='exp__textarea' value={followUp} maxlength={500} autoHeight placeholder='如：一个月后回访复查' onInput={(e) => setFollowUp(e.detail.value)} />
      <View className='block-btn'>
        <Button className='exp__save' type='primary' block loading={busy} disabled={busy} onClick={() => void save()}>
          保存处方
        </Button>
      </View>
    </View>
  );
}

/** One visit: the enterprise, purpose, state; the hazards found with the expert's advice; 整改处方 PDF once done. */
export function VisitPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const query = useQuery(() => getVisit(id), [id], { enabled: !!id, refetchOnShow: true });
  const v = query.data;

  return (
    <View className='page exp'>
      <StateView query={query} error={id ? query.error : '缺少参数'}>
        {v && (
          <View>
            <View className='card'>
              <View className='exp__line'>
                <Text className={`tag exp__status exp__status--${v.status}`}>{EXPERT_VISIT_STATUS_LABELS[v.status]}</Text>
                <Text className='card__title'>{v.enterpriseName}</Text>
              </View>
              <Text className='card__meta'>
                {formatDate(v.scheduledOn)} · 专家 {v.expertName}
              </Text>
              <Text className='exp__text'>检查重点：{v.purpose}</Text>
              {v.submittedAt && <Text className='card__meta'>完成于 {formatDateTime(v.submittedAt)} · 发现隐患 {v.hazardCount} 项</Text>}
            </View>
            <View className='block-btn block-btn--stack'>
              {v.canEditPrescription && v.status !== 'submitted' && (
                <Button className='exp__run' type='primary' block onClick={() => navigateTo(withQuery(ROUTES.inspection, { id: v.inspectionId }))}>
                  {v.status === 'planned' ? '开始检查' : '继续检查'}
                </Button>
              )}
              <Button
                className='exp__pdf'
                type='primary'
                fill='outline'
                block
                disabled={!v.prescriptionReady}
                onClick={() => void openPdf(prescriptionPdfUrl(v.id)).catch(toastError)}
              >
                {v.prescriptionReady ? '整改处方 PDF' : '整改处方（检查提交后可查看）'}
              </Button>
            </View>
            {(v.advice || v.followUp || v.items.length > 0) && (
              <View className='card'>
                <Text className='exp__section'>整改处方</Text>
                {v.advice && <Text className='exp__text'>总体意见：{v.advice}</Text>}
                {v.items.map((i, n) => (
                  <View key={i.hazardId} className='exp__rx' onClick={() => navigateTo(withQuery(ROUTES.hazard, { id: i.hazardId }))}>
                    <Text className='exp__text'>
                      {n + 1}. 【{HAZARD_LEVEL_LABELS[i.level]}】{i.description}
                    </Text>
                    <Text className='card__meta'>
                      {i.place ?? ''} · {FIX_MODE_LABELS[i.fixMode]} · 期限 {formatDate(i.deadline)}
                    </Text>
                    {i.advice && <Text className='exp__advice'>专家建议：{i.advice}</Text>}
                  </View>
                ))}
                {v.followUp && <Text className='exp__text'>后续跟踪：{v.followUp}</Text>}
              </View>
            )}
            {v.canEditPrescription && <PrescriptionForm v={v} onSaved={(d) => query.setData(d)} />}
          </View>
        )}
      </StateView>
    </View>
  );
}

export default VisitPage;
