import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { addDays, shanghaiDate } from '../../../../../shared/dates';
import type { ExtensionBody } from '../../../../../shared/schemas/hazards';
import { CountdownBadge, LevelTag } from '../../../../components/hazard-item';
import { StateView } from '../../../../components/state-view';
import { useQuery } from '../../../../hooks/use-query';
import { formatDate, formatDateTime } from '../../../../lib/time';
import { extendHazard, getHazard } from '../../../../services/hazards';
import { DateField, fieldErrorsOf, TextAreaField } from '../../components/fields';
import { Button } from '../../components/nut';
import { isConflict, showConflict } from '../../lib/act';
import { backToHazard } from '../../lib/back';
import '../../../../components/hazard-item.scss';
import '../../components/fields.scss';
import './index.scss';

/**
 * More time: the enterprise asks (new date and reason); those who may decide grant it (possibly another date)
 * or refuse a pending request — the actions of the detail say which.
 */
export function ExtensionPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const query = useQuery(() => getHazard(id), [id], { enabled: !!id });
  const h = query.data;
  const [deadline, setDeadline] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<'request' | 'grant' | 'deny' | null>(null);
  const request = !!h?.actions.includes('request_extension');
  const grant = !!h?.actions.includes('grant_extension');
  const deny = !!h?.actions.includes('deny_extension');

  useEffect(() => {
    if (h) setDeadline(h.extensionRequest?.deadline ?? addDays(h.deadline, 7));
  }, [h?.id]);

  const send = async (kind: 'request' | 'grant' | 'deny') => {
    const e: Record<string, string> = {};
    if (!reason.trim()) e.reason = kind === 'deny' ? '请说明驳回理由' : '请说明理由';
    if (kind !== 'deny' && !deadline) e.deadline = '请选择新的整改期限';
    else if (kind !== 'deny' && h && deadline <= h.deadline) e.deadline = '新的期限须晚于当前期限';
    setErrors(e);
    if (Object.keys(e).length > 0) return;
    const body: ExtensionBody =
      kind === 'request'
        ? { deadline, reason: reason.trim() }
        : kind === 'grant'
          ? { deadline, reason: reason.trim(), decision: 'grant' }
          : { reason: reason.trim(), decision: 'deny' };
    setBusy(kind);
    try {
      await extendHazard(id, body);
      await Taro.showToast({ title: kind === 'request' ? '已提交申请' : kind === 'grant' ? '已延期' : '已驳回', icon: 'success' }).catch(() => undefined);
      backToHazard(id);
    } catch (err) {
      if (isConflict(err)) await showConflict(query.reload);
      else setErrors(fieldErrorsOf(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <View className='page extension'>
      <StateView query={query} error={id ? query.error : '缺少隐患参数'}>
        {h && (
          <View>
            <View className='card hz-form__intro'>
              <View>
                <LevelTag level={h.level} />
                <CountdownBadge hazard={h} />
              </View>
              <Text className='card__title'>{h.description}</Text>
              <Text className='card__meta'>
                {h.enterpriseName} · 当前整改期限 {formatDate(h.deadline)}
              </Text>
            </View>
            {h.extensionRequest && (
              <View className='card extension__request'>
                <Text className='card__title'>待审批的延期申请</Text>
                <Text className='card__meta'>
                  {h.extensionRequest.requestedByName} · {formatDateTime(h.extensionRequest.requestedAt)} · 申请延至 {formatDate(h.extensionRequest.deadline)}
                </Text>
                <Text className='extension__reason'>{h.extensionRequest.reason}</Text>
              </View>
            )}
            {!request && !grant && !deny && <Text className='hint'>您当前不能对这条隐患申请或审批延期。</Text>}
            {(request || grant) && (
              <DateField name='deadline' label='新的整改期限' value={deadline} start={addDays(h.deadline, 1)} error={errors.deadline} onChange={setDeadline} />
            )}
            {(request || grant || deny) && (
              <TextAreaField
                name='reason'
                label={request ? '申请理由' : '审批意见'}
                value={reason}
                maxlength={500}
                error={errors.reason}
                placeholder={request ? '为什么需要更多时间：备件、停产窗口、外部施工……' : '同意或驳回的理由'}
                onInput={setReason}
              />
            )}
            <View className='hz-form__submit extension__buttons'>
              {request && (
                <Button className='extension__request-btn' type='primary' block loading={busy === 'request'} disabled={!!busy} onClick={() => void send('request')}>
                  提交延期申请
                </Button>
              )}
              {grant && (
                <Button className='extension__grant' type='primary' block loading={busy === 'grant'} disabled={!!busy} onClick={() => void send('grant')}>
                  {h.extensionRequest ? '批准延期' : '直接延期'}
                </Button>
              )}
              {deny && (
                <Button className='extension__deny' type='danger' fill='outline' block loading={busy === 'deny'} disabled={!!busy} onClick={() => void send('deny')}>
                  驳回申请
                </Button>
              )}
            </View>
            <Text className='hint'>今天是 {shanghaiDate(new Date())}。延期记录会保留在处理记录里。</Text>
          </View>
        )}
      </StateView>
    </View>
  );
}

export default ExtensionPage;
