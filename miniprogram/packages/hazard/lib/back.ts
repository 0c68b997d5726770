import Taro from '@tarojs/taro';
import { ROUTES, withQuery } from '../../../routes';

/** After a move: back to the hazard (it reloads on show), or open it when this form was the first page. */
export function backToHazard(id: string): void {
  if (Taro.getCurrentPages().length > 1) {
    Taro.navigateBack().catch(() => undefined);
    return;
  }
  Taro.redirectTo({ url: withQuery(ROUTES.hazard, { id }) }).catch(() => undefined);
}
