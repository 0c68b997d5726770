// The unread message count for a tab page: fetched on mount and every time the page shows again, and put
// on the 隐患 tab's badge. A failure leaves the badge as it was (it is a hint, not worth an error toast).
import { refreshUnreadBadge } from '../services/notifications';
import { useQuery } from './use-query';

export function useUnreadBadge(enabled = true): number | null {
  const q = useQuery(refreshUnreadBadge, [], { enabled, refetchOnShow: true });
  return q.data ?? null;
}
