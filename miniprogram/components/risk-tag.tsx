import { Text } from '@tarojs/components';
import type { RiskLevel } from '../../shared/enums';
import { RISK_LEVEL_COLORS, RISK_LEVEL_LABELS } from '../../shared/schemas/workshops';

/** The four-colour risk level as a coloured tag (yellow takes dark text to stay readable). */
export function RiskTag({ level }: { level: RiskLevel }) {
  return (
    <Text
      className='risk-tag'
      style={{
        display: 'inline-block',
        padding: '2px 10px',
        borderRadius: '6px',
        fontSize: '12px',
        background: RISK_LEVEL_COLORS[level],
        color: level === 'yellow' ? '#1f2329' : '#fff',
      }}
    >
      {RISK_LEVEL_LABELS[level]}
    </Text>
  );
}
