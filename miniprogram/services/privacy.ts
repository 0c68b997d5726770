// WeChat privacy consent (required since 2023-10). One global listener from wx.onNeedPrivacyAuthorization
// hands the pending `resolve` to whichever <PrivacySheet> is mounted; with none mounted it answers
// 'disagree' so the calling API fails cleanly and the rest of the app stays usable.

interface PrivacyResolveOption {
  event: 'agree' | 'disagree' | 'exposureAuthorization';
  buttonId?: string;
}
type PrivacyResolve = (option: PrivacyResolveOption) => void;
interface WxPrivacyApi {
  onNeedPrivacyAuthorization?: (listener: (resolve: PrivacyResolve) => void) => void;
  openPrivacyContract?: (option?: { fail?: () => void }) => void;
}
declare const wx: WxPrivacyApi | undefined;

function wxApi(): WxPrivacyApi | undefined {
  if (process.env.TARO_ENV !== 'weapp') return undefined;
  return typeof wx === 'undefined' ? undefined : wx;
}

let pending: PrivacyResolve | null = null;
let sheetListener: ((open: boolean) => void) | null = null;

export function installPrivacyListener(): void {
  const api = wxApi();
  if (!api || typeof api.onNeedPrivacyAuthorization !== 'function') return;
  api.onNeedPrivacyAuthorization((resolve) => {
    if (!sheetListener) {
      resolve({ event: 'disagree' });
      return;
    }
    pending = resolve;
    resolve({ event: 'exposureAuthorization' });
    sheetListener(true);
  });
}

/** Called by the sheet component; returns the unsubscribe function. */
export function subscribePrivacySheet(listener: (open: boolean) => void): () => void {
  sheetListener = listener;
  return () => {
    if (sheetListener === listener) sheetListener = null;
    answerPrivacy(false);
  };
}

export function answerPrivacy(agree: boolean, buttonId?: string): void {
  const resolve = pending;
  pending = null;
  if (resolve) resolve(agree ? { event: 'agree', buttonId } : { event: 'disagree' });
  sheetListener?.(false);
}

/** Opens WeChat's privacy contract; false when not available (h5, old base library). */
export function openPrivacyContract(): boolean {
  const api = wxApi();
  if (!api || typeof api.openPrivacyContract !== 'function') return false;
  api.openPrivacyContract({});
  return true;
}
