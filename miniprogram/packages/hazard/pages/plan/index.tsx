import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { shanghaiDate } from '../../../../../shared/dates';
import { FormField } from '../../../../components/form-field';
import { LevelTag } from '../../../../components/hazard-item';
import { StateView } from '../../../../components/state-view';
import { useQuery } from '../../../../hooks/use-query';
import { formatDate } from '../../../../lib/time';
import { getHazard, submitPlan } from '../../../../services/hazards';
import { DateField, fieldErrorsOf, parseMoney, TextAreaField } from '../../components/fields';
import { Button } from '../../components/nut';
import { isConflict, showConflict } from '../../lib/act';
import { backToHazard } from '../../lib/back';
import '../../../../components/hazard-item.scss';
import '../../components/fields.scss';

/** A major hazard's treatment plan, the five fixed (五定): 责任、措施、资金、时限、预案; may be filed again. */
export function PlanPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const query = useQuery(() => getHazard(id), [id], { enabled: !!id });
  const h = query.data;
  const [responsible, setResponsible] = useState('');
  const [measures, setMeasures] = useState('');
  const [funds, setFunds] = useState('');
  const [deadline, setDeadline] = useState('');
  const [contingency, setContingency] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  // a plan filed before opens for revision; a new one is due by the hazard's deadline
  useEffect(() => {
    if (!h) return;
    setResponsible(h.plan?.responsible ?? '');
    setMeasures(h.plan?.measures ?? '');
    setFunds(h.plan ? String(h.plan.funds) : '');
    setDeadline(h.plan?.deadline ?? h.deadline);
    setContingency(h.plan?.contingency ?? '');
  }, [h?.id]);

  const submit = async () => {
    const e: Record<string, string> = {};
    if (!responsible.trim()) e.responsible = '请填写责任人';
    if (!measures.trim()) e.measures = '请填写治理措施';
    if (parseMoney(funds) === null) e.funds = '请填写治理资金（元）';
    if (!deadline) e.deadline = '请选择完成时限';
    if (!contingency.trim()) e.contingency = '请填写应急预案';
    setErrors(e);
    if (Object.keys(e).length > 0) return;
    setBusy(true);
    try {
      await submitPlan(id, { responsible: responsible.trim(), measures: measures.trim(), funds: parseMoney(funds) ?? 0, deadline, contingency: contingency.trim() });
      await Taro.showToast({ title: '治理方案已提交', icon: 'success' }).catch(() => undefined);
      backToHazard(id);
    } catch (err) {
      if (isConflict(err)) await showConflict(query.reload);
      else setErrors(fieldErrorsOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='page plan'>
      <StateView query={query} error={id ? query.error : '缺少隐患参数'}>
        {h && (
          <View>
            <View className='card hz-form__intro'>
              <LevelTag level={h.level} />
              <Text className='card__title'>{h.description}</Text>
              <Text className='card__meta'>
                {h.planDueOn ? `方案须于 ${formatDate(h.planDueOn)} 前填报 · ` : ''}整改期限 {formatDate(h.deadline)}
              </Text>
              <Text className='card__meta'>重大隐患须落实“五定”：责任、措施、资金、时限和应急预案，方案提交后才能提交整改。</Text>
            </View>
            <FormField label='责任人（定责任）' value={responsible} error={errors.responsible} maxlength={40} onInput={setResponsible} />
            <TextAreaField name='measures' label='治理措施（定措施）' value={measures} error={errors.measures} placeholder='停用哪些设备、改造内容、外部单位……' onInput={setMeasures} />
            <FormField label='治理资金（元，定资金）' type='digit' value={funds} error={errors.funds} placeholder='0.00' onInput={setFunds} />
            <DateField name='deadline' label='完成时限（定时限）' value={deadline} start={shanghaiDate(new Date())} error={errors.deadline} onChange={setDeadline} />
            <TextAreaField name='contingency' label='应急预案（定预案）' value={contingency} error={errors.contingency} placeholder='治理期间的监控、隔离、应急处置措施' onInput={setContingency} />
            <View className='hz-form__submit'>
              <Button className='plan__submit' type='primary' block loading={busy} disabled={busy} onClick={() => void submit()}>
                {h.plan ? '重新提交治理方案' : '提交治理方案'}
              </Button>
            </View>
          </View>
        )}
      </StateView>
    </View>
  );
}

export default PlanPage;
