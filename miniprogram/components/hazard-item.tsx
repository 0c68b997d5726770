import { Text, View } from '@tarojs/components';
import type { HazardStatus } from '../../shared/enums';
import type { Hazard } from '../../shared/schemas/hazards';
import { CHECK_CATEGORY_LABELS } from '../../shared/schemas/checklists';
import { type BadgeTone, countdown, FINDING_SOURCE_LABELS, HAZARD_STATUS_LABELS, STATUS_TONES } from '../lib/hazard-labels';
import { formatDate } from '../lib/time';
import './hazard-item.scss';

export function Badge({ text, tone, className }: { text: string; tone: BadgeTone; className?: string }) {
  return <Text className={`hz-badge hz-badge--${tone} ${className ?? ''}`}>{text}</Text>;
}

/** 重大 in red; 一般 quiet. */
export function LevelTag({ level }: { level: Hazard['level'] }) {
  return level === 'major' ? <Badge className='hz-level hz-level--major' text='重大' tone='red' /> : <Badge className='hz-level' text='一般' tone='grey' />;
}

export function HazardStatusTag({ status }: { status: HazardStatus }) {
  return <Badge className='hz-status' text={HAZARD_STATUS_LABELS[status]} tone={STATUS_TONES[status]} />;
}

/** "剩3天" / "今天到期" / "逾期2天"; nothing for finished hazards. */
export function CountdownBadge({ hazard }: { hazard: Pick<Hazard, 'status' | 'daysLeft' | 'overdue'> }) {
  const c = countdown(hazard);
  return c ? <Badge className={`hz-countdown${c.tone === 'red' ? ' hz-countdown--overdue' : ''}`} text={c.text} tone={c.tone} /> : null;
}

/** One hazard in a phone list: description, badges, where and when; `showEnterprise` for lists across members. */
export function HazardItem({ hazard: h, showEnterprise, onOpen }: { hazard: Hazard; showEnterprise?: boolean; onOpen: (h: Hazard) => void }) {
  return (
    <View className={`hz-item${h.overdue ? ' hz-item--overdue' : ''}`} onClick={() => onOpen(h)}>
      <View className='hz-item__badges'>
        <LevelTag level={h.level} />
        <HazardStatusTag status={h.status} />
        <CountdownBadge hazard={h} />
      </View>
      <Text className='hz-item__text'>{h.description}</Text>
      <Text className='hz-item__meta'>
        {showEnterprise ? `${h.enterpriseName} · ` : ''}
        {h.workshopName ? `${h.workshopName} · ` : ''}
        {CHECK_CATEGORY_LABELS[h.category]} · {FINDING_SOURCE_LABELS[h.source]}
      </Text>
      <Text className='hz-item__meta'>
        {h.foundByName} 发现于 {formatDate(h.foundOn)} · 整改期限 {formatDate(h.deadline)}
      </Text>
    </View>
  );
}
