import Taro from '@tarojs/taro';
import { TAB_ROUTES } from '../routes';

// Navigation that never leaves an unhandled rejection (Taro rejects with a plain object).
function report(what: string, url: string) {
  return (e: unknown) => console.warn(`${what} ${url} failed`, e);
}

export function navigateTo(url: string): void {
  Taro.navigateTo({ url }).catch(report('navigateTo', url));
}

/** Opens a page from scratch; tab pages (no query allowed there) go through switchTab. */
export function relaunch(url: string): void {
  const path = url.split('?')[0];
  if (TAB_ROUTES.includes(path)) Taro.switchTab({ url: path }).catch(report('switchTab', path));
  else Taro.reLaunch({ url }).catch(report('reLaunch', url));
}
