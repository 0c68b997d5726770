import { Text, View } from '@tarojs/components';
import type { HazardEvent } from '../../../../shared/schemas/hazards';
import { eventDetails, HAZARD_EVENT_LABELS } from '../../../lib/hazard-labels';
import { formatDateTime } from '../../../lib/time';
import { ServerPhotos } from './photos';
import './timeline.scss';

/** The append-only history: who, when, what, the note, what changed and the photos; oldest first. */
export function Timeline({ events }: { events: HazardEvent[] }) {
  return (
    <View className='hz-timeline'>
      {events.map((e) => (
        <View key={e.id} className={`hz-timeline__event hz-timeline__event--${e.kind}`}>
          <View className='hz-timeline__dot' />
          <View className='hz-timeline__body'>
            <Text className='hz-timeline__what'>{HAZARD_EVENT_LABELS[e.kind]}</Text>
            <Text className='hz-timeline__who'>
              {e.actorName ?? '系统'} · {formatDateTime(e.at)}
            </Text>
            {e.note && <Text className='hz-timeline__note'>{e.note}</Text>}
            {eventDetails(e).map((line) => (
              <Text key={line} className='hz-timeline__detail'>
                {line}
              </Text>
            ))}
            <ServerPhotos ids={e.photoIds} />
          </View>
        </View>
      ))}
    </View>
  );
}
