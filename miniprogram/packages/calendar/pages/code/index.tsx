import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import type { CheckinCode } from '../../../../../shared/schemas/activities';
import { getActivity, getCheckinCode } from '../../../../services/activities';
import { messageOf } from '../../../../services/request';
import { useQuery } from '../../../../hooks/use-query';
import '../../components/calendar.scss';

/** Codes rotate every 30 s; fetching every 25 s keeps the shown one always in its window. */
export const CODE_REFRESH_MS = 25_000;

/** The organiser's phone at the venue: the rotating sign-in QR, refreshed while the page is shown. */
export function CheckinCodePage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const activity = useQuery(() => getActivity(id), [id], { enabled: !!id });
  const [code, setCode] = useState<CheckinCode | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [visible, setVisible] = useState(true);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useDidShow(() => setVisible(true));
  useDidHide(() => setVisible(false));

  useEffect(() => {
    if (!id || !visible) return;
    let alive = true;
    void Taro.setKeepScreenOn({ keepScreenOn: true }).catch(() => undefined);
    const tick = async () => {
      try {
        const c = await getCheckinCode(id);
        if (!alive) return;
        setCode(c);
        setError(null);
      } catch (e) {
        if (alive) setError(messageOf(e));
      }
      if (alive) timer.current = setTimeout(() => void tick(), CODE_REFRESH_MS);
    };
    void tick();
    return () => {
      alive = false;
      if (timer.current) clearTimeout(timer.current);
      void Taro.setKeepScreenOn({ keepScreenOn: false }).catch(() => undefined);
    };
  }, [id, visible]);

  return (
    <View className='page cal cal--code'>
      <View className='card'>
        <Text className='card__title'>{activity.data?.title ?? '活动签到'}</Text>
        {activity.data && (
          <Text className='card__meta'>
            已签到 {activity.data.checkedInCount}/{activity.data.invitedCount}
          </Text>
        )}
        {code && <Image className='cal__qr' src={code.qrDataUrl} mode='aspectFit' />}
        {!code && !error && <Text className='cal__hint'>正在生成签到码…</Text>}
        {error && <Text className='cal__hint cal__error'>{error}</Text>}
        <Text className='cal__hint'>请参会人员打开“安全互助”小程序 → 活动日历 → 扫码签到。二维码每 30 秒更换，过时的截图不能签到。</Text>
      </View>
    </View>
  );
}

export default CheckinCodePage;
