// Sign-in at the venue: scan the organiser's rotating QR, read it (shared/checkin-code.ts), POST the code.
import Taro from '@tarojs/taro';
import { parseCheckinQr } from '../../../../shared/checkin-code';
import type { CheckinResult } from '../../../../shared/schemas/activities';
import { askSubscribe } from '../../../lib/subscribe';
import { checkin } from '../../../services/activities';
import { ApiError, messageOf } from '../../../services/request';

/** Only the WeChat app has a camera scanner; the browser says where to sign in instead. */
export const CAN_SCAN = process.env.TARO_ENV === 'weapp';
export const SCAN_ELSEWHERE = '签到请在微信“安全互助”小程序中扫码';

/** Messages for the sign-in refusals a person can fix themselves. */
export const CHECKIN_MESSAGES = {
  expired: '签到码已过期：请让组织者刷新屏幕上的二维码，再扫一次。',
  invalid: '签到码无效：请扫描组织者手机上正在显示的活动签到码。',
  notCheckin: '这不是活动签到码：请扫描组织者手机上显示的签到二维码。',
  otherActivity: '这是另一场活动的签到码，请确认您所在的活动。',
} as const;

const say = (content: string) => Taro.showModal({ title: '未能签到', content, showCancel: false, confirmText: '知道了' }).catch(() => undefined);

/** The scanned text → which activity and code; `expectedId` when the person scans from an activity's page. */
export function readScan(text: string, expectedId?: string): { activityId: string; code: string } | { error: string } {
  const { activityId, code } = parseCheckinQr(text);
  if (expectedId && activityId && activityId !== expectedId) return { error: CHECKIN_MESSAGES.otherActivity };
  const id = activityId ?? expectedId;
  // a bare code only makes sense from an activity's own page; anything else is some other QR
  if (!id || !code || /^https?:/i.test(code)) return { error: CHECKIN_MESSAGES.notCheckin };
  return { activityId: id, code };
}

/** Opens the camera, signs in, tells the person the outcome; the result, or null when nothing was recorded. */
export async function scanAndCheckin(expectedId?: string): Promise<CheckinResult | null> {
  // the prompt only shows inside the tap (not after the camera or the request), so it comes before the camera
  await askSubscribe('activity_signed_in');
  let text: string;
  try {
    text = (await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })).result;
  } catch {
    return null; // the person closed the camera
  }
  const read = readScan(text, expectedId);
  if ('error' in read) {
    await say(read.error);
    return null;
  }
  try {
    const res = await checkin(read.activityId, read.code);
    void Taro.showToast({ title: res.first ? '签到成功' : '您已签到过', icon: 'success' }).catch(() => undefined);
    return res;
  } catch (e) {
    const code = e instanceof ApiError ? e.code : '';
    await say(code === 'CHECKIN_CODE_EXPIRED' ? CHECKIN_MESSAGES.expired : code === 'CHECKIN_CODE_INVALID' ? CHECKIN_MESSAGES.invalid : messageOf(e));
    return null;
  }
}
