import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import type { ActivityKind } from '../../../../shared/schemas/activities';
import type { DetailsForm, FollowUpForm } from '../lib/activity-form';

interface Props {
  kind: ActivityKind;
  value: DetailsForm;
  errors: Record<string, string>;
  onChange: (next: DetailsForm) => void;
}

function Area(p: { label: string; name: string; value: string; error?: string; max: number; placeholder?: string; onInput: (v: string) => void }) {
  return (
    <View className={`field${p.error ? ' field--invalid' : ''}`}>
      <Text className='field__label'>{p.label}</Text>
      <Textarea className={`cal__textarea cal__${p.name}`} value={p.value} maxlength={p.max} autoHeight placeholder={p.placeholder} onInput={(ev) => p.onInput(ev.detail.value)} />
      {p.error && <Text className='field__error'>{p.error}</Text>}
    </View>
  );
}

/** The meeting's decisions and follow-ups: rows added and removed one by one. */
function MeetingLists({ value, errors, onChange }: Omit<Props, 'kind'>) {
  const set = (patch: Partial<DetailsForm>) => onChange({ ...value, ...patch });
  const setFollowUp = (i: number, patch: Partial<FollowUpForm>) => set({ followUps: value.followUps.map((f, j) => (j === i ? { ...f, ...patch } : f)) });
  return (
    <View>
      <View className='field'>
        <Text className='field__label'>议定事项</Text>
        {value.decisions.map((d, i) => (
          <View key={i} className='cal__row'>
            <Text className='cal__num'>{i + 1}.</Text>
            <Input className='cal__input cal__decision' value={d} maxlength={500} placeholder='议定的事项' onInput={(ev) => set({ decisions: value.decisions.map((x, j) => (j === i ? ev.detail.value : x)) })} />
            <Text className='cal__remove' onClick={() => set({ decisions: value.decisions.filter((_, j) => j !== i) })}>
              删除
            </Text>
          </View>
        ))}
        {errors.decisions && <Text className='field__error'>{errors.decisions}</Text>}
        <Text className='cal__chip cal__add-decision' onClick={() => set({ decisions: [...value.decisions, ''] })}>
          ＋ 议定事项
        </Text>
      </View>
      <View className='field'>
        <Text className='field__label'>跟进事项（负责人、完成期限）</Text>
        {value.followUps.map((f, i) => (
          <View key={i} className='cal__follow'>
            <Input className='cal__input cal__follow-text' value={f.text} maxlength={500} placeholder='跟进的事项' onInput={(ev) => setFollowUp(i, { text: ev.detail.value })} />
            <View className='cal__row'>
              <Input className='cal__input cal__follow-owner' value={f.owner} maxlength={40} placeholder='负责人' onInput={(ev) => setFollowUp(i, { owner: ev.detail.value })} />
              <Picker mode='date' value={f.dueOn} onChange={(ev) => setFollowUp(i, { dueOn: String(ev.detail.value) })}>
                <Text className='cal__picker cal__follow-due'>{f.dueOn || '完成期限'}</Text>
              </Picker>
              <Text className='cal__remove' onClick={() => set({ followUps: value.followUps.filter((_, j) => j !== i) })}>
                删除
              </Text>
            </View>
            {errors[`details.followUps.${i}.text`] && <Text className='field__error'>{errors[`details.followUps.${i}.text`]}</Text>}
          </View>
        ))}
        <Text className='cal__chip cal__add-follow' onClick={() => set({ followUps: [...value.followUps, { text: '', owner: '', dueOn: '' }] })}>
          ＋ 跟进事项
        </Text>
      </View>
    </View>
  );
}

/** What the record holds for the kind: minutes and lists of a meeting, a drill's plan and findings, an outline. */
export function DetailsEditor({ kind, value, errors, onChange }: Props) {
  const set = (patch: Partial<DetailsForm>) => onChange({ ...value, ...patch });
  const e = (k: string) => errors[`details.${k}`];
  if (kind === 'meeting') {
    return (
      <View>
        <Area label='会议纪要' name='minutes' value={value.minutes} error={e('minutes')} max={5000} placeholder='会后填写也可以' onInput={(v) => set({ minutes: v })} />
        <MeetingLists value={value} errors={errors} onChange={onChange} />
      </View>
    );
  }
  if (kind === 'drill') {
    return (
      <View>
        <View className={`field${e('emergencyPlan') ? ' field--invalid' : ''}`}>
          <Text className='field__label'>演练的应急预案（必填）</Text>
          <Input className='cal__input cal__plan' value={value.emergencyPlan} maxlength={200} placeholder='如：乙炔泄漏专项应急预案' onInput={(ev) => set({ emergencyPlan: ev.detail.value })} />
          {e('emergencyPlan') && <Text className='field__error'>{e('emergencyPlan')}</Text>}
        </View>
        <Area label='演练情景' name='scenario' value={value.scenario} error={e('scenario')} max={2000} placeholder='如：充装间软管破裂，乙炔泄漏' onInput={(v) => set({ scenario: v })} />
        <Area label='参演人员' name='participants' value={value.participants} error={e('participants')} max={1000} onInput={(v) => set({ participants: v })} />
        <Area label='发现的问题' name='findings' value={value.findings} error={e('findings')} max={2000} placeholder='演练后填写' onInput={(v) => set({ findings: v })} />
      </View>
    );
  }
  return <Area label='内容提要' name='outline' value={value.outline} error={e('outline')} max={5000} placeholder='学习 / 讲授 / 交流的要点' onInput={(v) => set({ outline: v })} />;
}
