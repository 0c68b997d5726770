import type { RiskLevel } from './enums';

// LEC method (作业条件危险性评价法): D = L × E × C, values and thresholds as in docs/domain.md.
/** L: likelihood of an accident (事故发生的可能性). */
export const LEC_L_VALUES = [10, 6, 3, 1, 0.5, 0.2, 0.1] as const;
/** E: how often people are exposed (暴露于危险环境的频繁程度). */
export const LEC_E_VALUES = [10, 6, 3, 2, 1, 0.5] as const;
/** C: consequence (发生事故可能造成的后果). */
export const LEC_C_VALUES = [100, 40, 15, 7, 3, 1] as const;

export const LEC_L_LABELS: Record<number, string> = {
  10: '完全可以预料',
  6: '相当可能',
  3: '可能，但不经常',
  1: '可能性小，完全意外',
  0.5: '很不可能，可以设想',
  0.2: '极不可能',
  0.1: '实际不可能',
};
export const LEC_E_LABELS: Record<number, string> = {
  10: '连续暴露',
  6: '每天工作时间内暴露',
  3: '每周一次或偶然暴露',
  2: '每月一次暴露',
  1: '每年几次暴露',
  0.5: '非常罕见地暴露',
};
export const LEC_C_LABELS: Record<number, string> = {
  100: '大灾难，许多人死亡',
  40: '灾难，数人死亡',
  15: '非常严重，一人死亡',
  7: '严重，重伤',
  3: '重大，致残',
  1: '引人注目，需要救护',
};

export interface LecInput {
  l: number;
  e: number;
  c: number;
}

export interface LecResult {
  d: number;
  level: RiskLevel;
}

/** Whether L, E and C are each one of the method's listed values. */
export function isLecInput(v: LecInput): boolean {
  return (
    (LEC_L_VALUES as readonly number[]).includes(v.l) &&
    (LEC_E_VALUES as readonly number[]).includes(v.e) &&
    (LEC_C_VALUES as readonly number[]).includes(v.c)
  );
}

/** Risk level from D: > 320 red, 160–320 orange, 70–160 yellow, < 70 blue (a boundary value takes the lower band's upper end: 320 orange, 160 orange, 70 yellow). */
export function lecLevel(d: number): RiskLevel {
  if (d > 320) return 'red';
  if (d >= 160) return 'orange';
  if (d >= 70) return 'yellow';
  return 'blue';
}

/** D = L × E × C (rounded to 2 decimals: 0.1 × 0.5 × 1 is 0.05, not 0.05000000000000001) and its level. */
export function computeLec(input: LecInput): LecResult {
  const d = Math.round(input.l * input.e * input.c * 100) / 100;
  return { d, level: lecLevel(d) };
}
