import { Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useRef } from 'react';
import { getActivity, getCheckinCode } from '../../../../services/activities';
import { StateView } from '../../../../components/state-view';
import { useQuery } from '../../../../hooks/use-query';
import '../../components/calendar.scss';

/** Codes rotate every 30 s; fetching every 25 s keeps the shown one always in its window. */
export const CODE_REFRESH_MS = 25_000;

/** The organiser's phone at the venue: the rotating sign-in QR, refreshed while the page is shown. */
export function CheckinCodePage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const activity = useQuery(() => getActivity(id), [id], { enabled: !!id });
  // a fresh code whenever the page shows again, and every 25 s while it is open (a failed refresh keeps
  // the shown code and says so)
  const code = useQuery(() => getCheckinCode(id), [id], { enabled: !!id, refetchOnShow: true });
  const reload = useRef(code.reload);
  reload.current = code.reload;

  useEffect(() => {
    if (!id) return;
    void Taro.setKeepScreenOn({ keepScreenOn: true }).catch(() => undefined);
    const timer = setInterval(() => void reload.current(), CODE_REFRESH_MS);
    return () => {
      clearInterval(timer);
      void Taro.setKeepScreenOn({ keepScreenOn: false }).catch(() => undefined);
    };
  }, [id]);

  return (
    <View className='page cal cal--code'>
      <View className='card'>
        <Text className='card__title'>{activity.data?.title ?? '活动签到'}</Text>
        {activity.data && (
          <Text className='card__meta'>
            已签到 {activity.data.checkedInCount}/{activity.data.invitedCount}
          </Text>
        )}
        <StateView query={code}>{code.data && <Image className='cal__qr' src={code.data.qrDataUrl} mode='aspectFit' />}</StateView>
        <Text className='cal__hint'>请参会人员打开“安全互助”小程序 → 活动日历 → 扫码签到。二维码每 30 秒更换，过时的截图不能签到。</Text>
      </View>
    </View>
  );
}

export default CheckinCodePage;
