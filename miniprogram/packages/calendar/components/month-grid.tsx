import { Text, View } from '@tarojs/components';
import { monthRange } from '../lib/month';

const HEAD = ['日', '一', '二', '三', '四', '五', '六'];

/** A month as a 7-column grid (Sunday first); days with activities are marked; a tap picks (or clears) a day. */
export function MonthGrid(props: { month: string; busyDays: ReadonlySet<string>; today: string; selected: string | null; onPick: (day: string | null) => void }) {
  const { to } = monthRange(props.month);
  const [y, m] = props.month.split('-').map(Number);
  const lead = new Date(Date.UTC(y, m - 1, 1)).getUTCDay();
  const days = Array.from({ length: Number(to.slice(8)) }, (_, i) => `${props.month}-${String(i + 1).padStart(2, '0')}`);
  return (
    <View className='card cal-grid'>
      {HEAD.map((h) => (
        <Text key={h} className='cal-grid__head'>
          {h}
        </Text>
      ))}
      {Array.from({ length: lead }, (_, i) => (
        <Text key={`pad-${i}`} className='cal-grid__pad' />
      ))}
      {days.map((d) => {
        const cls = [
          'cal-grid__day',
          props.busyDays.has(d) ? 'cal-grid__day--busy' : '',
          d === props.today ? 'cal-grid__day--today' : '',
          d === props.selected ? 'cal-grid__day--on' : '',
        ].join(' ');
        return (
          <View key={d} className={cls} onClick={() => props.onPick(d === props.selected ? null : d)}>
            <Text>{Number(d.slice(8))}</Text>
            {props.busyDays.has(d) && <View className='cal-grid__dot' />}
          </View>
        );
      })}
    </View>
  );
}
