import { Text, View } from '@tarojs/components';
import {
  computeLec,
  LEC_C_LABELS,
  LEC_C_VALUES,
  LEC_E_LABELS,
  LEC_E_VALUES,
  LEC_L_LABELS,
  LEC_L_VALUES,
  type LecInput,
} from '../../../../shared/lec';
import { RISK_LEVEL_LABELS } from '../../../../shared/schemas/workshops';
import { Chips } from './chips';
import { RiskTag } from '../../../components/risk-tag';

export interface LecDraft {
  l: number | null;
  e: number | null;
  c: number | null;
}

export function lecComplete(d: LecDraft): d is LecInput {
  return d.l !== null && d.e !== null && d.c !== null;
}

const chipsOf = (values: readonly number[], labels: Record<number, string>) =>
  values.map((v) => ({ value: v, label: String(v), hint: labels[v] }));

/** 作业条件危险性评价法: pick L, E, C; D and the risk level follow as the person picks (same rule as the server). */
export function LecCalculator({ value, onChange }: { value: LecDraft; onChange: (v: LecDraft) => void }) {
  const result = lecComplete(value) ? computeLec(value) : null;
  return (
    <View className='lec'>
      <Chips label='L 事故发生的可能性' chips={chipsOf(LEC_L_VALUES, LEC_L_LABELS)} value={value.l} onChange={(l) => onChange({ ...value, l })} />
      <Chips label='E 暴露于危险环境的频繁程度' chips={chipsOf(LEC_E_VALUES, LEC_E_LABELS)} value={value.e} onChange={(e) => onChange({ ...value, e })} />
      <Chips label='C 发生事故可能造成的后果' chips={chipsOf(LEC_C_VALUES, LEC_C_LABELS)} value={value.c} onChange={(c) => onChange({ ...value, c })} />
      <View className='field lec__result'>
        {result ? (
          <View>
            <Text className='lec__d'>D = L × E × C = {result.d}</Text>
            <RiskTag level={result.level} />
            <Text className='card__meta'>判定：{RISK_LEVEL_LABELS[result.level]}（D&gt;320 重大，160–320 较大，70–160 一般，&lt;70 低）</Text>
          </View>
        ) : (
          <Text className='card__meta'>选齐 L、E、C 后自动计算 D 值和风险等级</Text>
        )}
      </View>
    </View>
  );
}
